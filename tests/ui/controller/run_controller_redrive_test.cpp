// RunController::redrive: dead letters of a live run published again, and what a recording
// of the run shows of them.
#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <algorithm>

#include "core/store/recording.h"
#include "support/dead_letter_scenario.h"
#include "support/ui_test_support.h"
#include "ui/controller/run_controller.h"
#include "ui/models/recorded_dead_letters.h"

namespace eventscope::ui {
namespace {

using core::kSecond;
using testing::waitUntil;

std::vector<std::uint64_t> idsOf(const std::vector<DeadLetterEntry>& entries, std::size_t count) {
  std::vector<std::uint64_t> ids;
  for (std::size_t i = 0; i < entries.size() && ids.size() < count; ++i)
    ids.push_back(entries[i].letter.id);
  return ids;
}

class RunControllerRedriveTest : public ::testing::Test {
 protected:
  void SetUp() override {
    controller.load(core::testing::deadLetterScenario());
    controller.advanceTo(kSecond);
    controller.sync();
  }
  std::shared_ptr<const std::vector<DeadLetterEntry>> deadLetters() const {
    const auto snapshot = controller.latest();
    return snapshot ? snapshot->deadLetters : nullptr;
  }
  RunController controller;
};

TEST_F(RunControllerRedriveTest, SnapshotsCarryTheDeadLettersSharedUntilTheyChange) {
  const auto first = controller.latest();
  ASSERT_TRUE(first && first->deadLetters);
  EXPECT_GT(first->deadLetters->size(), 5u);
  EXPECT_EQ(first->deadLettersTotal, first->deadLetters->size());
  controller.setSpeed(1.0);  // a paused run publishes a new snapshot per command
  controller.sync();
  const auto second = controller.latest();
  EXPECT_NE(second->serial, first->serial);
  EXPECT_EQ(second->deadLetters, first->deadLetters);  // the same list, not a copy
}

TEST_F(RunControllerRedriveTest, RedriveRepublishesAndMarksTheEntries) {
  QSignalSpy applied(&controller, &RunController::faultApplied);
  QSignalSpy refused(&controller, &RunController::faultRefused);
  const auto before = deadLetters();
  const std::vector<std::uint64_t> ids = idsOf(*before, 3);
  ASSERT_EQ(ids.size(), 3u);
  controller.redrive(ids);
  controller.sync();
  ASSERT_TRUE(waitUntil([&] { return applied.count() == 1; }));
  EXPECT_EQ(applied.at(0).at(0).toString(), QStringLiteral("redrove 3 events to in"));
  EXPECT_EQ(applied.at(0).at(1).toLongLong(), kSecond);
  EXPECT_EQ(refused.count(), 0);
  const auto after = deadLetters();
  ASSERT_NE(after, before);
  std::vector<std::uint64_t> redrivenAs;
  for (std::size_t i = 0; i < 3; ++i) {
    ASSERT_TRUE((*after)[i].redrivenAt.has_value());
    EXPECT_EQ(*(*after)[i].redrivenAt, kSecond);
    EXPECT_GT((*after)[i].redrivenAs, before->back().letter.id);
    redrivenAs.push_back((*after)[i].redrivenAs);
  }
  EXPECT_FALSE((*after)[3].redrivenAt.has_value());
  // The redriven events flow again: the poison ones among them dead-letter once more.
  controller.advanceTo(2 * kSecond);
  controller.sync();
  int poisonAgain = 0, poison = 0;
  for (std::size_t i = 0; i < 3; ++i)
    poison += (*after)[i].letter.reason == core::FailureKind::Poison;
  for (const DeadLetterEntry& entry : *deadLetters()) {
    for (std::size_t i = 0; i < 3; ++i) {
      if (entry.letter.originalId != redrivenAs[i]) continue;
      ++poisonAgain;
      EXPECT_EQ(entry.letter.correlationId, (*after)[i].letter.correlationId);
      EXPECT_EQ(entry.key, (*after)[i].key);
    }
  }
  EXPECT_GE(poisonAgain, poison);
  EXPECT_GT(controller.latest()->tokensSeen, 0u);
}

TEST_F(RunControllerRedriveTest, UnknownAndAlreadyRedrivenIdsAreRefused) {
  QSignalSpy applied(&controller, &RunController::faultApplied);
  QSignalSpy refused(&controller, &RunController::faultRefused);
  const auto entries = deadLetters();
  const std::uint64_t id = entries->front().letter.id;
  const std::uint64_t notADeadLetter = entries->front().letter.originalId;
  controller.redrive({id});
  controller.redrive({id, notADeadLetter});
  controller.redrive({});
  controller.sync();
  ASSERT_TRUE(waitUntil([&] { return refused.count() == 2 && applied.count() == 1; }));
  const QString twice = refused.at(0).at(0).toString();
  EXPECT_TRUE(twice.contains(QStringLiteral("was already redriven at 1.00 s")))
      << twice.toStdString();
  EXPECT_TRUE(twice.contains(QStringLiteral("is not a dead letter of this run")))
      << twice.toStdString();
  EXPECT_EQ(refused.at(1).at(0).toString(), QStringLiteral("No dead letter selected to redrive"));
}

TEST_F(RunControllerRedriveTest, AFinishedRunRefusesToRedrive) {
  QSignalSpy refused(&controller, &RunController::faultRefused);
  const auto ids = idsOf(*deadLetters(), 1);
  controller.advanceTo(core::kHour);
  controller.redrive(ids);
  controller.sync();
  ASSERT_TRUE(waitUntil([&] { return refused.count() == 1; }));
  EXPECT_TRUE(refused.at(0).at(0).toString().contains(QStringLiteral("finished")));
}

TEST(RunControllerRedriveRecordingTest, TheRecordingShowsTheRedrivenEvents) {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("redrive.esrec"));
  RunController controller;
  QSignalSpy finished(&controller, &RunController::recordingFinished);
  QSignalSpy applied(&controller, &RunController::faultApplied);
  controller.load(core::testing::deadLetterScenario(2 * kSecond));
  controller.record(path);
  controller.advanceTo(kSecond);
  controller.sync();
  const auto entries = controller.latest()->deadLetters;
  const std::vector<std::uint64_t> ids = idsOf(*entries, 4);
  controller.redrive(ids);
  controller.advanceTo(core::kHour);  // to the end: the recording completes
  controller.sync();
  ASSERT_TRUE(waitUntil([&] { return finished.count() == 1 && applied.count() == 1; }));
  ASSERT_TRUE(finished.at(0).at(1).toString().isEmpty())
      << finished.at(0).at(1).toString().toStdString();

