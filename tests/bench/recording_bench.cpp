// Recording benchmarks (DESIGN.md §6, issue 3): rows per second into SQLite, simulate + record
// end to end, bytes per event on disk, queries on a 10 M-event recording, and CloudEvents
// import. Run: ./packaging/dev.sh bench (medians of 5 repetitions).
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "bench/large_recording.h"
#include "core/io/cloudevents_import.h"
#include "core/io/exporters.h"
#include "core/store/recorder.h"
#include "core/store/recording.h"
#include "core/store/recording_writer.h"
#include "support/record_scenario.h"
#include "support/scenario_builders.h"

namespace eventscope::core {
namespace {

namespace fs = std::filesystem;
using bench::chain;
using bench::dataDir;
using bench::largeRecording;
using testing::TempDir;

// Drops a file from the operating system's page cache, so the next read is from disk.
void evictFromPageCache(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) return;
  ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
  ::close(fd);
}

// The writer alone: batches like the recorder's (one event and one attempt row per event, as
// in an M/M/1 run) committed on the writer thread. Rows per second, sustained.
void BM_WriterRowsPerSecond(benchmark::State& state) {
  constexpr std::uint64_t kEvents = 1'000'000, kBatchEvents = 16384;
  std::uint64_t rows = 0;
  for (auto _ : state) {
    state.PauseTiming();
    TempDir dir;
    std::string error;
    auto writer = store::RecordingWriter::create(dir.file("rows.evrec"), {}, &error);
    state.ResumeTiming();
    std::mt19937_64 rng(1);
    SimTime t = 0;
    for (std::uint64_t id = 1; id <= kEvents; ++id) {
      t += static_cast<SimTime>(rng() % 2'500'000);
      auto& batch = writer->current();
      batch.events.push_back({.id = id, .t = t, .key = static_cast<std::int64_t>(rng() % 1000)});
      batch.attempts.push_back({.event = id,
                                .start = static_cast<SimTime>(rng() % 4'000'000),
                                .instance = 0,
                                .duration = static_cast<SimTime>(rng() % 2'000'000),
                                .attempt = 1});
      if (id % kBatchEvents == 0) writer->submit();
    }
    writer->close(&error);
    rows += 2 * kEvents;
    state.PauseTiming();
    writer.reset();
    state.ResumeTiming();
  }
  state.counters["rows_per_s"] =
      benchmark::Counter(static_cast<double>(rows), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_WriterRowsPerSecond)->Unit(benchmark::kMillisecond)->UseRealTime();

// Simulate and record, as `eventscope run --record` does: events per wall-clock second, and
// the file's size per event (indexes, buckets and checkpoints included).
void simulateAndRecord(benchmark::State& state, const Scenario& scenario) {
  std::uint64_t events = 0, rows = 0;
  double bytesPerEvent = 0;
  for (auto _ : state) {
    state.PauseTiming();
    TempDir dir;
    state.ResumeTiming();
    const RunResult result = testing::recordScenario(scenario, dir.file("run.evrec"));
    state.PauseTiming();
    events += result.report.totals.produced;
    std::string error;
    auto recording = store::Recording::open(dir.file("run.evrec"), &error);
    store::RecordingSummary summary;
    recording->summary(summary, &error);
    rows += summary.events + summary.attempts;
    bytesPerEvent = static_cast<double>(fs::file_size(dir.file("run.evrec"))) /
                    static_cast<double>(summary.events);
    state.counters["attempts_per_event"] =
        static_cast<double>(summary.attempts) / static_cast<double>(summary.events);
    state.ResumeTiming();
  }
  state.counters["events_per_s"] =
      benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
  state.counters["rows_per_s"] =
      benchmark::Counter(static_cast<double>(rows), benchmark::Counter::kIsRate);
  state.counters["bytes_per_event"] = bytesPerEvent;
}

void BM_SimulateAndRecordMM1(benchmark::State& state) {
  simulateAndRecord(state, testing::queueModel(800, 1000, 1, 1000 * kSecond));
}
BENCHMARK(BM_SimulateAndRecordMM1)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_SimulateAndRecordChain(benchmark::State& state) {
  simulateAndRecord(state, chain(5000, 100 * kSecond));
}
BENCHMARK(BM_SimulateAndRecordChain)->Unit(benchmark::kMillisecond)->UseRealTime();

std::unique_ptr<store::Recording> openLarge() {
  std::string error;
  auto recording = store::Recording::open(largeRecording().string(), &error);
  if (!recording) throw std::runtime_error(error);
  return recording;
}

// Open the file (its pages evicted from the OS cache) and compute the state at a random time.
void BM_LargeOpenAndStateAtCold(benchmark::State& state) {
  std::mt19937_64 rng(7);
  std::uint64_t events = 0;
  for (auto _ : state) {
    state.PauseTiming();
    evictFromPageCache(largeRecording());
    state.ResumeTiming();
    auto recording = openLarge();
    store::StateAt at;
    std::string error;
    recording->stateAt(static_cast<SimTime>(rng() % (1000 * kSecond)), at, &error);
    benchmark::DoNotOptimize(at.inFlight);
    state.PauseTiming();
    store::RecordingSummary summary;
    recording->summary(summary, &error);
    events = summary.events;
    state.ResumeTiming();
  }
  state.counters["events"] = static_cast<double>(events);
}
BENCHMARK(BM_LargeOpenAndStateAtCold)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(20);

// A page of 100 events (with their attempts) from a random id, and from a random time with a
// type filter (what the GUI's event log asks while scrolling and filtering).
void BM_LargePageOf100(benchmark::State& state) {
  auto recording = openLarge();
  std::mt19937_64 rng(8);
  const bool byTime = state.range(0) == 1;
  for (auto _ : state) {
    store::EventQuery query;
    if (byTime) {
      query.from = static_cast<SimTime>(rng() % (990 * kSecond));
      query.type = "PaymentCaptured";
    } else {
      query.afterId = rng() % 9'990'000;
    }
    store::EventPage page;
    std::string error;
    recording->events(query, page, &error);
    if (page.events.size() != 100) state.SkipWithError("short page");
  }
}
BENCHMARK(BM_LargePageOf100)->Arg(0)->Arg(1)->ArgName("by_time")->Unit(benchmark::kMillisecond);

// The whole trace of a random order: its events, causation and every attempt.
void BM_LargeTraceByCorrelation(benchmark::State& state) {
  auto recording = openLarge();
  std::mt19937_64 rng(9);
  for (auto _ : state) {
    state.PauseTiming();
    store::EventPage page;
    std::string error;
    recording->events({.afterId = rng() % 9'990'000, .limit = 1}, page, &error);
    const std::uint64_t correlation = page.events.at(0).correlation;
    state.ResumeTiming();
    store::Trace trace;
    recording->trace(correlation, trace, &error);
    if (trace.events.size() < 2) state.SkipWithError("trace without its payment");
  }
}
BENCHMARK(BM_LargeTraceByCorrelation)->Unit(benchmark::kMillisecond);

// A metric series over a random window (from 1 s to the whole run), decimated to 1000 points.
void BM_LargeSeriesWindow(benchmark::State& state) {
  auto recording = openLarge();
  std::mt19937_64 rng(10);
  for (auto _ : state) {
    const SimTime length = kSecond + static_cast<SimTime>(rng() % (999 * kSecond));
    const SimTime from = static_cast<SimTime>(rng() % (1000 * kSecond - length + 1));
    std::vector<store::SeriesPoint> points;
    std::string error;
    recording->series(0, -1, "backlog", from, from + length, 1000, points, &error);
    benchmark::DoNotOptimize(points.data());
  }
}
BENCHMARK(BM_LargeSeriesWindow)->Unit(benchmark::kMillisecond);

// CloudEvents JSON Lines (exported from a 400 k-event run) imported into a new recording.
void BM_ImportCloudEvents(benchmark::State& state) {
  static const fs::path input = [] {
    const fs::path file = dataDir() / "mm1-400k.jsonl";
    if (!fs::exists(file)) {
      TempDir dir;
      testing::recordScenario(testing::queueModel(800, 1000, 1, 500 * kSecond), dir.file("r"));
      std::string error;
      auto recording = store::Recording::open(dir.file("r"), &error);
      std::ofstream out(file.string() + ".partial");
      exportRecording(*recording, ExportFormat::CloudEvents, out, &error);
      out.close();
      fs::rename(file.string() + ".partial", file);
    }
    return file;
  }();
  std::uint64_t events = 0;
  for (auto _ : state) {
    state.PauseTiming();
    TempDir dir;
    state.ResumeTiming();
    const ImportResult result = importCloudEvents(input.string(), dir.file("imported.evrec"));
    if (!result.ok()) state.SkipWithError("import failed");
    events += result.events;
  }
  state.counters["events_per_s"] =
      benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ImportCloudEvents)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace eventscope::core

BENCHMARK_MAIN();
