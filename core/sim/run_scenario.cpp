#include "core/sim/run_scenario.h"

#include <algorithm>
#include <chrono>

#include "core/metrics/metrics_collector.h"
#include "core/sim/engine.h"
#include "core/sim/observer_fanout.h"

namespace eventscope::core {

RunResult runScenario(const Scenario& scenario, const RunOptions& options) {
  const SimTime bucket =
      options.bucketWidth > 0 ? options.bucketWidth : chooseBucketWidth(scenario.duration);
  MetricsCollector metrics(scenario.warmup, bucket);
  ObserverFanout fanout;
  EngineObserver* observer = &metrics;
  if (options.observer != nullptr) {
    fanout.add(&metrics);
    fanout.add(options.observer);
    observer = &fanout;
  }
  const auto started = std::chrono::steady_clock::now();
  Engine engine(scenario, observer);
  if (options.inputs != nullptr) engine.bus().replayInputs(*options.inputs);
  std::vector<const TimedCall*> calls;
  for (const TimedCall& call : options.calls)
    calls.push_back(&call);
  std::stable_sort(calls.begin(), calls.end(),
                   [](const TimedCall* a, const TimedCall* b) { return a->at < b->at; });
  for (const TimedCall* call : calls) {
    if (!engine.advanceTo(call->at)) break;
    call->call(engine);
  }
  bool cancelled = false;
  if (options.progress || options.cancelled) {
    // Advance in slices of simulated time so the caller can show progress or stop.
    const SimTime slice = std::max<SimTime>(1, scenario.duration / 200);
    for (SimTime t = slice; engine.advanceTo(t); t += slice) {
      if (options.progress) options.progress(engine.now(), engine.end());
      if (options.cancelled && options.cancelled()) {
        cancelled = true;
        break;
      }
    }
    // The last slice ends the run (advanceTo says false): report it done too.
    if (!cancelled && options.progress) options.progress(engine.now(), engine.end());
  } else {
    engine.run();
  }
  const std::chrono::duration<double> wall = std::chrono::steady_clock::now() - started;
  RunResult result{metrics.report(wall.count(), engine.engineEvents(), engine.overflowed()),
                   metrics.series(), cancelled};
  return result;
}

}  // namespace eventscope::core