  std::string error;
  std::shared_ptr<const core::store::Recording> recording =
      core::store::Recording::open(path.toStdString(), &error);
  ASSERT_TRUE(recording) << error;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const DeadLetterEntry& entry = (*entries)[i];
    core::store::Trace trace;
    ASSERT_TRUE(recording->trace(entry.letter.correlationId, trace, &error)) << error;
    const auto again = std::find_if(trace.events.begin(), trace.events.end(),
                                    [&](const auto& e) { return e.causation == ids[i]; });
    ASSERT_NE(again, trace.events.end()) << "no redrive of dead letter " << ids[i];
    EXPECT_EQ(again->t, kSecond);
    EXPECT_EQ(again->topic, "in");
    EXPECT_EQ(again->key, entry.key);
    EXPECT_EQ(again->payload, R"({"amount":12.5})");
    EXPECT_EQ(again->origin, "injection");
    // It was delivered to the service like any other event.
    EXPECT_TRUE(std::any_of(trace.spans.begin(), trace.spans.end(),
                            [&](const auto& span) { return span.event == again->id; }));
  }
  // Read back as dead letters, the redriven ones say so.
  RecordedDeadLetters reader(recording);
  std::vector<DeadLetterEntry> read;
  while (!reader.atEnd())
    ASSERT_TRUE(reader.readPage(read)) << reader.error();
  int redriven = 0;
  for (const DeadLetterEntry& entry : read) {
    if (!entry.redrivenAt) continue;
    ++redriven;
    EXPECT_EQ(*entry.redrivenAt, kSecond);
    EXPECT_NE(std::find(ids.begin(), ids.end(), entry.letter.id), ids.end());
  }
  EXPECT_EQ(redriven, static_cast<int>(ids.size()));
}

// The lead offers redrive from a recording by running the recording's model to the time shown:
// the engine is deterministic, so the live run's dead letters have the recording's ids.
TEST(RunControllerRedriveRecordingTest, ARecordingsDeadLetterIdsAreTheLiveRunsAtTheSameTime) {
  QTemporaryDir dir;
  const std::string path = dir.filePath(QStringLiteral("run.esrec")).toStdString();
  const core::Scenario scenario = core::testing::deadLetterScenario();
  core::testing::recordDeadLetterRun(scenario, path);
  std::string error;
  std::shared_ptr<const core::store::Recording> recording =
      core::store::Recording::open(path, &error);
  ASSERT_TRUE(recording) << error;
  RecordedDeadLetters reader(recording);
  std::vector<DeadLetterEntry> recorded;
  while (!reader.atEnd())
    ASSERT_TRUE(reader.readPage(recorded, 7)) << reader.error();  // small pages: paging too
  const core::SimTime at = 3 * kSecond / 2;
  std::vector<DeadLetterEntry> recordedBefore;
  for (const DeadLetterEntry& entry : recorded)
    if (entry.letter.at <= at) recordedBefore.push_back(entry);
  // Pages go by the failed event's id; a live list is in the order the services gave up.
  std::sort(recordedBefore.begin(), recordedBefore.end(),
            [](const auto& a, const auto& b) { return a.letter.id < b.letter.id; });
  ASSERT_GT(recordedBefore.size(), 10u);
  ASSERT_GT(recorded.size(), recordedBefore.size());

  RunController controller;
  QSignalSpy applied(&controller, &RunController::faultApplied);
  controller.load(scenario);
  controller.advanceTo(at);
  controller.sync();
  const auto live = controller.latest()->deadLetters;
  ASSERT_EQ(live->size(), recordedBefore.size());
  for (std::size_t i = 0; i < live->size(); ++i) {
    const DeadLetterEntry& a = (*live)[i];
    const DeadLetterEntry& b = recordedBefore[i];
    EXPECT_EQ(a.letter.id, b.letter.id);
    EXPECT_EQ(a.letter.originalId, b.letter.originalId);
    EXPECT_EQ(a.letter.correlationId, b.letter.correlationId);
    EXPECT_EQ(a.letter.at, b.letter.at);
    EXPECT_EQ(a.letter.attempts, b.letter.attempts);
    EXPECT_EQ(a.letter.reason, b.letter.reason);
    EXPECT_EQ(a.service, b.service);
    EXPECT_EQ(a.originalTopic, b.originalTopic);
    EXPECT_EQ(a.type, b.type);
    EXPECT_EQ(a.key, b.key);
  }
  controller.redrive(idsOf(recordedBefore, 2));
  controller.sync();
  ASSERT_TRUE(waitUntil([&] { return applied.count() == 1; }));
  EXPECT_EQ(applied.at(0).at(0).toString(), QStringLiteral("redrove 2 events to in"));
}

}  // namespace
}  // namespace eventscope::ui
