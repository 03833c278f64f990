// Property tests: the bus's promises hold on 1,000 random scenarios (DESIGN.md §2 semantics).
#include <gtest/gtest.h>

#include "core/sim/engine.h"
#include "support/invariant_checker.h"
#include "support/random_scenario.h"

namespace eventscope::core {
namespace {

TEST(BusPropertyTest, InvariantsHoldOnRandomScenarios) {
  constexpr std::uint64_t kScenarios = 1000;
  std::uint64_t events = 0;
  // How often each mechanism came up, to be sure the scenarios exercise all of them.
  ServiceCounters seen;
  std::uint64_t dropped = 0, rejected = 0, blockedProducers = 0;
  for (std::uint64_t seed = 1; seed <= kScenarios; ++seed) {
    const Scenario scenario = testing::randomScenario(seed);
    testing::InvariantChecker checker;
    Engine engine(scenario, &checker);
    engine.run();
    events += engine.bus().eventsPublished();
    for (const ServiceState& service : engine.bus().services()) {
      const ServiceCounters& c = service.counters;
      seen.retries += c.retries;
      seen.deadLettered += c.deadLettered;
      seen.discarded += c.discarded;
      seen.duplicatesProcessed += c.duplicatesProcessed;
      seen.duplicatesSkipped += c.duplicatesSkipped;
      seen.crashRedeliveries += c.crashRedeliveries;
      seen.timeoutRedeliveries += c.timeoutRedeliveries;
      seen.brokerDuplicates += c.brokerDuplicates;
      seen.schemaRejected += c.schemaRejected;
      seen.outOfOrder += c.outOfOrder;
      seen.emitted += c.emitted;
    }
    for (const TopicState& topic : engine.bus().topics()) {
      dropped += topic.dropped;
      rejected += topic.rejected;
    }
    for (const ProducerState& producer : engine.bus().producers()) {
      blockedProducers += producer.blockedTotal > 0 || producer.blocked;
    }
    ASSERT_TRUE(checker.violations.empty())
        << "scenario seed " << seed << ": " << checker.violations.front()
        << (checker.violations.size() > 1 ? " (and more)" : "");
  }
  EXPECT_GT(events, kScenarios * 100);  // the scenarios did real work
  EXPECT_GT(seen.retries, 0u);
  EXPECT_GT(seen.deadLettered, 0u);
  EXPECT_GT(seen.discarded, 0u);
  EXPECT_GT(seen.duplicatesProcessed, 0u);
  EXPECT_GT(seen.duplicatesSkipped, 0u);
  EXPECT_GT(seen.crashRedeliveries, 0u);
  EXPECT_GT(seen.timeoutRedeliveries, 0u);
  EXPECT_GT(seen.brokerDuplicates, 0u);
  EXPECT_GT(seen.schemaRejected, 0u);
  EXPECT_GT(seen.outOfOrder, 0u);
  EXPECT_GT(seen.emitted, 0u);
  EXPECT_GT(dropped, 0u);
  EXPECT_GT(rejected, 0u);
  EXPECT_GT(blockedProducers, 0u);
}

}  // namespace
}  // namespace eventscope::core
