// eventscope: with a subcommand, a headless tool (never creates a QApplication); without one,
// the desktop GUI.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>

#include "cli_support.h"
#include "commands.h"
#include "core/io/did_you_mean.h"
#ifdef EVENTSCOPE_WITH_GUI
#include <QString>

#include "ui/window/gui_main.h"
#endif

int main(int argc, char** argv) {
  using namespace eventscope::app;
  CLI::App app{"Eventscope " EVENTSCOPE_VERSION
               " - simulate, debug and teach event-driven architectures"};
  app.set_version_flag("--version", "eventscope " EVENTSCOPE_VERSION);
  app.require_subcommand(0, 1);
  std::string file;
#ifdef EVENTSCOPE_WITH_GUI
  app.add_option("FILE", file,
                 "Scenario or recording to open in the desktop GUI (without a command, the GUI "
                 "opens; its settings are in ~/.config/Eventscope/eventscope.conf)");
#else
  app.add_option("FILE", file, "Scenario to open in the desktop GUI (this build has none)");
#endif
  app.footer(
      "Exit status: 0 success, 1 runtime failure, 2 invalid input or usage.\n"
      "Run 'eventscope COMMAND --help' for the options of a command.");

  const Command run = addRunCommand(app);
  const Command validate = addValidateCommand(app);
  const Command inspect = addInspectCommand(app);
  const Command events = addEventsCommand(app);
  const Command trace = addTraceCommand(app);
  const Command exporting = addExportCommand(app);
  const Command importing = addImportCommand(app);
  const Command replay = addReplayCommand(app);
  const Command diff = addDiffCommand(app);
  const Command lesson = addLessonCommand(app);
#ifdef EVENTSCOPE_WITH_GUI
  const Command snapshot = addSnapshotCommand(app, argc, argv);
#endif

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kInvalidInput;
  }

  if (app.got_subcommand("run")) return run();
  if (app.got_subcommand("validate")) return validate();
  if (app.got_subcommand("inspect")) return inspect();
  if (app.got_subcommand("events")) return events();
  if (app.got_subcommand("trace")) return trace();
  if (app.got_subcommand("export")) return exporting();
  if (app.got_subcommand("import")) return importing();
  if (app.got_subcommand("replay")) return replay();
  if (app.got_subcommand("diff")) return diff();
  if (app.got_subcommand("lesson")) return lesson();
#ifdef EVENTSCOPE_WITH_GUI
  if (app.got_subcommand("snapshot")) return snapshot();
#endif
  if (!file.empty() && !std::filesystem::exists(file)) {
    std::cerr << "eventscope: '" << file << "' is neither a command nor a file";
    if (const auto hint = eventscope::core::closestMatch(
            file, {"run", "validate", "inspect", "events", "trace", "export", "import", "replay",
                   "diff", "lesson", "snapshot"})) {
      std::cerr << "; did you mean '" << *hint << "'?";
    }
    std::cerr << "\nRun 'eventscope --help' for the commands.\n";
    return kInvalidInput;
  }
#ifdef EVENTSCOPE_WITH_GUI
  return eventscope::ui::runGui(argc, argv, QString::fromStdString(file));
#else
  // Built without Qt (the core-only preset): say so instead of pretending.
  std::cerr << "eventscope: this build has no desktop GUI (built without Qt)"
            << (file.empty() ? "" : "; to simulate the file headless: eventscope run " + file)
            << "\n\n"
            << app.help();
  return kInvalidInput;
#endif
}
