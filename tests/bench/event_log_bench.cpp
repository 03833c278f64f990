// The event log over the 10 M-event recording (DESIGN.md §6: a page of 100 events <= 5 ms):
// what scrolling and jumping cost when every page is a cache miss. Run: ./packaging/dev.sh bench.
#include <benchmark/benchmark.h>

#include <QElapsedTimer>
#include <QScrollBar>
#include <QTableView>
#include <algorithm>
#include <ctime>
#include <random>
#include <set>

#include "bench/large_recording.h"
#include "core/store/recording.h"
#include "qt_bench_main.h"
#include "ui/models/event_log_model.h"
#include "ui/window/event_log_panel.h"

namespace eventscope::ui {
namespace {

std::shared_ptr<const core::store::Recording> openLarge() {
  std::string error;
  std::shared_ptr<const core::store::Recording> recording =
      core::store::Recording::open(core::bench::largeRecording().string(), &error);
  if (!recording) throw std::runtime_error(error);
  return recording;
}

// This thread's CPU time in ms: on a shared machine the wall clock also counts the time other
// processes had the core, so both are reported.
double threadCpuMs() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

// Times per iteration, wall clock and CPU, reported as median and 95th percentile counters.
struct Percentiles {
  std::vector<double> wall, cpu;
  QElapsedTimer timer;
  double cpuStart = 0;
  void start() {
    timer.start();
    cpuStart = threadCpuMs();
  }
  void stop() {
    wall.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    cpu.push_back(threadCpuMs() - cpuStart);
  }
  void report(benchmark::State& state) {
    const auto add = [&](const char* median, const char* p95, std::vector<double> ms) {
      if (ms.empty()) return;
      std::sort(ms.begin(), ms.end());
      state.counters[median] = ms[ms.size() / 2];
      state.counters[p95] = ms[std::min(ms.size() - 1, ms.size() * 95 / 100)];
    };
    add("median_ms", "p95_ms", wall);
    add("cpu_median_ms", "cpu_p95_ms", cpu);
  }
};

// Showing the log: opening the recording and counting its rows (no row is read).
void BM_EventLogSetRecording(benchmark::State& state) {
  for (auto _ : state) {
    EventLogModel model;
    model.setRecording(openLarge());
    if (model.rowCount() < 10'000'000) state.SkipWithError("not the 10 M-event recording");
  }
}
BENCHMARK(BM_EventLogSetRecording)->Unit(benchmark::kMillisecond)->Iterations(20);

// 200 random rows: every cell of the 100-row page each falls in, each page a cache miss
// (what a view asks after a jump or a fast scroll).
void BM_EventLogPageOf100(benchmark::State& state) {
  EventLogModel model;
  model.setRecording(openLarge());
  const int pages = model.rowCount() / EventLogModel::kPageRows;
  std::mt19937_64 rng(12);
  std::set<int> seen;
  Percentiles times;
  for (auto _ : state) {
    int page = 0;
    do {
      page = static_cast<int>(rng() % static_cast<std::uint64_t>(pages));
    } while (!seen.insert(page).second);
    times.start();
    for (int row = page * EventLogModel::kPageRows; row < (page + 1) * EventLogModel::kPageRows;
         ++row) {
      for (int column = 0; column < EventLogModel::ColumnCount; ++column)
        benchmark::DoNotOptimize(model.data(model.index(row, column), Qt::DisplayRole));
    }
    times.stop();
    if (!model.errorString().isEmpty()) state.SkipWithError("the recording failed");
  }
  times.report(state);
  state.counters["cached_pages"] = static_cast<double>(model.cachedPages());
}
BENCHMARK(BM_EventLogPageOf100)->Unit(benchmark::kMillisecond)->Iterations(200);

// The same with a type filter (rows fetched 200 at a time by id): fetching one chunk.
void BM_EventLogFilteredFetch(benchmark::State& state) {
  EventLogModel model;
  model.setRecording(openLarge());
  std::mt19937_64 rng(13);
  Percentiles times;
  for (auto _ : state) {
    EventLogFilter filter;
    filter.type = "PaymentCaptured";
    filter.from = static_cast<core::SimTime>(rng() % (990 * core::kSecond));
    model.setFilter(filter);  // reads the first chunk of 200
    times.start();
    model.fetchMore({});
    times.stop();
    if (model.rowCount() != 2 * EventLogModel::kFetchRows) state.SkipWithError("short chunk");
  }
  times.report(state);
}
BENCHMARK(BM_EventLogFilteredFetch)->Unit(benchmark::kMillisecond)->Iterations(100);

// Jumping to a time (the time cursor moved): the row of the first event at or after it.
void BM_EventLogRowAtTime(benchmark::State& state) {
  EventLogModel model;
  model.setRecording(openLarge());
  std::mt19937_64 rng(14);
  for (auto _ : state)
    benchmark::DoNotOptimize(
        model.rowAtTime(static_cast<core::SimTime>(rng() % (1000 * core::kSecond))));
}
BENCHMARK(BM_EventLogRowAtTime)->Unit(benchmark::kMillisecond);

// The dock as a person uses it: the 10 M-event recording shown in the table (the view sizes
// its scrollbar for every row), then a jump to a random place drawn into an image.
void BM_EventLogPanelShowAndJump(benchmark::State& state) {
  auto recording = openLarge();
  EventLogPanel panel;
  panel.resize(1200, 700);
  QElapsedTimer opening;
  opening.start();
  panel.setRecording(recording);
  QImage image(panel.size(), QImage::Format_ARGB32_Premultiplied);
  panel.render(&image);
  state.counters["show_ms"] = static_cast<double>(opening.nsecsElapsed()) / 1e6;
  QScrollBar* bar = panel.table()->verticalScrollBar();
  std::mt19937_64 rng(15);
  Percentiles times;
  for (auto _ : state) {
    times.start();
    bar->setValue(static_cast<int>(rng() % static_cast<std::uint64_t>(bar->maximum() + 1)));
    panel.table()->viewport()->render(&image);
    times.stop();
  }
  times.report(state);
}
BENCHMARK(BM_EventLogPanelShowAndJump)->Unit(benchmark::kMillisecond)->Iterations(100);

}  // namespace
}  // namespace eventscope::ui

int main(int argc, char** argv) {
  return runQtBenchmarks(argc, argv);
}
