// Regressions found in review: each test pins one rule of README "Semantics" that the bus
// once broke in a corner (crashes, timeouts, duplicates, autoscaling, bounded topics).
#include <gtest/gtest.h>

#include "core/sim/engine.h"
#include "core/sim/run_scenario.h"
#include "support/event_log.h"
#include "support/invariant_checker.h"
#include "support/scenario_builders.h"

namespace eventscope::core {
namespace {

using testing::constant;

// One producer: constant arrivals every 1 ms, all events with key k0.
Scenario oneKeyPipeline(SimTime serviceTime, int instances, DeliveryMode mode, SimTime duration) {
  Scenario s;
  s.name = "review";
  s.duration = duration;
  s.topics = {testing::topic("in")};
  s.producers = {testing::producer("src", "in", 1000, Arrivals::Constant)};
  s.producers[0].keys = {.kind = KeySpace::Kind::Uniform, .count = 1};
  s.services = {testing::service("svc", "in", constant(serviceTime), instances, mode)};
  return s;
}

// R1. crashInstance returns the running copy first and then pushes the prefetched copies in
// front of it, so after a crash the queue reads E2 E3 E1 E4 ... instead of E1 E2 E3 E4.
TEST(BusRegressionTest, CrashReturnsCurrentAndPrefetchedInOrder) {
  Scenario s = oneKeyPipeline(100 * kMillisecond, 1, DeliveryMode::Shared, kSecond);
  s.services[0].prefetch = 3;
  s.faults.push_back({.kind = FaultSpec::Kind::Crash,
                      .at = 5 * kMillisecond + kMillisecond / 2,
                      .duration = 200 * kMillisecond,
                      .target = "svc",
                      .instances = 1});
  Engine engine(s, nullptr);
  engine.advanceTo(6 * kMillisecond);
  const ServiceState& svc = engine.bus().services()[0];
  ASSERT_GE(svc.sharedReady.size(), 5u);
  std::vector<std::uint64_t> ids;
  for (std::size_t i = 0; i < svc.sharedReady.size(); ++i)
    ids.push_back(engine.bus().events()[svc.sharedReady.at(i).event].id);
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()))
      << "queue after crash: " << ::testing::PrintToString(ids);
  engine.run();
  EXPECT_EQ(svc.counters.outOfOrder, 0u);  // one instance, one key: order must hold
}

// R2. crash(service, 2) crashes instances one at a time; the work returned by the first is
// dispatched at once to the second (still up, idle), which starts it and crashes in the same
// instant: one event, two crash redeliveries, and a phantom zero-length attempt.
TEST(BusRegressionTest, SimultaneousCrashDoesNotHandWorkToInstancesAboutToCrash) {
  for (DeliveryMode mode : {DeliveryMode::Shared, DeliveryMode::Partitioned}) {
    Scenario s = oneKeyPipeline(100 * kMillisecond, 2, mode, kSecond);
    s.producers[0].count = 1;  // one event, at 1 ms, on instance 0
    s.faults.push_back({.kind = FaultSpec::Kind::Crash,
                        .at = 10 * kMillisecond,
                        .duration = 100 * kMillisecond,
                        .target = "svc",
                        .instances = 2});
    testing::EventLog log;
    Engine engine(s, &log);
    engine.run();
    const ServiceCounters& c = engine.bus().services()[0].counters;
    EXPECT_EQ(c.crashRedeliveries, 1u) << (mode == DeliveryMode::Shared ? "shared" : "partitioned");
    EXPECT_EQ(c.delivered, 2u);  // the crashed attempt and the one after recovery
    int crashed = 0;
    for (const auto& e : log.ended)
      crashed += e.end.outcome == AttemptOutcome::Crashed;
    EXPECT_EQ(crashed, 1);
  }
}

// R3. drop-oldest evicts a waiting *broker duplicate* of an event whose other copy is being
// processed; evictOldest marks the event done-as-dropped for the service, so when the running
// copy succeeds it is not counted as acked (no latency either) although it was processed.
TEST(BusRegressionTest, DropOldestEvictingARedundantDuplicateDoesNotLoseTheAck) {
  Scenario s;
  s.name = "review";
  s.duration = kSecond;
  s.topics = {testing::topic("in")};
  s.topics[0].capacity = 2;
  s.topics[0].overflow = Overflow::DropOldest;
  s.producers = {testing::producer("src", "in", 1000, Arrivals::Constant)};
  s.producers[0].count = 2;  // E1 at 1 ms, E2 at 2 ms
  s.services = {testing::service("svc", "in", constant(10 * kMillisecond))};
  s.faults.push_back(
      {.kind = FaultSpec::Kind::Duplicate, .at = 0, .target = "in", .fraction = 1.0});
  Engine engine(s, nullptr);
  engine.run();
  const ServiceCounters& c = engine.bus().services()[0].counters;
  EXPECT_EQ(c.sideEffects, 2u);  // E1 and E2 were both processed
  EXPECT_EQ(c.acked, 2u) << "dropped=" << c.dropped;
  EXPECT_EQ(c.dropped, 0u);
}

