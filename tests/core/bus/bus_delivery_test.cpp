// Fan-out, competing consumers, prefetch and partition ownership (DESIGN.md §2).
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "core/sim/engine.h"
#include "core/sim/run_scenario.h"
#include "support/event_log.h"
#include "support/scenario_builders.h"

namespace eventscope::core {
namespace {

TEST(BusDeliveryTest, EverySubscribedServiceGetsEveryEvent) {
  Scenario s = testing::queueModel(500, 2000, 1, 2 * kSecond);
  s.services.push_back(testing::service("audit", "in", testing::exponential(kMillisecond / 4)));
  s.services.push_back(testing::service("mail", "in", testing::exponential(kMillisecond / 4), 2));
  const RunResult r = runScenario(s);
  for (const ServiceReport& service : r.report.services) {
    EXPECT_EQ(service.produced, r.report.topics[0].produced) << service.name;
    EXPECT_GE(service.acked + 5, service.produced) << service.name;
  }
}

TEST(BusDeliveryTest, SharedInstancesCompeteForOneQueue) {
  Scenario s = testing::queueModel(2000, 1000, 3, 2 * kSecond);
  testing::EventLog log;
  Engine engine(s, &log);
  engine.run();
  std::map<std::uint32_t, int> perInstance;
  std::set<std::uint64_t> ackedIds;
  for (const auto& e : log.ended) {
    if (e.end.outcome != AttemptOutcome::Acked) continue;
    ++perInstance[e.attempt.instance];
    EXPECT_TRUE(ackedIds.insert(e.event.id).second) << "an event processed twice";
  }
  ASSERT_EQ(perInstance.size(), 3u);
  for (const auto& [instance, count] : perInstance)
    EXPECT_NEAR(count, 1333, 150) << instance;
}

TEST(BusDeliveryTest, PrefetchLetsAnInstanceHoldMoreThanOne) {
  Scenario s = testing::queueModel(3000, 1000, 2, kSecond);  // overloaded: credit fills up
  s.services[0].prefetch = 5;
  testing::EventLog log;
  Engine engine(s, &log);
  engine.advanceTo(500 * kMillisecond);
  std::uint32_t maxUnacked = 0;
  for (const Instance& instance : engine.bus().services()[0].instances) {
    maxUnacked = std::max(maxUnacked, instance.unacked);
    EXPECT_LE(instance.unacked, 5u);
    EXPECT_EQ(instance.prefetched.size() + (instance.state == InstanceState::Idle ? 0 : 1),
              instance.unacked);
  }
  EXPECT_EQ(maxUnacked, 5u);
}

TEST(BusDeliveryTest, PartitionsCapParallelism) {
  Scenario s = testing::queueModel(3000, 1000, 6, 2 * kSecond);
  s.topics[0].partitions = 4;
  s.services[0].delivery = DeliveryMode::Partitioned;
  testing::EventLog log;
  Engine engine(s, &log);
  engine.run();
  std::set<std::uint32_t> working;
  for (const auto& e : log.ended)
    working.insert(e.attempt.instance);
  EXPECT_EQ(working.size(), 4u);  // six instances, four partitions: two stay idle
  for (const ServiceQueue& queue : engine.bus().services()[0].queues)
    EXPECT_LT(queue.owner, 4u);
}

TEST(BusDeliveryTest, PartitionedKeepsPerKeyOrderWhileSharedMayNot) {
  Scenario s = testing::queueModel(2500, 1000, 4, 3 * kSecond);
  s.producers[0].keys = {.kind = KeySpace::Kind::Uniform, .count = 20};
  s.services[0].failureRate = 0.2;
  s.services[0].retry = {.maxAttempts = 5, .backoff = 2 * kMillisecond};
  const RunResult shared = runScenario(s);
  EXPECT_GT(shared.report.services[0].outOfOrder, 0u);

  s.topics[0].partitions = 4;
  s.services[0].delivery = DeliveryMode::Partitioned;
  const RunResult partitioned = runScenario(s);
  EXPECT_EQ(partitioned.report.services[0].outOfOrder, 0u);
  EXPECT_GT(partitioned.report.services[0].retries, 0u);
}

}  // namespace
}  // namespace eventscope::core
