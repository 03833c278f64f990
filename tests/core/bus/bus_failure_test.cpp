// Failures: retries with exponential backoff, dead letters, schema rejection, head-of-line
// blocking, idempotency against duplicates, ack timeouts.
#include <gtest/gtest.h>

#include "core/sim/engine.h"
#include "core/sim/run_scenario.h"
#include "support/event_log.h"
#include "support/scenario_builders.h"

namespace eventscope::core {
namespace {

// Keyed events into a service that always fails on key k3.
Scenario poisoned(DeliveryMode mode) {
  Scenario s = testing::queueModel(200, 2000, 1, 3 * kSecond);
  s.topics[0].partitions = 2;
  s.topics.push_back(testing::topic("in.dlq"));
  s.producers[0].keys = {.kind = KeySpace::Kind::Uniform, .count = 8};
  ServiceSpec& service = s.services[0];
  service.delivery = mode;
  service.poisonKeys = {"k3"};
  service.retry = {.maxAttempts = 4,
                   .backoff = 10 * kMillisecond,
                   .multiplier = 2,
                   .maxBackoff = 30 * kMillisecond};
  service.deadLetter = "in.dlq";
  return s;
}

TEST(BusFailureTest, RetriesBackOffExponentiallyThenDeadLetter) {
  testing::EventLog log;
  const Scenario s = poisoned(DeliveryMode::Shared);
  Engine engine(s, &log);
  engine.run();
  ASSERT_FALSE(log.deadLetters.empty());
  const auto& dead = log.deadLetters.front();
  EXPECT_EQ(engine.bus().keys().text(dead.original.key), "k3");
  EXPECT_EQ(dead.reason, FailureKind::Poison);
  EXPECT_EQ(dead.attempts, 4);
  EXPECT_NE(dead.deadLetterId, 0u);
  const auto ends = log.endsOf(dead.original.id);
  ASSERT_EQ(ends.size(), 4u);
  const SimTime expectedBackoff[] = {10 * kMillisecond, 20 * kMillisecond, 30 * kMillisecond};
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(ends[i].end.outcome, AttemptOutcome::Failed);
    EXPECT_EQ(ends[i].end.retryAt - ends[i].at, expectedBackoff[i]) << "retry " << i;
    EXPECT_GE(ends[i + 1].attempt.startedAt, ends[i].end.retryAt);
  }
  EXPECT_EQ(ends[3].end.outcome, AttemptOutcome::DeadLettered);
  // The dead letter is a new event on the dead-letter topic, caused by the original.
  const auto& dlq = log.published[dead.deadLetterId - 1].event;
  EXPECT_EQ(engine.bus().topics()[dlq.topic].name, "in.dlq");
  EXPECT_EQ(dlq.causationId, dead.original.id);
  EXPECT_EQ(dlq.correlationId, dead.original.correlationId);
  const ServiceCounters& c = engine.bus().services()[0].counters;
  EXPECT_EQ(c.deadLettered, log.deadLetters.size());
  for (const auto& d : log.deadLetters) {
    const auto attempts = log.endsOf(d.original.id);
    ASSERT_EQ(attempts.size(), 4u);
    EXPECT_EQ(attempts.back().end.outcome, AttemptOutcome::DeadLettered);
  }
}

TEST(BusFailureTest, WithoutDeadLetterTopicExhaustedEventsAreDiscardedAndCounted) {
  Scenario s = poisoned(DeliveryMode::Shared);
  s.services[0].deadLetter.reset();
  const RunResult r = runScenario(s);
  EXPECT_GT(r.report.services[0].discarded, 0u);
  EXPECT_EQ(r.report.services[0].deadLettered, 0u);
}

TEST(BusFailureTest, PartitionedModeBlocksThePartitionWhileRetrying) {
  testing::EventLog log;
  const Scenario s = poisoned(DeliveryMode::Partitioned);
  Engine engine(s, &log);
  engine.run();
  const auto& dead = log.deadLetters.front();
  const auto ends = log.endsOf(dead.original.id);
  const SimTime blockedFrom = ends.front().attempt.startedAt;
  const SimTime blockedUntil = ends.back().at;
  // Nothing else of that partition starts while the poison event is being retried...
  for (const auto& e : log.ended) {
    if (e.event.partition == dead.original.partition && e.event.id != dead.original.id) {
      EXPECT_FALSE(e.attempt.startedAt > blockedFrom && e.attempt.startedAt < blockedUntil);
    }
  }
  // ...while the other partition goes on.
  int otherPartition = 0;
  for (const auto& e : log.ended) {
    otherPartition += e.event.partition != dead.original.partition &&
                      e.attempt.startedAt > blockedFrom && e.attempt.startedAt < blockedUntil;
  }
  EXPECT_GT(otherPartition, 0);
}

TEST(BusFailureTest, UnacceptedSchemaGoesStraightToTheDeadLetterTopic) {
  Scenario s = poisoned(DeliveryMode::Shared);
  s.services[0].poisonKeys.clear();
  s.services[0].acceptsSchema = {1};
  s.producers[0].schema = 2;
  testing::EventLog log;
  Engine engine(s, &log);
  engine.run();
  const ServiceCounters& c = engine.bus().services()[0].counters;
  EXPECT_EQ(c.retries, 0u);
  EXPECT_EQ(c.acked, 0u);
  EXPECT_EQ(c.schemaRejected, c.deadLettered);
  ASSERT_FALSE(log.deadLetters.empty());
  EXPECT_EQ(log.deadLetters.front().reason, FailureKind::Schema);
  EXPECT_EQ(log.deadLetters.front().attempts, 1);
}

// The broker duplicates 30% of deliveries: an idempotent service skips the repeats, another
// applies its side effects twice.
TEST(BusFailureTest, IdempotentServicesSkipDuplicatesOthersRepeatSideEffects) {
  Scenario s = testing::queueModel(500, 5000, 2, 2 * kSecond);
  s.services.push_back(
      testing::service("careful", "in", testing::exponential(kMillisecond / 5), 2));
  s.services[1].idempotent = true;
  s.faults.push_back(
      {.kind = FaultSpec::Kind::Duplicate, .at = 0, .target = "in", .fraction = 0.3});
  const RunResult r = runScenario(s);
  const ServiceReport& naive = r.report.services[0];
  const ServiceReport& careful = r.report.services[1];
  EXPECT_NEAR(static_cast<double>(naive.duplicatesProcessed) / naive.acked, 0.3, 0.05);
  EXPECT_EQ(naive.sideEffects, naive.acked + naive.duplicatesProcessed);
  EXPECT_EQ(careful.duplicatesProcessed, 0u);
  EXPECT_EQ(careful.sideEffects, careful.acked);
  EXPECT_GT(careful.duplicatesSkipped, 0u);
  EXPECT_EQ(naive.brokerDuplicates, careful.brokerDuplicates);
}

// Processing takes 5 ms but the broker waits only 3 ms for the ack: every attempt times out
// and is redelivered while the late zombie still applies its side effects (duplicates). Timed-out
// attempts count against max_attempts: after three the broker dead-letters the event.
TEST(BusFailureTest, AckTimeoutRedeliversThenDeadLettersAndZombiesDuplicate) {
  Scenario s = testing::queueModel(20, 1000, 3, kSecond);
  s.topics.push_back(testing::topic("in.dlq"));
  s.services[0].serviceTime = testing::constant(5 * kMillisecond);
  s.services[0].ackTimeout = 3 * kMillisecond;
  s.services[0].retry.maxAttempts = 3;
  s.services[0].deadLetter = "in.dlq";
  testing::EventLog log;
  Engine engine(s, &log);
  engine.run();
  const ServiceCounters& c = engine.bus().services()[0].counters;
  EXPECT_EQ(c.acked, 0u);  // no ack is ever in time
  EXPECT_GT(c.deadLettered, 10u);
  EXPECT_EQ(c.timeouts, c.failedAttempts);
  EXPECT_EQ(c.timeoutRedeliveries,
            2 * c.deadLettered);  // two redeliveries, then the broker gives up
  EXPECT_EQ(c.redeliveries, c.timeoutRedeliveries);
  EXPECT_EQ(c.duplicatesProcessed, 2 * c.deadLettered);  // three zombies' side effects per event
  for (const auto& d : log.deadLetters) {
    EXPECT_EQ(d.reason, FailureKind::Timeout);
    EXPECT_EQ(d.attempts, 3);
    EXPECT_NE(d.deadLetterId, 0u);
  }
  int zombies = 0;
  for (const auto& e : log.ended)
    zombies += e.end.outcome == AttemptOutcome::ZombieDone;
  EXPECT_EQ(zombies, static_cast<int>(3 * c.deadLettered));
}

}  // namespace
}  // namespace eventscope::core
