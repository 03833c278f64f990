// eventscope export RECORDING --format cloudevents|otlp|jaeger|csv|dot --output FILE
// eventscope import FILE --output RECORDING
#include <iostream>
#include <memory>

#include "cli_support.h"
#include "commands.h"
#include "core/io/cloudevents_import.h"
#include "core/io/exporters.h"
#include "output_file.h"

namespace eventscope::app {

Command addExportCommand(CLI::App& app) {
  struct Arguments {
    std::string path, format, output;
  };
  auto a = std::make_shared<Arguments>();
  CLI::App* cmd = app.add_subcommand(
      "export",
      "Write a recording as CloudEvents (JSON Lines), OTLP/JSON, Jaeger JSON, CSV or DOT");
  cmd->add_option("RECORDING", a->path, "Recording file")->required();
  cmd->add_option("--format", a->format,
                  "cloudevents (JSON Lines), otlp (OpenTelemetry traces), jaeger (for Jaeger UI's "
                  "upload), csv (one row per attempt), dot (the topology for Graphviz)")
      ->required()
      ->check(CLI::IsMember({"cloudevents", "otlp", "jaeger", "csv", "dot"}));
  cmd->add_option("--output", a->output, "Write to FILE, or to stdout with -")
      ->required()
      ->type_name("FILE|-");
  return [a] {
    std::string error;
    auto recording = core::store::Recording::open(a->path, &error);
    if (!recording) {
      std::cerr << "eventscope export: " << error << '\n';
      return static_cast<int>(kInvalidInput);
    }
    OutputFile output;
    if (!output.prepare(a->output, &error)) {
      std::cerr << "eventscope export: " << error << '\n';
      return static_cast<int>(kRuntimeFailure);
    }
    const auto format = *core::exportFormatFromName(a->format);
    std::string exportError;
    // Not when the export goes to stdout: on a terminal the two would mix.
    ProgressLine progress(a->output != "-");
    const core::Progress report{[&](std::uint64_t done, std::uint64_t total) {
      progress.update("exporting", done, total);
      return true;
    }};
    const bool written = output.produce(
        [&](std::ostream& out) {
          return core::exportRecording(*recording, format, out, &exportError, report);
        },
        &error);
    progress.clear();
    if (!exportError.empty() || !written) {
      std::cerr << "eventscope export: " << (exportError.empty() ? error : exportError) << '\n';
      return static_cast<int>(exportError.empty() ? kRuntimeFailure : kInvalidInput);
    }
    return static_cast<int>(kSuccess);
  };
}

Command addImportCommand(CLI::App& app) {
  auto input = std::make_shared<std::string>();
  auto output = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand(
      "import", "Make a recording from CloudEvents (JSON: a batch array or JSON Lines)");
  cmd->add_option("FILE", *input, "CloudEvents file")->required();
  cmd->add_option("--output", *output, "The new recording (must not exist)")
      ->required()
      ->type_name("RECORDING");
  return [input, output] {
    ProgressLine progress(true);
    core::ImportOptions options;
    options.progress.report = [&](std::uint64_t done, std::uint64_t total) {
      progress.update("importing", done, total);
      return true;
    };
    const core::ImportResult result = core::importCloudEvents(*input, *output, options);
    progress.clear();
    printDiagnostics(result.errors);
    if (!result.ok()) return static_cast<int>(kInvalidInput);
    std::string error;
    if (!writeStdout(*output + ": " + std::to_string(result.events) + " events imported\n",
                     &error)) {
      std::cerr << "eventscope import: " << error << '\n';
      return static_cast<int>(kRuntimeFailure);
    }
    return static_cast<int>(kSuccess);
  };
}

}  // namespace eventscope::app
