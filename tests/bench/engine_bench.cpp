// Engine benchmarks (DESIGN.md §6): deliveries per second on one core with recording off, and
// memory per in-flight event. Run: ./packaging/dev.sh bench (medians of 5 repetitions).
#include <benchmark/benchmark.h>
#include <malloc.h>

#include "core/sim/engine.h"
#include "core/sim/run_scenario.h"
#include "support/scenario_builders.h"

namespace eventscope::core {
namespace {

// Deliveries (acked attempts) per wall-clock second, through runScenario as `eventscope run`
// does it: the metrics collector on, no recorder.
void reportDeliveries(benchmark::State& state, const Scenario& scenario) {
  std::uint64_t deliveries = 0;
  for (auto _ : state) {
    const RunResult result = runScenario(scenario);
    deliveries += result.report.totals.delivered;
    benchmark::DoNotOptimize(result.report.totals.acked);
  }
  state.counters["deliveries_per_s"] =
      benchmark::Counter(static_cast<double>(deliveries), benchmark::Counter::kIsRate);
}

// M/M/1 at utilization 0.8: the model of the SimPy comparison.
void BM_MM1(benchmark::State& state) {
  reportDeliveries(state, testing::queueModel(800, 1000, 1, 1000 * kSecond));
}
BENCHMARK(BM_MM1)->Unit(benchmark::kMillisecond)->UseRealTime();

// The same M/M/1 with nobody observing: the engine alone, without the metrics collector.
void BM_MM1EngineOnly(benchmark::State& state) {
  const Scenario s = testing::queueModel(800, 1000, 1, 1000 * kSecond);
  std::uint64_t deliveries = 0;
  for (auto _ : state) {
    Engine engine(s, nullptr);
    engine.run();
    deliveries += engine.bus().services()[0].counters.delivered;
  }
  state.counters["deliveries_per_s"] =
      benchmark::Counter(static_cast<double>(deliveries), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_MM1EngineOnly)->Unit(benchmark::kMillisecond)->UseRealTime();

// Fan-out to three services of four instances each, over 8 partitions with keys, with retries.
void BM_FanOutPipeline(benchmark::State& state) {
  Scenario s = testing::queueModel(8000, 1000, 4, 100 * kSecond);
  s.topics[0].partitions = 8;
  s.producers[0].keys = {.kind = KeySpace::Kind::Uniform, .count = 10000};
  s.services[0].failureRate = 0.01;
  s.services[0].retry = {.maxAttempts = 3, .backoff = 10 * kMillisecond};
  s.services.push_back(testing::service("audit", "in", testing::exponential(kMillisecond / 4), 4));
  s.services.push_back(testing::service("ledger", "in", testing::exponential(kMillisecond / 4), 4,
                                        DeliveryMode::Partitioned));
  reportDeliveries(state, s);
}
BENCHMARK(BM_FanOutPipeline)->Unit(benchmark::kMillisecond)->UseRealTime();

std::size_t heapInUse() {
  const struct mallinfo2 info = mallinfo2();
  return info.uordblks + info.hblkhd;
}

// Events pile up in a queue whose only consumer takes an hour per event: bytes of heap per
// event in flight, measured with the allocator's own accounting.
void BM_MemoryPerInFlightEvent(benchmark::State& state) {
  const auto subscribers = static_cast<int>(state.range(0));
  Scenario s = testing::queueModel(1'000'000, 1, 1, kSecond);
  const char* extraNames[] = {"audit", "mail", "search", "archive"};
  for (int i = 1; i < subscribers; ++i) {
    s.services.push_back(testing::service(extraNames[i - 1], "in", testing::constant(kHour)));
  }
  double bytesPerEvent = 0;
  for (auto _ : state) {
    const std::size_t before = heapInUse();
    Engine engine(s, nullptr);
    engine.run();
    const std::size_t after = heapInUse();
    bytesPerEvent =
        static_cast<double>(after - before) / static_cast<double>(engine.eventsInFlight());
    state.counters["events_in_flight"] = static_cast<double>(engine.eventsInFlight());
  }
  state.counters["bytes_per_in_flight_event"] = bytesPerEvent;
}
BENCHMARK(BM_MemoryPerInFlightEvent)->Arg(1)->Arg(3)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace eventscope::core

BENCHMARK_MAIN();
