// The debugger on a 10 M-event recording (DESIGN.md §6): from Open to the first drawn frame at a
// chosen time with the file out of the OS page cache, and scrubbing (seek + redraw of the
// canvas, the charts' cursor and the timeline) at random times, p50 and p95.
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <unistd.h>

#include <QElapsedTimer>
#include <algorithm>
#include <random>

#include "large_recording.h"
#include "qt_bench_main.h"
#include "ui/controller/recording_player.h"
#include "ui/timeline/timeline_bar.h"
#include "ui/topology/topology_view.h"
#include "ui/window/main_window.h"

namespace {

using namespace eventscope;

void evictFromPageCache(const std::filesystem::path& path) {
  for (const auto& file : {path, std::filesystem::path(path.string() + "-wal")}) {
    const int fd = ::open(file.c_str(), O_RDONLY);
    if (fd < 0) continue;
    ::fdatasync(fd);
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
    ::close(fd);
  }
}

double percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  return values[static_cast<std::size_t>(p * static_cast<double>(values.size() - 1))];
}

// Open (model, series, timeline marks), seek to T, draw the whole window once.
void BM_OpenToFirstFrameCold(benchmark::State& state) {
  const QString path = QString::fromStdString(core::bench::largeRecording().string());
  std::mt19937_64 rng(5);
  for (auto _ : state) {
    state.PauseTiming();
    auto window = std::make_unique<ui::MainWindow>();
    window->resize(1400, 900);
    window->show();
    QCoreApplication::processEvents();
    evictFromPageCache(core::bench::largeRecording());
    const auto at = static_cast<core::SimTime>(rng() % (1000 * core::kSecond));
    state.ResumeTiming();
    QString error;
    if (!window->openRecording(path, &error, true)) state.SkipWithError("cannot open");
    window->player()->seek(at);
    window->showLatest(true);
    benchmark::DoNotOptimize(window->grab());
    state.PauseTiming();
    window.reset();
    state.ResumeTiming();
  }
}
BENCHMARK(BM_OpenToFirstFrameCold)->Unit(benchmark::kMillisecond)->Iterations(5)->UseRealTime();

// Scrubbing: the cursor moves to a random time; the canvas, charts and timeline show it.
void BM_ScrubFrame(benchmark::State& state) {
  ui::MainWindow window;
  window.resize(1400, 900);
  window.show();
  QString error;
  if (!window.openRecording(QString::fromStdString(core::bench::largeRecording().string()), &error,
                            true)) {
    state.SkipWithError("cannot open");
    return;
  }
  QCoreApplication::processEvents();
  std::mt19937_64 rng(6);
  std::vector<double> ms;
  for (auto _ : state) {
    QElapsedTimer timer;
    timer.start();
    Q_EMIT window.timeline()->seekRequested(
        static_cast<core::SimTime>(rng() % (1000 * core::kSecond)));
    window.showLatest();
    benchmark::DoNotOptimize(window.grab());  // canvas, charts (cursor), timeline: all of it
    ms.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
  }
  state.counters["p50_ms"] = percentile(ms, 0.5);
  state.counters["p95_ms"] = percentile(ms, 0.95);
}
BENCHMARK(BM_ScrubFrame)->Unit(benchmark::kMillisecond)->Iterations(200)->UseRealTime();

}  // namespace

int main(int argc, char** argv) {
  return runQtBenchmarks(argc, argv);
}
