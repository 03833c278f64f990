#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "core/bus/external_input.h"
#include "core/model/scenario.h"
#include "core/store/recorder.h"

namespace eventscope::app {

// How `run` and `replay` simulate: where the recording and the report go.
struct SimulateOptions {
  std::string command;  // for messages: "run", "replay"
  std::string report;   // FILE, "-" (JSON alone on stdout) or empty
  std::string record;   // recording file, or empty
  std::string sync = "normal";
  bool overwrite = false;
  bool quiet = false;
  core::store::RecordingInfo recording;         // what the recording says about where it came from
  core::ExternalInputSource* inputs = nullptr;  // replay: instead of the producers
};

// The options run and replay share: --report, --record, --overwrite, --sync, --quiet.
void addSimulateOptions(CLI::App& command, SimulateOptions& options);

// Simulates the scenario headless with progress on stderr, records it if asked, prints the
// summary and writes the report. Destinations are checked before the run, so a bad one costs
// no work. Returns the exit code.
int simulate(const core::Scenario& scenario, SimulateOptions options);

}  // namespace eventscope::app
