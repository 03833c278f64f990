// The bus's own bookkeeping against an independent count of where every copy is, over random
// scenarios, with and without live interventions (as the GUI will make them).
#include "support/bus_consistency.h"

#include <gtest/gtest.h>

#include "core/sim/engine.h"
#include "core/sim/random_stream.h"
#include "support/invariant_checker.h"
#include "support/random_scenario.h"

namespace eventscope::core {
namespace {

TEST(BusConsistencyTest, BookkeepingHoldsUnderRandomInterventions) {
  int failures = 0;
  for (std::uint64_t seed = 1; seed <= 200 && failures < 5; ++seed) {
    const Scenario scenario = testing::randomScenario(seed);
    testing::InvariantChecker checker;
    Engine engine(scenario, &checker);
    RandomStream dice(seed * 31 + 7);
    std::string problem;
    std::uint64_t steps = 0;
    while (engine.step()) {
      ++steps;
      if (dice.uniform() < 0.002) {
        Bus& bus = engine.bus();
        const auto s = static_cast<std::uint32_t>(dice.below(bus.services().size()));
        switch (dice.below(4)) {
          case 0:
            bus.setInstances(s, static_cast<int>(dice.below(6)));
            break;
          case 1:
            bus.crash(s, 1 + static_cast<int>(dice.below(3)),
                      std::optional<SimTime>(static_cast<SimTime>(dice.below(50)) * kMillisecond));
            break;
          case 2:
            bus.crash(s, 1, std::nullopt);
            break;
          default:
            bus.recover(s, 1 + static_cast<int>(dice.below(3)));
            break;
        }
      }
      if (steps % 31 == 0) {
        problem = testing::checkBusConsistency(engine.bus());
        if (!problem.empty()) break;
      }
    }
    if (problem.empty()) problem = testing::checkBusConsistency(engine.bus());
    if (!problem.empty() || !checker.violations.empty()) {
      ++failures;
      ADD_FAILURE() << "seed " << seed << " t=" << engine.now() << ": " << problem
                    << (checker.violations.empty() ? "" : " checker: " + checker.violations[0]);
    }
  }
}

// The same scenarios without interventions.
TEST(BusConsistencyTest, BookkeepingHoldsOnPlainRandomScenarios) {
  int failures = 0;
  for (std::uint64_t seed = 201; seed <= 300 && failures < 5; ++seed) {
    const Scenario scenario = testing::randomScenario(seed);
    Engine engine(scenario, nullptr);
    std::string problem;
    std::uint64_t steps = 0;
    while (engine.step()) {
      if (++steps % 23 == 0) {
        problem = testing::checkBusConsistency(engine.bus());
        if (!problem.empty()) break;
      }
    }
    if (!problem.empty()) {
      ++failures;
      ADD_FAILURE() << "seed " << seed << " t=" << engine.now() << ": " << problem;
    }
  }
}

}  // namespace
}  // namespace eventscope::core
