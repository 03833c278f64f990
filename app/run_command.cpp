// eventscope run SCENARIO [--duration D] [--seed N] [--record FILE] [--report FILE|-] [--quiet]
#include <charconv>
#include <iostream>
#include <memory>

#include "cli_support.h"
#include "commands.h"
#include "core/io/scenario_reader.h"
#include "core/io/units.h"
#include "core/model/run_size.h"
#include "simulate.h"

namespace eventscope::app {

namespace {
struct RunArguments {
  std::string scenario;
  std::string duration;
  std::string seed;
  SimulateOptions simulate{.command = "run"};
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
  SimulateOptions options = args.simulate;
  if (!options.record.empty()) options.recording.scenarioText = readWholeFile(args.scenario);
  return simulate(scenario, std::move(options));
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
  addSimulateOptions(*run, args->simulate);
  return [args] { return runScenarioCommand(*args); };
}

}  // namespace eventscope::app
