// eventscope run SCENARIO [--duration D] [--seed N] [--report FILE|-] [--quiet]
#include <iostream>
#include <memory>

#include "cli_support.h"
#include "commands.h"
#include "core/io/report_json.h"
#include "core/io/scenario_reader.h"
#include "core/io/units.h"
#include "core/model/run_size.h"
#include "core/sim/run_scenario.h"

namespace eventscope::app {

namespace {
struct RunArguments {
  std::string scenario;
  std::string duration;
  std::uint64_t seed = 0;
  bool seedGiven = false;
  std::string report;
  bool quiet = false;
};

int runScenarioCommand(const RunArguments& args) {
  core::ScenarioReadResult read = core::readScenarioFile(args.scenario);
  for (const core::Diagnostic& d : read.errors)
    std::cerr << d.format() << '\n';
  if (!read.ok()) return kInvalidInput;
  core::Scenario scenario = std::move(*read.scenario);
  if (!args.duration.empty()) {
    std::string error;
    const auto duration = core::parseDuration(args.duration, &error);
    if (!duration || *duration <= 0) {
      std::cerr << "eventscope run: --duration " << args.duration << ": "
                << (duration ? "must be more than 0s" : error) << '\n';
      return kInvalidInput;
    }
    scenario.duration = *duration;
    if (scenario.warmup >= scenario.duration) scenario.warmup = 0;
  }
  if (args.seedGiven) scenario.seed = args.seed;
  if (!args.duration.empty()) {
    const core::Diagnostics tooBig = core::checkRunSize(scenario, args.scenario);
    for (const core::Diagnostic& d : tooBig)
      std::cerr << d.format() << " (with --duration)\n";
    if (!tooBig.empty()) return kInvalidInput;
  }

  ProgressLine progress(!args.quiet);
  core::RunOptions options;
  options.progress = [&](core::SimTime now, core::SimTime end) {
    progress.update(core::toSeconds(now), core::toSeconds(end));
  };
  const core::RunResult result = core::runScenario(scenario, options);
  progress.clear();

  if (args.report.empty() || args.report != "-") {
    std::cout << core::formatReportSummary(result.report);
  }
  if (!args.report.empty()) {
    std::string error;
    if (!writeOutput(args.report, core::reportToJson(result.report).dump(2) + "\n", &error)) {
      std::cerr << "eventscope run: " << error << '\n';
      return kRuntimeFailure;
    }
  }
  if (result.report.stoppedEarly) {
    std::cerr << "eventscope run: stopped early: more than 50 million events in flight\n";
    return kRuntimeFailure;
  }
  return kSuccess;
}
}  // namespace

Command addRunCommand(CLI::App& app) {
  auto args = std::make_shared<RunArguments>();
  CLI::App* run = app.add_subcommand("run", "Simulate a scenario headless and report on it");
  run->add_option("SCENARIO", args->scenario, "Scenario file (YAML, format 1)")->required();
  run->add_option("--duration", args->duration,
                  "Simulated time to run, overriding the scenario's (e.g. 30s, 5m)");
  run->add_option("--seed", args->seed, "Random seed, overriding the scenario's")
      ->check(CLI::Validator(
          [](const std::string& text) {
            return text.empty() || text[0] == '-'
                       ? std::string("the seed is a whole number from 0 to 2^64 - 1")
                       : std::string();
          },
          "UINT64"))
      ->each([args](const std::string&) { args->seedGiven = true; });
  run->add_option("--report", args->report,
                  "Write the run report as JSON to FILE, or to stdout with -");
  run->add_flag("-q,--quiet", args->quiet, "No progress on stderr");
  return [args] { return runScenarioCommand(*args); };
}

}  // namespace eventscope::app
