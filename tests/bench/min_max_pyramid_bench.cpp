// Chart decimation (DESIGN.md §6: chart update <= 3 ms over 10 M samples): appending 10 M
// samples to a MinMaxPyramid, and decimating all of them, or random windows, to 1000 columns.
// Run: min_max_pyramid_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <random>

#include "core/metrics/min_max_pyramid.h"

namespace eventscope::core {
namespace {

constexpr std::size_t kSamples = 10'000'000;
constexpr std::size_t kColumns = 1000;

// A random walk: the shape of a backlog or latency series, with no two columns alike.
std::vector<double> randomWalk(std::size_t count) {
  std::mt19937_64 rng(7);
  std::normal_distribution<double> step(0, 1);
  std::vector<double> samples(count);
  double y = 0;
  for (double& sample : samples) {
    y += step(rng);
    sample = y;
  }
  return samples;
}

const std::vector<double>& samples() {
  static const std::vector<double> walk = randomWalk(kSamples);
  return walk;
}

const MinMaxPyramid& tenMillion() {
  static const MinMaxPyramid pyramid = [] {
    MinMaxPyramid p;
    for (const double y : samples())
      p.append(y);
    return p;
  }();
  return pyramid;
}

void BM_Append10M(benchmark::State& state) {
  const std::vector<double>& walk = samples();
  for (auto _ : state) {
    MinMaxPyramid pyramid;
    for (const double y : walk)
      pyramid.append(y);
    benchmark::DoNotOptimize(pyramid.size());
  }
  state.counters["samples_per_s"] = benchmark::Counter(
      static_cast<double>(kSamples * state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Append10M)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_DecimateWhole10M(benchmark::State& state) {
  const MinMaxPyramid& pyramid = tenMillion();
  for (auto _ : state) {
    benchmark::DoNotOptimize(pyramid.decimate(0, pyramid.size(), kColumns));
  }
}
BENCHMARK(BM_DecimateWhole10M)->Unit(benchmark::kMicrosecond)->UseRealTime();

// Zoomed and scrolled views: windows of random position and width (at least 10 k samples, so
// every one needs decimating), a different one each iteration.
void BM_DecimateRandomWindow10M(benchmark::State& state) {
  const MinMaxPyramid& pyramid = tenMillion();
  std::mt19937_64 rng(11);
  std::uniform_int_distribution<std::size_t> position(0, kSamples - 1);
  for (auto _ : state) {
    std::size_t first = position(rng);
    std::size_t last = position(rng);
    if (first > last) std::swap(first, last);
    last = std::max(last, std::min(first + 10 * kColumns, kSamples));
    benchmark::DoNotOptimize(pyramid.decimate(first, last, kColumns));
  }
}
BENCHMARK(BM_DecimateRandomWindow10M)->Unit(benchmark::kMicrosecond)->UseRealTime();

// The cost without the pyramid, for scale: one pass over every sample of the series.
void BM_PlainScanWhole10M(benchmark::State& state) {
  const std::vector<double>& walk = samples();
  for (auto _ : state) {
    double low = walk.front();
    double high = walk.front();
    for (const double y : walk) {
      low = std::min(low, y);
      high = std::max(high, y);
    }
    benchmark::DoNotOptimize(low);
    benchmark::DoNotOptimize(high);
  }
}
BENCHMARK(BM_PlainScanWhole10M)->Unit(benchmark::kMicrosecond)->UseRealTime();

}  // namespace
}  // namespace eventscope::core

BENCHMARK_MAIN();
