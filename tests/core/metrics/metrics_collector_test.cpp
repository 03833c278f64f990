#include "core/metrics/metrics_collector.h"

#include <gtest/gtest.h>

#include "core/sim/run_scenario.h"
#include "support/scenario_builders.h"

namespace eventscope::core {
namespace {

// Arrivals exactly every 10 ms (the first at 0), service exactly 5 ms: every figure is known.
Scenario clockwork() {
  Scenario s = testing::queueModel(100, 200, 1, kSecond);
  s.producers[0].arrivals = Arrivals::Constant;
  s.services[0].serviceTime = testing::constant(5 * kMillisecond);
  return s;
}

TEST(MetricsCollectorTest, ReportsExactFiguresForADeterministicQueue) {
  const RunResult r = runScenario(clockwork(), {.bucketWidth = 100 * kMillisecond});
  const ServiceReport& s = r.report.services.at(0);
  EXPECT_EQ(s.acked, 100u);  // arrivals at 0, 10, ..., 990 ms
  EXPECT_DOUBLE_EQ(s.latency.mean, 0.005);
  EXPECT_DOUBLE_EQ(s.latency.max, 0.005);
  EXPECT_NEAR(s.latency.p99, 0.005, 0.005 * 0.01);
  EXPECT_DOUBLE_EQ(s.wait.mean, 0.0);
  EXPECT_DOUBLE_EQ(s.backlogMean, 0.0);
  EXPECT_NEAR(s.inSystemMean, 0.5, 1e-12);
  EXPECT_NEAR(s.utilization, 0.5, 1e-12);
  EXPECT_DOUBLE_EQ(s.throughputPerS, 100.0);
}

TEST(MetricsCollectorTest, BucketsHoldMeansAndCounts) {
  const RunResult r = runScenario(clockwork(), {.bucketWidth = 100 * kMillisecond});
  const TimeSeries& series = r.series;
  ASSERT_EQ(series.bucketCount(), 10u);
  ASSERT_EQ(series.serviceNames.at(0), "server");
  const auto& buckets = series.services.at(0);
  for (std::size_t b = 0; b < 10; ++b) {
    EXPECT_NEAR(buckets[b].lag, 0.5, 1e-6) << b;
    EXPECT_NEAR(buckets[b].utilization, 0.5, 1e-6) << b;
    EXPECT_EQ(buckets[b].acked, 10u) << b;
    EXPECT_NEAR(buckets[b].throughput, 100.0, 1e-3) << b;
    EXPECT_NEAR(buckets[b].latencyP50, 0.005, 0.005 * 0.01) << b;
    EXPECT_EQ(buckets[b].instances, 1u);
  }
  const auto lag = series.series(0, ServiceMetric::Lag);
  ASSERT_EQ(lag.size(), 10u);
  EXPECT_NEAR(lag[5], 0.5, 1e-6);
  ASSERT_EQ(series.queues.at(0).size(), 1u);
  EXPECT_NEAR(series.queues[0][0][5].lag, 0.5, 1e-6);
}

TEST(MetricsCollectorTest, WarmupIsLeftOutOfTimings) {
  Scenario s = clockwork();
  s.warmup = 500 * kMillisecond;
  const RunResult r = runScenario(s);
  const ServiceReport& service = r.report.services.at(0);
  EXPECT_EQ(service.acked, 100u);                        // counters: whole run
  EXPECT_DOUBLE_EQ(service.throughputPerS, 50.0 / 0.5);  // acks at 505..995 ms
  EXPECT_NEAR(service.inSystemMean, 0.5, 1e-9);
}

TEST(MetricsCollectorTest, ChoosesRoundBucketWidths) {
  EXPECT_EQ(chooseBucketWidth(60 * kSecond), 100 * kMillisecond);
  EXPECT_EQ(chooseBucketWidth(kSecond), 2 * kMillisecond);
  EXPECT_EQ(chooseBucketWidth(kHour), 5 * kSecond);
  EXPECT_LE(kHour / chooseBucketWidth(kHour), 1000);
}

}  // namespace
}  // namespace eventscope::core
