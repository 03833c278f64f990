#include "ui/controller/live_session.h"

#include <gtest/gtest.h>

#include "support/dead_letter_scenario.h"

namespace eventscope::ui {
namespace {

using core::kSecond;

TEST(LiveSessionTest, SnapshotsShareTheDeadLetterListUntilItChanges) {
  LiveSession session(core::testing::deadLetterScenario(), nullptr, {});
  session.engine->advanceTo(kSecond);
  const auto first = session.snapshot(1);
  ASSERT_TRUE(first->deadLetters);
  EXPECT_EQ(first->deadLetters->size(), session.deadLetters.size());
  EXPECT_EQ(session.snapshot(2, false)->deadLetters, first->deadLetters);
  session.engine->advanceTo(2 * kSecond);
  // A short list is copied whenever it changed, even while running.
  const auto later = session.snapshot(3, false);
  EXPECT_NE(later->deadLetters, first->deadLetters);
  EXPECT_EQ(later->deadLettersTotal, session.deadLetters.total());
}

TEST(LiveSessionTest, ALongChangingListIsNotCopiedForEverySnapshotWhileRunning) {
  LiveSession session(core::testing::deadLetterScenario(20 * kSecond), nullptr, {});
  session.engine->advanceTo(12 * kSecond);
  ASSERT_GT(session.deadLetters.size(), 1000u);
  const auto first = session.snapshot(1, false);
  EXPECT_EQ(first->deadLetters->size(), session.deadLetters.size());
  session.engine->advanceTo(13 * kSecond);  // more dead letters
  // Within a quarter of a second of the last copy, a running snapshot keeps the old list (and
  // the total that goes with it).
  const auto running = session.snapshot(2, false);
  EXPECT_EQ(running->deadLetters, first->deadLetters);
  EXPECT_EQ(running->deadLettersTotal, first->deadLettersTotal);
  // A complete snapshot (paused, a command, the end) always has the latest.
  const auto complete = session.snapshot(3, true);
  EXPECT_NE(complete->deadLetters, first->deadLetters);
  EXPECT_EQ(complete->deadLetters->size(), session.deadLetters.size());
  EXPECT_EQ(complete->deadLettersTotal, session.deadLetters.total());
}

}  // namespace
}  // namespace eventscope::ui