// R4. A crash fault takes instances down; the autoscaler replaces them (live excludes Down);
// at the fault's end the crashed ones come back too: more instances up than autoscale.max.
TEST(BusRegressionTest, AutoscaleMaxHoldsAcrossACrash) {
  Scenario s = oneKeyPipeline(10 * kMillisecond, 2, DeliveryMode::Shared, 4 * kSecond);
  s.services[0].autoscale =
      AutoscaleSpec{.min = 1, .max = 2, .targetBacklog = 1, .checkEvery = 100 * kMillisecond};
  s.faults.push_back({.kind = FaultSpec::Kind::Crash,
                      .at = kSecond,
                      .duration = kSecond,
                      .target = "svc",
                      .instances = 2});
  Engine engine(s, nullptr);
  engine.advanceTo(2 * kSecond + kMillisecond);
  const ServiceState& svc = engine.bus().services()[0];
  EXPECT_LE(static_cast<std::int64_t>(svc.upInstances()), 2)
      << "instances slots: " << svc.instances.size();
}

// R5. An idempotent service records an event as processed when the attempt completes, before
// its follow-ups are published (no outbox). A crash while it is blocked publishing them
// redelivers the event, the redelivery is skipped as a duplicate, and the follow-up is never
// published: the dual-write hazard. It must be counted, not silent.
TEST(BusRegressionTest, CrashWhilePublishingCountsTheFollowUpsItLoses) {
  Scenario s;
  s.name = "review";
  s.duration = 3 * kSecond;
  s.topics = {testing::topic("in"), testing::topic("out")};
  s.topics[1].capacity = 1;
  s.topics[1].overflow = Overflow::Block;
  s.producers = {testing::producer("src", "in", 1000, Arrivals::Constant)};
  s.producers[0].count = 2;  // E1 at 1 ms, E2 at 2 ms
  s.services = {testing::service("a", "in", constant(kMillisecond)),
                testing::service("b", "out", constant(500 * kMillisecond))};
  s.services[0].idempotent = true;
  s.services[0].emits = {{.topic = "out", .event = "F"}};
  // A: E1 done at 2 ms, F1 fills "out"; E2 done at 3 ms, F2 blocks until 502 ms.
  s.faults.push_back({.kind = FaultSpec::Kind::Crash,
                      .at = 100 * kMillisecond,
                      .duration = 100 * kMillisecond,
                      .target = "a",
                      .instances = 1});
  Engine engine(s, nullptr);
  engine.run();
  const ServiceState& a = engine.bus().services()[0];
  EXPECT_EQ(a.counters.acked, 2u);
  EXPECT_EQ(engine.bus().topics()[1].produced, 1u);
  EXPECT_EQ(a.counters.unpublishedFollowUps, 1u);  // F2, lost with the crash and counted
  EXPECT_EQ(a.counters.duplicatesSkipped, 1u);     // the redelivered E2 was skipped
}

// R7. onAutoscaleCheck: static_cast<int>(ceil(waiting / target_backlog)) overflows int once
// waiting / target_backlog > INT_MAX (target_backlog may be any positive number, e.g. 1e-6):
// UB; on x86 it yields INT_MIN, the aim falls back to the busy count and the service never
// scales out under the largest backlogs.
TEST(BusRegressionTest, AutoscaleAimDoesNotOverflowWithASmallTargetBacklog) {
  Scenario s = oneKeyPipeline(10 * kMillisecond, 1, DeliveryMode::Shared, 6 * kSecond);
  s.services[0].autoscale =
      AutoscaleSpec{.min = 1, .max = 8, .targetBacklog = 1e-6, .checkEvery = 5 * kSecond};
  Engine engine(s, nullptr);
  engine.advanceTo(5 * kSecond + kMillisecond);  // first check: ~4,900 waiting
  const ServiceState& svc = engine.bus().services()[0];
  EXPECT_GT(svc.waiting(), 2148u);
  EXPECT_EQ(static_cast<std::int64_t>(svc.upInstances()), 8);
}

// R8. Little's law L = lambda W holds with retries when every event is finally acked (W runs
// from publish to the ack). Lq = lambda Wq does not: Wq includes earlier failed attempts.
TEST(BusRegressionTest, LittlesLawHoldsWithRetries) {
  Scenario s = testing::queueModel(500, 1000, 1, 200 * kSecond, 3);
  s.warmup = 10 * kSecond;
  s.services[0].failureRate = 0.3;
  s.services[0].retry = {.maxAttempts = 50, .backoff = 0, .multiplier = 1, .maxBackoff = 0};
  const ServiceReport r = runScenario(s).report.services.at(0);
  EXPECT_EQ(r.deadLettered + r.discarded, 0u);
  EXPECT_NEAR(r.inSystemMean / (r.throughputPerS * r.latency.mean), 1.0, 0.005) << "L";
}

