#include "core/sim/engine.h"

#include <gtest/gtest.h>

#include "core/sim/run_scenario.h"
#include "support/scenario_builders.h"

namespace eventscope::core {
namespace {

using testing::queueModel;

TEST(EngineTest, RunsAnMM1QueueToTheEnd) {
  const Scenario s = queueModel(800, 1000, 1, 100 * kSecond);
  const RunResult r = runScenario(s);
  const ServiceReport& server = r.report.services.at(0);
  EXPECT_NEAR(r.report.simTimeS, 100.0, 1e-9);
  EXPECT_NEAR(static_cast<double>(r.report.totals.produced), 80000, 1000);
  EXPECT_EQ(server.produced, server.acked + server.inFlightAtEnd);
  EXPECT_NEAR(server.utilization, 0.8, 0.02);
  EXPECT_NEAR(server.latency.mean, 0.005, 0.0005);
}

}  // namespace
}  // namespace eventscope::core
