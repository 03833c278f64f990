#include "simulate.h"

#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <memory>

#include "cli_support.h"
#include "core/io/report_json.h"
#include "core/io/report_summary.h"
#include "core/io/timestamps.h"
#include "core/sim/run_scenario.h"
#include "output_file.h"

namespace eventscope::app {

namespace {
// Where a recording goes: straight into the file, or (to replace one) into a temporary file
// beside it that takes its place once the run is complete.
struct RecordingTarget {
  std::string path, writing;
};

std::unique_ptr<core::store::Recorder> startRecording(const SimulateOptions& options,
                                                      const core::Scenario& scenario,
                                                      core::SimTime bucket, RecordingTarget& target,
                                                      std::string* error) {
  namespace fs = std::filesystem;
  target.path = options.record;
  target.writing = options.record;
  std::error_code ec;
  if (fs::exists(options.record, ec)) {
    if (!options.overwrite) {
      *error = "cannot record to " + options.record +
               ": the file exists (add --overwrite to replace it)";
      return nullptr;
    }
    target.writing = options.record + ".recording-" + std::to_string(::getpid());
  }
  auto writer = core::store::RecordingWriter::create(target.writing,
                                                     {.fullSync = options.sync == "full"}, error);
  if (!writer) return nullptr;
  core::store::RecordingInfo info = options.recording;
  info.startedAt = core::isoTimeNow();
  info.epochUnixNs = core::unixNowNs();
  return std::make_unique<core::store::Recorder>(std::move(writer), std::move(info),
                                                 scenario.warmup, bucket);
}

bool finishRecording(core::store::Recorder& recorder, const core::RunReport& report,
                     const RecordingTarget& target, std::string* error) {
  if (!recorder.finish(&report, error)) {
    *error = "the recording " + target.writing + " is incomplete: " + *error;
    return false;
  }
  if (target.writing != target.path) {
    std::error_code ec;
    std::filesystem::rename(target.writing, target.path, ec);
    if (ec) {
      *error = "cannot replace " + target.path + ": " + ec.message() + " (the new recording is " +
               target.writing + ")";
      return false;
    }
  }
  return true;
}
}  // namespace

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
  const core::SimTime bucket = core::chooseBucketWidth(scenario.duration);
  RecordingTarget target;
  std::unique_ptr<core::store::Recorder> recorder;
  if (!options.record.empty()) {
    recorder = startRecording(options, scenario, bucket, target, &error);
    if (!recorder) return fail(error, kRuntimeFailure);
  }

  ProgressLine progress(!options.quiet);
  core::RunOptions run;
  run.bucketWidth = bucket;
  run.observer = recorder.get();
  run.inputs = options.inputs;
  run.progress = [&](core::SimTime now, core::SimTime end) {
    progress.update(core::toSeconds(now), core::toSeconds(end));
  };
  const core::RunResult result = core::runScenario(scenario, run);
  progress.clear();
  if (options.inputs != nullptr && !options.inputs->error().empty()) {
    // The inputs stopped short: the run (and a recording of it) would mislead.
    return fail("the replay stopped: " + options.inputs->error(), kRuntimeFailure);
  }
  if (recorder && !finishRecording(*recorder, result.report, target, &error)) {
    return fail(error, kRuntimeFailure);
  }

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
