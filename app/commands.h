#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

// The headless subcommands of DESIGN.md §3. Each registers itself on the CLI11 app and returns
// the function that runs it (after parsing), yielding the exit code.
namespace eventscope::app {

using Command = std::function<int()>;

Command addRunCommand(CLI::App& app);
Command addValidateCommand(CLI::App& app);
Command addInspectCommand(CLI::App& app);
Command addEventsCommand(CLI::App& app);
Command addTraceCommand(CLI::App& app);
Command addExportCommand(CLI::App& app);
Command addImportCommand(CLI::App& app);
Command addReplayCommand(CLI::App& app);
Command addDiffCommand(CLI::App& app);
Command addLessonCommand(CLI::App& app);
#ifdef EVENTSCOPE_WITH_GUI
// Renders the main window offscreen: it needs the program's arguments for its QApplication.
Command addSnapshotCommand(CLI::App& app, int& argc, char** argv);
#endif

}  // namespace eventscope::app
