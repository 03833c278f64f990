#pragma once

#include <functional>
#include <vector>

#include "core/bus/external_input.h"
#include "core/metrics/run_report.h"
#include "core/metrics/time_series.h"
#include "core/model/scenario.h"
#include "core/sim/engine_observer.h"

namespace eventscope::core {

class Engine;

// Something done to the running engine at a simulated time (a lesson's redrive).
struct TimedCall {
  SimTime at = 0;
  std::function<void(Engine&)> call;
};

struct RunOptions {
  SimTime bucketWidth = 0;             // 0: chosen from the duration (at most 1000 buckets)
  EngineObserver* observer = nullptr;  // notified as well as the metrics collector
  // What-if replay: these inputs instead of the scenario's producers (see Bus::replayInputs).
  ExternalInputSource* inputs = nullptr;
  // Called after each 1/200 of the simulated duration with the time reached (for progress).
  std::function<void(SimTime now, SimTime end)> progress;
  // Asked after each such slice: true stops the run there (the GUI's Cancel).
  std::function<bool()> cancelled;
  // Made in time order once the engine reaches each time (after everything before it).
  std::vector<TimedCall> calls;
};

struct RunResult {
  RunReport report;
  TimeSeries series;
  bool cancelled = false;  // stopped by RunOptions::cancelled before the end
};

// Runs a scenario headless from start to end and returns its report and time series.
RunResult runScenario(const Scenario& scenario, const RunOptions& options = {});

}  // namespace eventscope::core
