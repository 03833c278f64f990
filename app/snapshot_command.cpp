// eventscope snapshot (SCENARIO|RECORDING) --at TIME --output FILE.png [--size WxH]
#ifdef EVENTSCOPE_WITH_GUI
#include <iostream>
#include <memory>

#include "cli_support.h"
#include "commands.h"
#include "core/io/units.h"
#include "ui/window/gui_main.h"

namespace eventscope::app {

namespace {
struct SnapshotOptions {
  std::string file, at = "0s", output, size = "1400x900";
};

bool parseSize(const std::string& text, int& width, int& height) {
  const auto x = text.find('x');
  if (x == std::string::npos) return false;
  try {
    std::size_t used = 0;
    width = std::stoi(text.substr(0, x), &used);
    if (used != x) return false;
    height = std::stoi(text.substr(x + 1), &used);
    if (used != text.size() - x - 1) return false;
  } catch (const std::exception&) {
    return false;
  }
  return width >= 320 && height >= 240 && width <= 8192 && height <= 8192;
}
}  // namespace

Command addSnapshotCommand(CLI::App& app, int& argc, char** argv) {
  auto options = std::make_shared<SnapshotOptions>();
  CLI::App* snapshot = app.add_subcommand(
      "snapshot",
      "Render the main window for a model at a simulated time into a PNG (no display needed)");
  snapshot->add_option("FILE", options->file, "Scenario, or recording made from a scenario")
      ->required();
  snapshot->add_option("--at", options->at, "Simulated time to show, with a unit: 20s, 1.5m")
      ->required();
  snapshot->add_option("--output", options->output, "The PNG file to write")->required();
  snapshot->add_option("--size", options->size, "Window size in pixels, WxH (default 1400x900)");
  return [options, &argc, argv] {
    std::string error;
    const auto at = core::parseDuration(options->at, &error);
    if (!at) {
      std::cerr << "eventscope snapshot: --at " << options->at << ": " << error << '\n';
      return static_cast<int>(kInvalidInput);
    }
    int width = 0, height = 0;
    if (!parseSize(options->size, width, height)) {
      std::cerr << "eventscope snapshot: --size " << options->size
                << ": give WIDTHxHEIGHT in pixels, each from 320/240 to 8192, e.g. 1400x900\n";
      return static_cast<int>(kInvalidInput);
    }
    return ui::renderSnapshot(argc, argv, QString::fromStdString(options->file), *at,
                              QSize(width, height), QString::fromStdString(options->output));
  };
}

}  // namespace eventscope::app
#endif
