// Fidelity against queueing theory (DESIGN.md §6): the engine's W, Wq, L and Lq within 2% of
// the analytic values, and Little's law (L = lambda W) within 0.5% on the measured figures.
// Runs are long enough (>= 700k customers) that 2% is several standard errors away.
#include <gtest/gtest.h>

#include <vector>

#include "core/bus/key_table.h"
#include "core/sim/run_scenario.h"
#include "support/queueing_theory.h"
#include "support/scenario_builders.h"

namespace eventscope::core {
namespace {

using testing::QueueMetrics;

void expectClose(double measured, double theory, double tolerance, const char* what) {
  EXPECT_NEAR(measured / theory, 1.0, tolerance)
      << what << ": measured " << measured << ", theory " << theory;
}

void expectMatches(const ServiceReport& s, const QueueMetrics& theory) {
  expectClose(s.latency.mean, theory.w, 0.02, "W");
  expectClose(s.wait.mean, theory.wq, 0.02, "Wq");
  expectClose(s.inSystemMean, theory.l, 0.02, "L");
  expectClose(s.backlogMean, theory.lq, 0.02, "Lq");
  expectClose(s.inSystemMean, s.throughputPerS * s.latency.mean, 0.005, "Little's law L");
  expectClose(s.backlogMean, s.throughputPerS * s.wait.mean, 0.005, "Little's law Lq");
}

TEST(FidelityTest, MM1) {
  Scenario s = testing::queueModel(700, 1000, 1, 1000 * kSecond, 7);
  s.warmup = 20 * kSecond;
  expectMatches(runScenario(s).report.services.at(0), testing::mm1(700, 1000));
}

TEST(FidelityTest, MMcIsErlangC) {
  Scenario s = testing::queueModel(2800, 1000, 4, 400 * kSecond, 11);
  s.warmup = 10 * kSecond;
  const RunResult r = runScenario(s);
  expectMatches(r.report.services.at(0), testing::mmc(2800, 1000, 4));
  EXPECT_NEAR(r.report.services.at(0).utilization, 0.7, 0.01);
}

TEST(FidelityTest, MD1IsPollaczekKhinchine) {
  Scenario s = testing::queueModel(700, 1000, 1, 1000 * kSecond, 3);
  s.services[0].serviceTime = testing::constant(kMillisecond);
  s.warmup = 20 * kSecond;
  expectMatches(runScenario(s).report.services.at(0), testing::md1(700, 1000));
}

// Two M/M/1 stations in series: by Burke's theorem the second also sees Poisson arrivals.
TEST(FidelityTest, TandemOfTwoServices) {
  Scenario s = testing::queueModel(700, 1000, 1, 1000 * kSecond, 5);
  s.warmup = 20 * kSecond;
  s.topics.push_back(testing::topic("middle"));
  s.services[0].emits = {EmitSpec{.topic = "middle", .event = "Next"}};
  s.services.push_back(
      testing::service("second", "middle", testing::exponential(800 * kMicrosecond)));
  const RunResult r = runScenario(s);
  expectMatches(r.report.services.at(0), testing::mm1(700, 1000));
  expectMatches(r.report.services.at(1), testing::mm1(700, 1250));
}

// c instances over c partitions with keyless (randomly partitioned) events: c independent M/M/1.
TEST(FidelityTest, PartitionedGroupIsIndependentQueues) {
  Scenario s = testing::queueModel(2800, 1000, 4, 400 * kSecond, 13);
  s.warmup = 10 * kSecond;
  s.topics[0].partitions = 4;
  s.services[0].delivery = DeliveryMode::Partitioned;
  QueueMetrics theory = testing::mm1(700, 1000);
  theory.l *= 4;  // the service holds the events of all four queues
  theory.lq *= 4;
  expectMatches(runScenario(s).report.services.at(0), theory);
}

// With keys, each partition gets the share of keys that hash to it: the theory is the
// arrival-weighted mix of per-partition M/M/1 queues.
TEST(FidelityTest, PartitionedByKeyFollowsTheKeyShares) {
  constexpr int kPartitions = 4;
  constexpr std::uint64_t kKeys = 1000;
  constexpr double kLambda = 2400, kMu = 1000;
  Scenario s = testing::queueModel(kLambda, kMu, kPartitions, 400 * kSecond, 17);
  s.warmup = 10 * kSecond;
  s.topics[0].partitions = kPartitions;
  s.producers[0].keys = {.kind = KeySpace::Kind::Uniform, .count = kKeys};
  s.services[0].delivery = DeliveryMode::Partitioned;
  std::vector<double> share(kPartitions);
  KeyTable keys;
  for (std::uint32_t k = 0; k < kKeys; ++k)
    share[keys.hash(k) % kPartitions] += 1.0 / kKeys;
  double w = 0;
  double l = 0;
  for (double p : share) {
    const QueueMetrics m = testing::mm1(kLambda * p, kMu);
    w += p * m.w;
    l += m.l;
  }
  const RunResult result = runScenario(s);
  const ServiceReport& r = result.report.services.at(0);
  expectClose(r.latency.mean, w, 0.02, "W");
  expectClose(r.inSystemMean, l, 0.02, "L");
  expectClose(r.inSystemMean, r.throughputPerS * r.latency.mean, 0.005, "Little's law");
}

}  // namespace
}  // namespace eventscope::core
