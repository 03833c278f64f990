// eventscope run SCENARIO [--duration D] [--seed N] [--report FILE|-] [--quiet]
#include <unistd.h>

#include <charconv>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli_support.h"
#include "commands.h"
#include "core/io/report_json.h"
#include "core/io/report_summary.h"
#include "core/io/scenario_reader.h"
#include "core/io/timestamps.h"
#include "core/io/units.h"
#include "core/model/run_size.h"
#include "core/sim/run_scenario.h"
#include "core/store/recorder.h"
#include "output_file.h"

namespace eventscope::app {

namespace {
struct RunArguments {
  std::string scenario;
  std::string duration;
  std::string seed;
  std::string report;
  std::string record;
  std::string sync = "normal";
  bool overwrite = false;
  bool quiet = false;
};

int fail(const std::string& message, int code) {
  std::cerr << "eventscope run: " << message << '\n';
  return code;
}

// Applies --duration and --seed; an empty string on success, else what is wrong.
std::string applyOverrides(const RunArguments& args, core::Scenario& scenario) {
  if (!args.duration.empty()) {
    std::string error;
    const auto duration = core::parseDuration(args.duration, &error);
    if (!duration) return "--duration " + args.duration + ": " + error;
    if (*duration <= scenario.warmup) {
      return "--duration " + args.duration + " must be longer than the scenario's warmup (" +
             core::formatDuration(scenario.warmup) + ")";
    }
    scenario.duration = *duration;
  }
  if (!args.seed.empty()) {
    const char* end = args.seed.data() + args.seed.size();
    auto [ptr, ec] = std::from_chars(args.seed.data(), end, scenario.seed);
    if (ec != std::errc() || ptr != end) {
      return "--seed " + args.seed + ": the seed is a whole number from 0 to 18446744073709551615";
    }
  }
  return {};
}

// Where a recording goes: straight into the file, or (to replace one) into a temporary file
// beside it that takes its place once the run is complete.
struct RecordingTarget {
  std::string path, writing;
};

std::unique_ptr<core::store::Recorder> startRecording(const RunArguments& args,
                                                      const core::Scenario& scenario,
                                                      core::SimTime bucket, RecordingTarget& target,
                                                      std::string* error) {
  namespace fs = std::filesystem;
  target.path = args.record;
  target.writing = args.record;
  std::error_code ec;
  if (fs::exists(args.record, ec)) {
    if (!args.overwrite) {
      *error =
          "cannot record to " + args.record + ": the file exists (add --overwrite to replace it)";
      return nullptr;
    }
    target.writing = args.record + ".recording-" + std::to_string(::getpid());
  }
  auto writer = core::store::RecordingWriter::create(target.writing,
                                                     {.fullSync = args.sync == "full"}, error);
  if (!writer) return nullptr;
  core::store::RecordingInfo info;
  info.scenarioText = readWholeFile(args.scenario);
  info.startedAt = isoTimeNow();
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

int runScenarioCommand(const RunArguments& args) {
  core::ScenarioReadResult read = core::readScenarioFile(args.scenario);
  printDiagnostics(read.errors);
  if (!read.ok()) return kInvalidInput;
  core::Scenario scenario = std::move(*read.scenario);
  if (const std::string problem = applyOverrides(args, scenario); !problem.empty()) {
    return fail(problem, kInvalidInput);
  }
  if (!args.duration.empty()) {
    const core::Diagnostics tooBig = core::checkRunSize(scenario, args.scenario);
    printDiagnostics(tooBig);
    if (!tooBig.empty()) return kInvalidInput;
  }
  OutputFile report;
  std::string error;
  if (!args.report.empty() && !report.prepare(args.report, &error)) {
    return fail(error, kRuntimeFailure);  // before the run, so no work is lost
  }
  const core::SimTime bucket = core::chooseBucketWidth(scenario.duration);
  RecordingTarget target;
  std::unique_ptr<core::store::Recorder> recorder;
  if (!args.record.empty()) {
    recorder = startRecording(args, scenario, bucket, target, &error);
    if (!recorder) return fail(error, kRuntimeFailure);
  }

  ProgressLine progress(!args.quiet);
  core::RunOptions options;
  options.bucketWidth = bucket;
  options.observer = recorder.get();
  options.progress = [&](core::SimTime now, core::SimTime end) {
    progress.update(core::toSeconds(now), core::toSeconds(end));
  };
  const core::RunResult result = core::runScenario(scenario, options);
  progress.clear();
  if (recorder && !finishRecording(*recorder, result.report, target, &error)) {
    return fail(error, kRuntimeFailure);
  }

  if (args.report != "-" && !writeStdout(core::formatReportSummary(result.report), &error)) {
    return fail(error, kRuntimeFailure);
  }
  if (!args.report.empty() &&
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
}  // namespace

Command addRunCommand(CLI::App& app) {
  auto args = std::make_shared<RunArguments>();
  CLI::App* run = app.add_subcommand("run", "Simulate a scenario headless and report on it");
  run->add_option("SCENARIO", args->scenario, "Scenario file (YAML, format 1)")->required();
  run->add_option("--duration", args->duration,
                  "Simulated time to run instead of the scenario's: a number and a unit, "
                  "ns us ms s m or h (e.g. 30s, 1.5m)")
      ->type_name("DURATION");
  run->add_option("--seed", args->seed, "Random seed instead of the scenario's (0 to 2^64-1)")
      ->type_name("N");
  run->add_option("--report", args->report,
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
  run->add_option("--record", args->record,
                  "Record every event and attempt into this recording file (SQLite)")
      ->type_name("FILE");
  run->add_flag("--overwrite", args->overwrite,
                "Replace an existing recording (only once the new one is complete)");
  run->add_option("--sync", args->sync,
                  "How hard each committed batch is pushed to disk: normal (survives a crash "
                  "of eventscope) or full (survives a power cut, slower)")
      ->check(CLI::IsMember({"normal", "full"}));
  run->add_flag("-q,--quiet", args->quiet, "No progress line on stderr");
  return [args] { return runScenarioCommand(*args); };
}

}  // namespace eventscope::app
