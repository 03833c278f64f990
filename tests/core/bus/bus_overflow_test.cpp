// The four overflow policies of a bounded partition (DESIGN.md §2).
#include <gtest/gtest.h>

#include "core/sim/engine.h"
#include "core/sim/run_scenario.h"
#include "support/event_log.h"
#include "support/scenario_builders.h"

namespace eventscope::core {
namespace {

// A producer twice as fast as its consumer, into a topic bounded at 10 per partition.
Scenario overloaded(Overflow overflow) {
  Scenario s = testing::queueModel(2000, 1000, 1, 5 * kSecond);
  s.producers[0].arrivals = Arrivals::Constant;
  s.services[0].serviceTime = testing::constant(kMillisecond);
  s.topics[0].capacity = 10;
  s.topics[0].overflow = overflow;
  return s;
}

TEST(BusOverflowTest, BlockHoldsTheProducerBack) {
  const RunResult r = runScenario(overloaded(Overflow::Block));
  const ServiceReport& service = r.report.services[0];
  EXPECT_EQ(r.report.totals.dropped, 0u);
  EXPECT_EQ(r.report.totals.rejected, 0u);
  EXPECT_LE(r.report.topics[0].maxDepth, 10u);
  // Backpressure: the producer publishes only as fast as the consumer drains, and is held
  // back about half of the time.
  EXPECT_NEAR(static_cast<double>(r.report.producers[0].published), 5000, 20);
  EXPECT_NEAR(r.report.producers[0].blockedS, 2.5, 0.1);
  EXPECT_NEAR(service.utilization, 1.0, 0.01);
}

TEST(BusOverflowTest, DropNewestKeepsTheOldest) {
  Scenario s = overloaded(Overflow::DropNewest);
  testing::EventLog log;
  Engine engine(s, &log);
  engine.run();
  const TopicState& topic = engine.bus().topics()[0];
  EXPECT_GT(topic.dropped, 4000u);
  EXPECT_EQ(topic.rejected, 0u);
  ASSERT_FALSE(log.refused.empty());
  for (const auto& r : log.refused)
    EXPECT_EQ(r.why, Refusal::DroppedNewest);
  // Every dropped event is the one being published at that moment, and it is never delivered.
  for (const auto& r : log.refused) {
    EXPECT_EQ(r.event.publishedAt, r.at);
    EXPECT_TRUE(log.endsOf(r.event.id).empty());
  }
  const ServiceCounters& c = engine.bus().services()[0].counters;
  EXPECT_EQ(c.dropped, topic.dropped);
  EXPECT_LE(c.produced - c.acked - c.dropped, 11u);  // what is left: the queue and the one running
}

TEST(BusOverflowTest, DropOldestEvictsTheHeadOfTheQueue) {
  Scenario s = overloaded(Overflow::DropOldest);
  testing::EventLog log;
  Engine engine(s, &log);
  engine.run();
  ASSERT_FALSE(log.refused.empty());
  for (const auto& r : log.refused) {
    EXPECT_EQ(r.why, Refusal::DroppedOldest);
    // The evicted event waited while about 10 newer ones arrived after it.
    const SimTime age = r.at - r.event.publishedAt;
    EXPECT_GE(age, 4 * kMillisecond);
  }
  EXPECT_LE(engine.bus().partitionDepth(0, 0), 10u);
}

TEST(BusOverflowTest, RejectTellsThePublisher) {
  const RunResult r = runScenario(overloaded(Overflow::Reject));
  EXPECT_GT(r.report.totals.rejected, 4000u);
  EXPECT_EQ(r.report.totals.dropped, 0u);
  EXPECT_EQ(r.report.producers[0].rejected, r.report.totals.rejected);
  // Rejected events were never produced: conservation holds without them.
  const ServiceReport& service = r.report.services[0];
  EXPECT_EQ(service.produced, r.report.topics[0].produced);
  EXPECT_EQ(service.produced, service.acked + service.inFlightAtEnd);
}

TEST(BusOverflowTest, ATopicWithoutSubscribersRetainsUpToCapacity) {
  Scenario s = overloaded(Overflow::DropNewest);
  s.services.clear();
  s.duration = kSecond;
  const RunResult r = runScenario(s);
  EXPECT_EQ(r.report.topics[0].maxDepth, 10u);
  EXPECT_EQ(r.report.topics[0].dropped, r.report.topics[0].produced - 10);
}

}  // namespace
}  // namespace eventscope::core
