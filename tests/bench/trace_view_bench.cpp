// The trace view (DESIGN.md §6: a 1,000-span trace drawn in <= 50 ms): one poison event retried
// 600 times by each of two services, then dead-lettered and read (1,202 spans in one chain).
// Reads the trace from a recording, lays it out, and renders the waterfall to a 1400x900 image;
// medians of 5 repetitions.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <QImage>
#include <QPainter>
#include <filesystem>
#include <memory>

#include "core/io/scenario_reader.h"
#include "core/metrics/time_series.h"
#include "core/sim/run_scenario.h"
#include "core/store/recorder.h"
#include "core/store/recording_writer.h"
#include "qt_bench_main.h"
#include "ui/trace/trace_waterfall.h"

namespace {

using namespace eventscope;

constexpr const char* kPoisonChain = R"yaml(eventscope: 1
name: Poison chain
duration: 10s
topics:
  - name: orders
  - name: orders.dlq
services:
  - name: billing
    subscribes: orders
    service_time: {constant: 2ms}
    poison_keys: [k13]
    retry: {max_attempts: 600, backoff: 1ms, multiplier: 1, max_backoff: 1ms}
    dead_letter: orders.dlq
  - name: fraud
    subscribes: orders
    service_time: {constant: 3ms}
    poison_keys: [k13]
    retry: {max_attempts: 600, backoff: 2ms, multiplier: 1, max_backoff: 2ms}
    dead_letter: orders.dlq
  - name: dlq-reader
    subscribes: orders.dlq
    service_time: {constant: 1ms}
faults:
  - {at: 10ms, inject: {topic: orders, event: OrderPlaced, key: k13}}
)yaml";

struct Fixture {
  std::filesystem::path path;
  std::unique_ptr<core::store::Recording> recording;
  ui::TracePolicies policies;
  std::uint64_t correlation = 0;

  Fixture() {
    path = std::filesystem::temp_directory_path() /
           ("eventscope-trace-bench-" + std::to_string(::getpid()) + ".evrec");
    std::filesystem::remove(path);
    core::ScenarioReadResult read = core::parseScenario(kPoisonChain, "poison-chain.yaml");
    if (!read.ok()) throw std::runtime_error(read.errors.front().format());
    std::string error;
    auto writer = core::store::RecordingWriter::create(path.string(), {}, &error);
    if (!writer) throw std::runtime_error(error);
    const core::SimTime bucket = core::chooseBucketWidth(read.scenario->duration);
    core::store::Recorder recorder(std::move(writer), {.scenarioText = kPoisonChain}, 0, bucket);
    core::RunResult result =
        core::runScenario(*read.scenario, {.bucketWidth = bucket, .observer = &recorder});
    if (!recorder.finish(&result.report, &error)) throw std::runtime_error(error);
    recording = core::store::Recording::open(path.string(), &error);
    if (!recording) throw std::runtime_error(error);
    policies = ui::tracePoliciesOf(*read.scenario);
    core::store::EventQuery query;
    query.key = "k13";
    query.limit = 1;
    core::store::EventPage page;
    if (!recording->events(query, page, &error) || page.events.empty())
      throw std::runtime_error("no poison event: " + error);
    correlation = page.events[0].correlation;
  }
  ~Fixture() {
    recording.reset();
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
    std::filesystem::remove(path.string() + "-wal", ignored);
    std::filesystem::remove(path.string() + "-shm", ignored);
  }
  std::shared_ptr<const core::store::Trace> trace() const {
    auto out = std::make_shared<core::store::Trace>();
    std::string error;
    if (!recording->trace(correlation, *out, &error)) throw std::runtime_error(error);
    return out;
  }
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

// Reading the chain from the recording and laying it out.
void BM_TraceQueryAndLayout(benchmark::State& state) {
  Fixture& f = fixture();
  std::size_t spans = 0, rows = 0;
  for (auto _ : state) {
    const auto trace = f.trace();
    const ui::TraceLayout layout(*trace, f.policies);
    spans = trace->spans.size();
    rows = layout.rows().size();
    benchmark::DoNotOptimize(rows);
  }
  state.counters["spans"] = static_cast<double>(spans);
  state.counters["rows"] = static_cast<double>(rows);
}
BENCHMARK(BM_TraceQueryAndLayout)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(5)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);

// Laying out the trace in the widget and drawing one frame at 1400x900 (the target).
void BM_TraceWaterfallFrame(benchmark::State& state) {
  Fixture& f = fixture();
  const auto trace = f.trace();
  ui::TraceWaterfall view;
  view.resize(1400, 900);
  QImage image(1400, 900, QImage::Format_ARGB32_Premultiplied);
  for (auto _ : state) {
    view.setTrace(trace, f.policies);
    QPainter painter(&image);
    view.render(&painter);
  }
  state.counters["spans"] = static_cast<double>(trace->spans.size());
}
BENCHMARK(BM_TraceWaterfallFrame)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(5)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);

// The same frame zoomed out to the whole chain, with its middle row selected (a repaint after
// scrolling: the cost of drawing alone).
void BM_TraceWaterfallRepaint(benchmark::State& state) {
  Fixture& f = fixture();
  ui::TraceWaterfall view;
  view.resize(1400, 900);
  view.setTrace(f.trace(), f.policies);
  view.selectRow(static_cast<int>(view.layout().rows().size() / 2));
  QImage image(1400, 900, QImage::Format_ARGB32_Premultiplied);
  for (auto _ : state) {
    QPainter painter(&image);
    view.render(&painter);
  }
}
BENCHMARK(BM_TraceWaterfallRepaint)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(5)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);

}  // namespace

int main(int argc, char** argv) {
  return runQtBenchmarks(argc, argv);
}
