// eventscope replay RECORDING --scenario SCENARIO [--record OUT] [--report FILE|-] (what-if)
#include <iostream>
#include <memory>

#include "cli_support.h"
#include "commands.h"
#include "core/io/scenario_reader.h"
#include "core/store/what_if.h"
#include "simulate.h"

namespace eventscope::app {

namespace {
struct ReplayArguments {
  std::string recording;
  std::string scenario;
  SimulateOptions simulate{.command = "replay"};
};

int replay(const ReplayArguments& args) {
  core::ScenarioReadResult read = core::readScenarioFile(args.scenario);
  printDiagnostics(read.errors);
  if (!read.ok()) return kInvalidInput;
  std::string error;
  auto whatIf = core::store::WhatIf::prepare(args.recording, std::move(*read.scenario), &error);
  if (!whatIf) {
    std::cerr << "eventscope replay: " << error << '\n';
    return kInvalidInput;
  }
  for (const std::string& note : whatIf->notes())
    std::cerr << "eventscope replay: note: " << note << '\n';

  SimulateOptions options = args.simulate;
  options.inputs = &whatIf->inputs();
  options.recording.source = "replay";
  options.recording.origin = args.recording;
  options.recording.scenarioText = readWholeFile(args.scenario);
  const int code = simulate(whatIf->scenario(), std::move(options));
  if (code == kSuccess && !args.simulate.quiet) {
    std::cerr << "eventscope replay: " << whatIf->inputs().delivered() << " recorded inputs of "
              << args.recording << " driven through " << args.scenario << '\n';
  }
  return code;
}
}  // namespace

Command addReplayCommand(CLI::App& app) {
  auto args = std::make_shared<ReplayArguments>();
  CLI::App* command = app.add_subcommand(
      "replay",
      "What-if: drive a recording's external inputs (the events nothing caused) through "
      "another scenario instead of its producers, for the recording's duration and seed");
  command->add_option("RECORDING", args->recording, "Recording whose inputs to replay")->required();
  command
      ->add_option("--scenario", args->scenario,
                   "Scenario to drive them through (it must have the topics they go to)")
      ->required()
      ->type_name("SCENARIO");
  addSimulateOptions(*command, args->simulate);
  return [args] { return replay(*args); };
}

}  // namespace eventscope::app