// R9. bringUp() clears `available` while the instance may still sit in withCredit (it was idle
// with credit when it crashed); joinGroup's grantCredit then lists it a second time. With
// prefetch > 1 the stale second entry hands a copy to a *busy* instance (prefetched) while
// another instance is idle.
TEST(BusRegressionTest, RecoveredInstanceIsNotListedTwiceForCredit) {
  Scenario s;
  s.name = "review";
  s.duration = kSecond;
  s.topics = {testing::topic("in")};
  s.producers = {testing::producer("p1", "in", 100, Arrivals::Constant),
                 testing::producer("p2", "in", 1000, Arrivals::Constant)};
  s.producers[0].start = 25 * kMillisecond;  // E1 25 ms, E2 35 ms, E3 45 ms
  s.producers[0].count = 3;
  s.producers[1].start = 46 * kMillisecond;  // E4 46 ms
  s.producers[1].count = 1;
  s.services = {testing::service("svc", "in", constant(5 * kMillisecond), 2)};
  s.services[0].prefetch = 2;
  s.faults.push_back({.kind = FaultSpec::Kind::Crash,
                      .at = 10 * kMillisecond,
                      .duration = 10 * kMillisecond,
                      .target = "svc",
                      .instances = 1});
  testing::EventLog log;
  Engine engine(s, &log);
  engine.run();
  for (const auto& e : log.ended) {
    if (e.event.publishedAt == 46 * kMillisecond) {
      EXPECT_EQ(e.attempt.startedAt, 46 * kMillisecond)
          << "E4 waited behind E3 on instance " << e.attempt.instance
          << " although the other instance was idle";
    }
  }
}

// R10. onAckTimeout (shared) returns the prefetched copies one at a time, last first, and each
// returnToQueue() dispatches at once: an instance with credit receives them in reverse order
// (E5, E3, then E1) instead of "back to the front of the queue, in their order".
TEST(BusRegressionTest, AckTimeoutReturnsPrefetchedCopiesInOrder) {
  Scenario s;
  s.name = "review";
  s.duration = kSecond;
  s.topics = {testing::topic("in")};
  // Alternating publishes: schema 1 (processed by instance 0) and schema 2 (rejected at once
  // by instance 1, which is then idle with credit).
  s.producers = {testing::producer("good", "in", 500, Arrivals::Constant),
                 testing::producer("bad", "in", 500, Arrivals::Constant)};
  s.producers[0].count = 3;  // 0, 2, 4 ms
  s.producers[0].keys = {.kind = KeySpace::Kind::Uniform, .count = 1};
  s.producers[1].start = kMillisecond;  // 1, 3, 5 ms
  s.producers[1].count = 3;
  s.producers[1].schema = 2;
  s.services = {testing::service("svc", "in", constant(100 * kMillisecond), 2)};
  s.services[0].prefetch = 3;
  s.services[0].acceptsSchema = {1};
  s.services[0].ackTimeout = 50 * kMillisecond;
  s.services[0].retry.maxAttempts = 2;  // the timed-out event is redelivered, not given up
  testing::EventLog log;
  Engine engine(s, &log);
  engine.run();
  std::vector<std::pair<SimTime, std::uint64_t>> starts;  // redelivered attempts, by start
  for (const auto& e : log.ended) {
    if (e.event.schema == 1 && e.attempt.startedAt >= 50 * kMillisecond &&
        e.attempt.startedAt < 150 * kMillisecond) {
      starts.emplace_back(e.attempt.startedAt, e.event.id);
    }
  }
  std::sort(starts.begin(), starts.end());
  ASSERT_FALSE(starts.empty());
  EXPECT_EQ(starts.front().second, 1u)
      << "first redelivered attempt is of event " << starts.front().second;
}

// R4b. Same root cause via zombies: timed-out instances leave the group (live excludes them),
// the autoscaler adds instances, and when the zombies finish they rejoin: above max.
TEST(BusRegressionTest, AutoscaleMaxHoldsWithZombies) {
  Scenario s = oneKeyPipeline(100 * kMillisecond, 2, DeliveryMode::Shared, 2 * kSecond);
  s.services[0].ackTimeout = 60 * kMillisecond;
  s.services[0].autoscale =
      AutoscaleSpec{.min = 1, .max = 2, .targetBacklog = 1000, .checkEvery = 10 * kMillisecond};
  Engine engine(s, nullptr);
  std::int64_t most = 0;
  while (engine.step())
    most = std::max(most, static_cast<std::int64_t>(engine.bus().services()[0].upInstances()));
  EXPECT_LE(most, 2);
}

}  // namespace
}  // namespace eventscope::core
