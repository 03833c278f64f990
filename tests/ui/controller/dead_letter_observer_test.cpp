#include "ui/controller/dead_letter_observer.h"

#include <gtest/gtest.h>

#include "core/sim/engine.h"
#include "core/sim/observer_fanout.h"
#include "support/dead_letter_scenario.h"
#include "support/event_log.h"

namespace eventscope::ui {
namespace {

using core::kSecond;

TEST(DeadLetterObserverTest, KeepsEachDeadLetterWithWhatARedriveNeeds) {
  const core::Scenario scenario = core::testing::deadLetterScenario();
  DeadLetterObserver observer;
  core::testing::EventLog log;
  core::ObserverFanout fanout;
  fanout.add(&observer);
  fanout.add(&log);
  core::Engine engine(scenario, &fanout);
  engine.advanceTo(kSecond);
  ASSERT_FALSE(log.deadLetters.empty());
  ASSERT_EQ(observer.size(), log.deadLetters.size());
  EXPECT_EQ(observer.total(), log.deadLetters.size());
  const auto list = observer.shared();
  ASSERT_EQ(list->size(), log.deadLetters.size());
  for (std::size_t i = 0; i < list->size(); ++i) {
    const DeadLetterEntry& entry = (*list)[i];
    const auto& seen = log.deadLetters[i];
    EXPECT_EQ(entry.letter.id, seen.deadLetterId);
    EXPECT_EQ(entry.letter.originalId, seen.original.id);
    EXPECT_EQ(entry.letter.correlationId, seen.original.correlationId);
    EXPECT_EQ(entry.letter.at, seen.at);
    EXPECT_EQ(entry.letter.payload, seen.original.payload);
    EXPECT_EQ(entry.letter.attempts, 1);
    EXPECT_EQ(entry.service, "server");
    EXPECT_EQ(entry.originalTopic, "in");
    EXPECT_EQ(entry.type, "Event");
    ASSERT_TRUE(entry.key.has_value());
    EXPECT_EQ(entry.letter.reason,
              *entry.key == "k1" ? core::FailureKind::Poison : core::FailureKind::Error);
    EXPECT_FALSE(entry.redrivenAt.has_value());
    ASSERT_NE(observer.find(entry.letter.id), nullptr);
    EXPECT_EQ(observer.find(entry.letter.id)->letter.originalId, seen.original.id);
    if (i > 0) {
      EXPECT_GT(entry.letter.id, (*list)[i - 1].letter.id);
    }
  }
  EXPECT_EQ(observer.find(log.deadLetters.front().original.id), nullptr);  // not a dead letter
}

TEST(DeadLetterObserverTest, SharesTheSameListUntilSomethingChanges) {
  const core::Scenario scenario = core::testing::deadLetterScenario();
  DeadLetterObserver observer;
  core::Engine engine(scenario, &observer);
  engine.advanceTo(kSecond);
  const auto first = observer.shared();
  EXPECT_EQ(observer.shared(), first);
  const std::size_t before = first->size();
  // Run on until the next dead letter.
  while (observer.size() == before)
    ASSERT_TRUE(engine.step());
  const auto second = observer.shared();
  EXPECT_NE(second, first);
  EXPECT_EQ(first->size(), before);  // what the GUI already holds never changes
  EXPECT_EQ(observer.shared(), second);
  observer.markRedriven(second->front().letter.id, engine.now(), 12345);
  const auto third = observer.shared();
  EXPECT_NE(third, second);
  EXPECT_FALSE(second->front().redrivenAt.has_value());
  ASSERT_TRUE(third->front().redrivenAt.has_value());
  EXPECT_EQ(*third->front().redrivenAt, engine.now());
  EXPECT_EQ(third->front().redrivenAs, 12345u);
}

TEST(DeadLetterObserverTest, KeepsOnlyTheMostRecentButCountsAll) {
  const core::Scenario scenario = core::testing::deadLetterScenario();
  DeadLetterObserver observer(5);
  core::testing::EventLog log;
  core::ObserverFanout fanout;
  fanout.add(&observer);
  fanout.add(&log);
  core::Engine engine(scenario, &fanout);
  engine.advanceTo(kSecond);
  ASSERT_GT(log.deadLetters.size(), 5u);
  EXPECT_EQ(observer.size(), 5u);
  EXPECT_EQ(observer.total(), log.deadLetters.size());
  const auto list = observer.shared();
  EXPECT_EQ(list->back().letter.id, log.deadLetters.back().deadLetterId);
  EXPECT_EQ(list->front().letter.id, log.deadLetters[log.deadLetters.size() - 5].deadLetterId);
  EXPECT_EQ(observer.find(log.deadLetters.front().deadLetterId), nullptr);
}

TEST(DeadLetterObserverTest, IgnoresEventsDiscardedWithoutADeadLetterTopic) {
  core::Scenario scenario = core::testing::deadLetterScenario();
  scenario.services[0].deadLetter.reset();
  DeadLetterObserver observer;
  core::testing::EventLog log;
  core::ObserverFanout fanout;
  fanout.add(&observer);
  fanout.add(&log);
  core::Engine engine(scenario, &fanout);
  engine.advanceTo(kSecond);
  ASSERT_FALSE(log.deadLetters.empty());  // given up on, but discarded
  EXPECT_EQ(observer.size(), 0u);
  EXPECT_TRUE(observer.shared()->empty());
}

TEST(DeadLetterObserverTest, ARedriveHeldBackByAFullTopicGetsItsIdWhenPublished) {
  core::Scenario scenario = core::testing::deadLetterScenario();
  scenario.topics[0].capacity = 1;
  scenario.services[0].instances = 1;
  scenario.services[0].serviceTime = core::testing::constant(20 * core::kMillisecond);
  DeadLetterObserver observer;
  core::Engine engine(scenario, &observer);
  engine.advanceTo(2 * kSecond);
  ASSERT_GT(observer.size(), 0u);
  const DeadLetterEntry entry = observer.shared()->back();
  while (engine.bus().partitionDepth(0, 0) < 1)
    ASSERT_TRUE(engine.step());
  ASSERT_EQ(engine.bus().redrive(entry.letter), 0u);
  observer.markRedriven(entry.letter.id, engine.now(), 0);
  engine.advanceTo(3 * kSecond);
  const DeadLetterEntry* after = observer.find(entry.letter.id);
  ASSERT_NE(after, nullptr);
  EXPECT_GT(after->redrivenAs, entry.letter.id);
}

}  // namespace
}  // namespace eventscope::ui
