// Determinism (DESIGN.md §1 rule 2): the same scenario and seed give a byte-identical event log.
// Each demo has a golden fingerprint of everything the engine reported; a change to the engine
// that alters any event, time or outcome changes it (update the golden only on purpose).
#include <gtest/gtest.h>

#include <string>

#include "core/sim/engine.h"
#include "core/sim/fingerprint_observer.h"
#include "support/demo_scenarios.h"
#include "support/random_scenario.h"

namespace eventscope::core {
namespace {

struct Golden {
  const char* name;
  const char* file;
  const char* fingerprint;
};

std::string goldenName(const ::testing::TestParamInfo<Golden>& param) {
  return param.param.name;
}

std::string fingerprintOf(const Scenario& scenario) {
  FingerprintObserver fingerprint;
  Engine engine(scenario, &fingerprint);
  engine.run();
  return fingerprint.hex();
}

Scenario demo(const std::string& file) {
  return testing::demoScenario(file);
}

class DemoDeterminismTest : public ::testing::TestWithParam<Golden> {};

TEST_P(DemoDeterminismTest, MatchesItsGoldenFingerprint) {
  EXPECT_EQ(fingerprintOf(demo(GetParam().file)), GetParam().fingerprint);
}

INSTANTIATE_TEST_SUITE_P(
    Demos, DemoDeterminismTest,
    ::testing::Values(Golden{"OrderPipeline", "order-pipeline.yaml", "2660690f01be3a1d"},
                      Golden{"WorkQueue", "work-queue.yaml", "48b0e069a74d0ce8"},
                      Golden{"PartitionedStream", "partitioned-stream.yaml", "46814e8005b7a6e0"}),
    goldenName);

TEST(DeterminismTest, SameSeedSameLogOtherSeedOtherLog) {
  for (std::uint64_t seed = 1; seed <= 30; ++seed) {
    Scenario s = testing::randomScenario(seed);
    const std::string first = fingerprintOf(s);
    EXPECT_EQ(fingerprintOf(s), first) << "seed " << seed;
    s.seed += 1000;
    EXPECT_NE(fingerprintOf(s), first) << "seed " << seed;
  }
}

}  // namespace
}  // namespace eventscope::core
