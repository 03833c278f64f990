#include "simulate.h"

#include <filesystem>
#include <iostream>

#include "cli_support.h"
#include "core/io/report_json.h"
#include "core/io/report_summary.h"
#include "core/store/recorded_run.h"
#include "output_file.h"

namespace eventscope::app {

void addSimulateOptions(CLI::App& command, SimulateOptions& options) {
  command
      .add_option("--report", options.report,
                  "Also write the run report as JSON to FILE; with -, print only the JSON on "
                  "stdout")
      ->type_name("FILE|-")
      ->check(CLI::Validator(
          [](const std::string& path) {
            return path.size() > 1 && path[0] == '-'
                       ? "'" + path + "' looks like an option; give a file name or -"
                       : std::string();
          },
          ""));
  command
      .add_option("--record", options.record,
                  "Record every event and attempt into this recording file (SQLite)")
      ->type_name("FILE");
  command.add_flag("--overwrite", options.overwrite,
                   "Replace an existing recording (only once the new one is complete)");
  command
      .add_option("--sync", options.sync,
                  "How hard each committed batch is pushed to disk: normal (survives a crash "
                  "of eventscope) or full (survives a power cut, slower)")
      ->check(CLI::IsMember({"normal", "full"}));
  command.add_flag("-q,--quiet", options.quiet, "No progress line on stderr");
}

int simulate(const core::Scenario& scenario, SimulateOptions options) {
  const auto fail = [&](const std::string& message, int code) {
    std::cerr << "eventscope " << options.command << ": " << message << '\n';
    return code;
  };
  OutputFile report;
  std::string error;
  if (!options.report.empty() && !report.prepare(options.report, &error)) {
    return fail(error, kRuntimeFailure);  // before the run, so no work is lost
  }
  std::error_code ec;
  if (!options.record.empty() && !options.overwrite && std::filesystem::exists(options.record, ec))
    return fail("cannot record to " + options.record + ": the file exists (add --overwrite to " +
                    "replace it)",
                kRuntimeFailure);

  ProgressLine progress(!options.quiet);
  core::store::RecordedRunOptions run;
  run.record = options.record;
  run.overwrite = options.overwrite;
  run.fullSync = options.sync == "full";
  run.info = options.recording;
  run.inputs = options.inputs;
  run.progress = [&](core::SimTime now, core::SimTime end) {
    progress.update(core::toSeconds(now), core::toSeconds(end));
  };
  const core::store::RecordedRun recorded = core::store::runRecorded(scenario, run);
  progress.clear();
  if (!recorded.ok) return fail(recorded.error, kRuntimeFailure);
  const core::RunResult& result = recorded.result;

  if (options.report != "-" && !writeStdout(core::formatReportSummary(result.report), &error)) {
    return fail(error, kRuntimeFailure);
  }
  if (!options.report.empty() &&
      !report.write(core::reportToJson(result.report).dump(2) + "\n", &error)) {
    return fail(error, kRuntimeFailure);
  }
  if (result.report.stoppedEarly) {
    return fail(
        "stopped early: more than 50 million events in flight (do events multiply "
        "without end?)",
        kRuntimeFailure);
  }
  return kSuccess;
}

}  // namespace eventscope::app
