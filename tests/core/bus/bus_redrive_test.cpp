// Redrive: a dead letter published again onto its original topic, caused by the dead letter.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/sim/engine.h"
#include "core/sim/fingerprint_observer.h"
#include "core/sim/observer_fanout.h"
#include "support/dead_letter_scenario.h"
#include "support/event_log.h"

namespace eventscope::core {
namespace {

Scenario poisonModel() {
  return testing::deadLetterScenario(4 * kSecond);
}

DeadLetter letterOf(const testing::EventLog::DeadLetter& d) {
  return deadLetterOf(d.at, d.service, d.original, d.reason, d.attempts, d.deadLetterId);
}

const testing::EventLog::Published* publishedWithId(const testing::EventLog& log,
                                                    std::uint64_t id) {
  for (const auto& p : log.published)
    if (p.event.id == id) return &p;
  return nullptr;
}

TEST(BusRedriveTest, PublishesTheSameEventAgainCausedByTheDeadLetter) {
  const Scenario s = poisonModel();
  testing::EventLog log;
  Engine engine(s, &log);
  engine.advanceTo(kSecond);
  ASSERT_FALSE(log.deadLetters.empty());
  const testing::EventLog::DeadLetter dead = log.deadLetters.front();
  ASSERT_NE(dead.deadLetterId, 0u);
  const Event& original = dead.original;

  const std::uint64_t id = engine.bus().redrive(letterOf(dead));
  ASSERT_NE(id, 0u);
  EXPECT_EQ(id, engine.bus().eventsPublished());
  const auto* again = publishedWithId(log, id);
  ASSERT_NE(again, nullptr);
  EXPECT_EQ(again->at, kSecond);
  EXPECT_EQ(again->event.publishedAt, kSecond);
  EXPECT_EQ(again->event.topic, original.topic);
  EXPECT_EQ(again->event.partition, original.partition);
  EXPECT_EQ(again->event.type, original.type);
  EXPECT_EQ(again->event.key, original.key);
  EXPECT_EQ(again->event.schema, original.schema);
  EXPECT_EQ(again->event.payload, original.payload);
  EXPECT_EQ(engine.bus().payload(again->event.payload), R"({"amount":12.5})");
  EXPECT_EQ(again->event.correlationId, original.correlationId);
  EXPECT_EQ(again->event.causationId, dead.deadLetterId);
  EXPECT_EQ(again->by.kind, PublisherRef::Kind::Injection);
}

TEST(BusRedriveTest, RedrivenEventsFlowToTheConsumerAndPoisonDeadLettersAgain) {
  const Scenario s = poisonModel();
  testing::EventLog log;
  Engine engine(s, &log);
  engine.advanceTo(kSecond);
  const auto poison = [&](const Event& event) {
    return engine.bus().keys().text(event.key) == "k1";
  };
  std::vector<std::uint64_t> redrivenErrors, redrivenPoison;
  const std::vector<testing::EventLog::DeadLetter> letters = log.deadLetters;
  for (const auto& dead : letters) {
    const std::uint64_t id = engine.bus().redrive(letterOf(dead));
    ASSERT_NE(id, 0u);
    (poison(dead.original) ? redrivenPoison : redrivenErrors).push_back(id);
    EXPECT_EQ(dead.reason, poison(dead.original) ? FailureKind::Poison : FailureKind::Error);
  }
  ASSERT_GE(redrivenErrors.size(), 5u);
  ASSERT_GE(redrivenPoison.size(), 5u);
  engine.advanceTo(2 * kSecond);

  int acked = 0;
  for (std::uint64_t id : redrivenErrors) {
    for (const auto& end : log.endsOf(id))
      acked += end.end.outcome == AttemptOutcome::Acked;
  }
  EXPECT_GT(acked, 0);  // 70% of them succeed this time
  for (std::uint64_t id : redrivenPoison) {
    const auto again = std::find_if(log.deadLetters.begin(), log.deadLetters.end(),
                                    [&](const auto& d) { return d.original.id == id; });
    ASSERT_NE(again, log.deadLetters.end()) << "redriven poison event " << id;
    EXPECT_EQ(again->reason, FailureKind::Poison);
    EXPECT_NE(again->deadLetterId, 0u);
    const auto* published = publishedWithId(log, id);
    ASSERT_NE(published, nullptr);
    EXPECT_EQ(again->original.correlationId, published->event.correlationId);
  }
}

TEST(BusRedriveTest, IsDeterministic) {
  const Scenario s = poisonModel();
  const auto runWithRedrive = [&](bool redrive) {
    testing::EventLog log;
    FingerprintObserver fingerprint;
    ObserverFanout fanout;
    fanout.add(&log);
    fanout.add(&fingerprint);
    Engine engine(s, &fanout);
    engine.advanceTo(kSecond);
    if (redrive) {
      const auto letters = log.deadLetters;
      for (const auto& dead : letters)
        engine.bus().redrive(letterOf(dead));
    }
    engine.run();
    return fingerprint.value();
  };
  const std::uint64_t first = runWithRedrive(true);
  EXPECT_EQ(first, runWithRedrive(true));
  EXPECT_NE(first, runWithRedrive(false));
}

TEST(BusRedriveTest, RefusesALetterNamingWhatTheBusDoesNotKnow) {
  const Scenario s = poisonModel();
  testing::EventLog log;
  Engine engine(s, &log);
  engine.advanceTo(kSecond);
  ASSERT_FALSE(log.deadLetters.empty());
  const std::size_t published = log.published.size();
  DeadLetter letter = letterOf(log.deadLetters.front());
  letter.type = 999;
  EXPECT_EQ(engine.bus().redrive(letter), 0u);
  letter = letterOf(log.deadLetters.front());
  letter.topic = 42;
  EXPECT_EQ(engine.bus().redrive(letter), 0u);
  letter = letterOf(log.deadLetters.front());
  letter.key = KeyTable::kInternedBase + 500;
  EXPECT_EQ(engine.bus().redrive(letter), 0u);
  EXPECT_EQ(log.published.size(), published);
}

TEST(BusRedriveTest, AFullBlockingTopicPublishesTheRedriveWhenThereIsRoom) {
  Scenario s = poisonModel();
  s.topics[0].capacity = 1;
  s.services[0].instances = 1;
  s.services[0].serviceTime = testing::constant(20 * kMillisecond);
  testing::EventLog log;
  Engine engine(s, &log);
  engine.advanceTo(2 * kSecond);
  ASSERT_FALSE(log.deadLetters.empty());
  const testing::EventLog::DeadLetter dead = log.deadLetters.back();
  // Make sure the topic is full now: step until the one queue slot is taken.
  while (engine.bus().partitionDepth(0, 0) < 1)
    ASSERT_TRUE(engine.step());
  EXPECT_EQ(engine.bus().redrive(letterOf(dead)), 0u);
  engine.advanceTo(3 * kSecond);
  const auto later = std::find_if(log.published.begin(), log.published.end(), [&](const auto& p) {
    return p.event.causationId == dead.deadLetterId && p.event.topic == dead.original.topic;
  });
  ASSERT_NE(later, log.published.end());
  EXPECT_EQ(later->event.correlationId, dead.original.correlationId);
}

}  // namespace
}  // namespace eventscope::core
