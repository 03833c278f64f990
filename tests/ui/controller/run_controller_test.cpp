#include "ui/controller/run_controller.h"

#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

#include "core/store/recording.h"
#include "support/ui_test_support.h"

namespace eventscope::ui {
namespace {

using core::testing::demoScenario;
using testing::waitUntil;

class RunControllerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    scenario = demoScenario("order-pipeline.yaml");
    controller.load(scenario);
    controller.sync();
  }
  std::uint32_t service(const std::string& name) const {
    for (std::uint32_t s = 0; s < scenario.services.size(); ++s)
      if (scenario.services[s].name == name) return s;
    ADD_FAILURE() << "no service " << name;
    return 0;
  }
  core::Scenario scenario;
  RunController controller;
};

TEST_F(RunControllerTest, LoadShowsTheModelAtTimeZero) {
  const auto snapshot = controller.latest();
  ASSERT_TRUE(snapshot);
  EXPECT_EQ(snapshot->now, 0);
  EXPECT_EQ(snapshot->end, scenario.duration);
  EXPECT_EQ(snapshot->services.size(), scenario.services.size());
  EXPECT_EQ(snapshot->topics.size(), scenario.topics.size());
  EXPECT_EQ(snapshot->services[service("billing")].instances.size(), 3u);
  EXPECT_EQ(controller.state(), RunController::State::Ready);
}

TEST_F(RunControllerTest, RunAdvancesAndPauseStops) {
  QSignalSpy states(&controller, &RunController::stateChanged);
  controller.setSpeed(20);  // 2 s of simulated time in about 0.1 s: far from the end
  controller.run();
  ASSERT_TRUE(waitUntil([&] { return controller.latest()->now > 2 * core::kSecond; }));
  controller.pause();
  controller.sync();
  ASSERT_TRUE(waitUntil([&] { return states.count() >= 2; }));
  EXPECT_EQ(states.at(0).at(0).value<RunController::State>(), RunController::State::Running);
  EXPECT_EQ(states.last().at(0).value<RunController::State>(), RunController::State::Paused);
  const core::SimTime paused = controller.latest()->now;
  QTest::qWait(100);
  EXPECT_EQ(controller.latest()->now, paused);
  EXPECT_GT(controller.latest()->services[service("billing")].acked, 0u);
  ASSERT_TRUE(controller.latest()->series);
  EXPECT_GT(controller.latest()->series->bucketCount(), 0u);
}

TEST_F(RunControllerTest, PacedRunFollowsTheWallClock) {
  controller.setSpeed(1.0);
  controller.run();
  QTest::qWait(500);
  controller.pause();
  controller.sync();
  const double simulated = core::toSeconds(controller.latest()->now);
  // Half a second at 1x: generous bounds for a loaded machine, but far from "as fast as it can".
  EXPECT_GT(simulated, 0.2);
  EXPECT_LT(simulated, 1.5);
}

TEST_F(RunControllerTest, StepProcessesOneThingAndPauses) {
  const std::uint64_t before = controller.latest()->engineEvents;
  controller.step();
  controller.sync();
  EXPECT_EQ(controller.state(), RunController::State::Paused);
  EXPECT_EQ(controller.latest()->engineEvents, before + 1);
}

TEST_F(RunControllerTest, ResetGoesBackToTimeZero) {
  controller.advanceTo(3 * core::kSecond);
  controller.sync();
  EXPECT_EQ(controller.latest()->now, 3 * core::kSecond);
  controller.reset();
  controller.sync();
  EXPECT_EQ(controller.latest()->now, 0);
  EXPECT_EQ(controller.state(), RunController::State::Ready);
}

TEST_F(RunControllerTest, ANewModelHidesTheOldRunAtOnce) {
  controller.advanceTo(3 * core::kSecond);
  controller.sync();
  ASSERT_EQ(controller.latest()->now, 3 * core::kSecond);
  core::Scenario smaller = demoScenario("work-queue.yaml");
  controller.load(smaller);
  // Nothing of the old run shows from the moment load() returns. The worker may already have
  // made the new session's first snapshot (on a busy machine the GUI thread can be descheduled
  // right after posting); otherwise there is none yet.
  if (const auto shown = controller.latest()) {
    EXPECT_EQ(shown->now, 0);
    EXPECT_EQ(shown->services.size(), smaller.services.size());
  }
  controller.sync();
  ASSERT_TRUE(controller.latest());
  EXPECT_EQ(controller.latest()->now, 0);
  EXPECT_EQ(controller.latest()->services.size(), smaller.services.size());
  controller.unload();
  controller.sync();
  EXPECT_FALSE(controller.latest());
}

TEST_F(RunControllerTest, RunningToTheEndFinishes) {
  core::Scenario shortRun = scenario;
  shortRun.duration = 2 * core::kSecond;
  shortRun.warmup = 0;
  shortRun.faults.clear();
  controller.load(shortRun);
  QSignalSpy states(&controller, &RunController::stateChanged);
  controller.setSpeed(RunController::kMaxSpeed);
  controller.run();
  ASSERT_TRUE(waitUntil([&] { return controller.state() == RunController::State::Finished; }));
  controller.sync();
  EXPECT_TRUE(controller.latest()->finished);
  EXPECT_EQ(controller.latest()->now, shortRun.duration);
}

TEST_F(RunControllerTest, CrashAndRecoverAnInstance) {
  controller.advanceTo(core::kSecond);
  const std::uint32_t billing = service("billing");
  controller.inject({LiveFault::Kind::Crash, billing});
  controller.sync();
  auto instances = controller.latest()->services[billing].instances;
  EXPECT_EQ(std::count(instances.begin(), instances.end(), core::InstanceState::Down), 1);
  controller.inject({LiveFault::Kind::Recover, billing});
  controller.sync();
  instances = controller.latest()->services[billing].instances;
  EXPECT_EQ(std::count(instances.begin(), instances.end(), core::InstanceState::Down), 0);
}

TEST_F(RunControllerTest, CrashedServiceBuildsABacklogThatDrainsAfterRecovery) {
  const std::uint32_t billing = service("billing");
  controller.advanceTo(core::kSecond);
  for (int i = 0; i < 3; ++i)
    controller.inject({LiveFault::Kind::Crash, billing});
  controller.advanceTo(4 * core::kSecond);
  controller.sync();
  const std::uint64_t backlog = controller.latest()->services[billing].waiting;
  EXPECT_GT(backlog, 300u);  // 200/s for 3 s with nobody working
  for (int i = 0; i < 3; ++i)
    controller.inject({LiveFault::Kind::Recover, billing});
  controller.advanceTo(12 * core::kSecond);
  controller.sync();
  EXPECT_LT(controller.latest()->services[billing].waiting, backlog / 10);
}

TEST_F(RunControllerTest, ScaleSlowPauseAndDuplicate) {
  const std::uint32_t billing = service("billing");
  controller.advanceTo(core::kSecond);
  controller.inject({LiveFault::Kind::AddInstance, billing});
  controller.inject({LiveFault::Kind::Slow, billing});
  controller.inject({LiveFault::Kind::PauseProducer, 0});
  controller.inject({LiveFault::Kind::Duplicate, 0});
  controller.sync();
  auto snapshot = controller.latest();
  EXPECT_EQ(snapshot->services[billing].instances.size(), 4u);
  EXPECT_EQ(snapshot->services[billing].slowFactor, kLiveSlowFactor);
  EXPECT_TRUE(snapshot->producers[0].paused);
  EXPECT_EQ(snapshot->topics[0].duplicateFraction, kLiveDuplicateFraction);
  controller.inject({LiveFault::Kind::Unslow, billing});
  controller.inject({LiveFault::Kind::ResumeProducer, 0});
  controller.inject({LiveFault::Kind::StopDuplicate, 0});
  controller.advanceTo(2 * core::kSecond);
  controller.sync();
  snapshot = controller.latest();
  EXPECT_EQ(snapshot->services[billing].slowFactor, 1.0);
  EXPECT_FALSE(snapshot->producers[0].paused);
  EXPECT_EQ(snapshot->topics[0].duplicateFraction, 0.0);
}

TEST_F(RunControllerTest, InjectedPoisonIsRetriedThenDeadLettered) {
  const std::uint32_t billing = service("billing");
  controller.advanceTo(core::kSecond);
  controller.sync();
  const std::uint64_t before = controller.latest()->services[billing].deadLettered;
  controller.inject({LiveFault::Kind::InjectPoison, billing});
  controller.advanceTo(3 * core::kSecond);
  controller.sync();
  EXPECT_GT(controller.latest()->services[billing].deadLettered, before);
}

TEST_F(RunControllerTest, ImpossibleFaultsAreRefusedWithAReason) {
  QSignalSpy refused(&controller, &RunController::faultRefused);
  const std::uint32_t shipping = service("shipping");
  controller.inject({LiveFault::Kind::RemoveInstance, shipping});  // 2 -> 1
  controller.inject({LiveFault::Kind::RemoveInstance, shipping});  // its last instance
  controller.inject({LiveFault::Kind::InjectPoison, shipping});    // it has no poison keys
  controller.sync();
  ASSERT_TRUE(waitUntil([&] { return refused.count() == 2; }));
  EXPECT_TRUE(refused.at(0).at(0).toString().contains(QStringLiteral("last instance")));
  EXPECT_TRUE(refused.at(1).at(0).toString().contains(QStringLiteral("poison_keys")));
}

TEST_F(RunControllerTest, SnapshotsCarrySampledTokens) {
  controller.advanceTo(2 * core::kSecond);
  controller.sync();
  const auto snapshot = controller.latest();
  EXPECT_FALSE(snapshot->tokens.empty());
  EXPECT_GE(snapshot->tokensSeen, snapshot->tokens.size());
}

}  // namespace
}  // namespace eventscope::ui

namespace eventscope::ui {
namespace {

TEST(RunControllerRecordingTest, RecordsTheLiveRunIntoARecordingFile) {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("live.esrec"));
  core::Scenario scenario = core::testing::demoScenario("work-queue.yaml");
  scenario.duration = 3 * core::kSecond;
  scenario.warmup = 0;
  RunController controller;
  QSignalSpy finished(&controller, &RunController::recordingFinished);
  controller.load(scenario);
  controller.record(path);
  controller.sync();
  EXPECT_TRUE(controller.recording());
  controller.setSpeed(RunController::kMaxSpeed);
  controller.run();
  ASSERT_TRUE(testing::waitUntil([&] { return finished.count() == 1; }, 20000));
  EXPECT_EQ(finished.at(0).at(0).toString(), path);
  EXPECT_TRUE(finished.at(0).at(1).toString().isEmpty())
      << finished.at(0).at(1).toString().toStdString();
  EXPECT_FALSE(controller.recording());
  std::string error;
  const auto recording = core::store::Recording::open(path.toStdString(), &error);
  ASSERT_TRUE(recording) << error;
  core::store::RecordingSummary summary;
  ASSERT_TRUE(recording->summary(summary, &error)) << error;
  EXPECT_TRUE(summary.complete());
  EXPECT_GT(summary.events, 0u);
  EXPECT_EQ(summary.end, scenario.duration);
  // The recording keeps the model it ran, so the GUI can open it again.
  EXPECT_FALSE(recording->meta("scenario").empty());
}

TEST(RunControllerRecordingTest, AnUnwritableRecordingIsReportedAndTheRunGoesOn) {
  RunController controller;
  QSignalSpy finished(&controller, &RunController::recordingFinished);
  controller.load(core::testing::demoScenario("work-queue.yaml"));
  controller.record(QStringLiteral("/nonexistent-dir/live.esrec"));
  controller.sync();
  ASSERT_TRUE(testing::waitUntil([&] { return finished.count() == 1; }));
  EXPECT_FALSE(finished.at(0).at(1).toString().isEmpty());
  EXPECT_FALSE(controller.recording());
  controller.advanceTo(core::kSecond);
  controller.sync();
  EXPECT_EQ(controller.latest()->now, core::kSecond);
}

}  // namespace
}  // namespace eventscope::ui

namespace eventscope::ui {
namespace {

// Going back in a live run runs the model again with the person's faults at their times: the
// state at a time is the one that happened, and a fault made later is not there yet.
TEST(RunControllerRewindTest, RewindingKeepsTheFaultsMadeBeforeThen) {
  core::Scenario scenario = core::testing::demoScenario("order-pipeline.yaml");
  scenario.faults.clear();  // only the live crash below
  RunController controller;
  controller.load(scenario);
  const std::uint32_t billing = 0;
  const auto downAt = [&] {
    controller.sync();
    const auto instances = controller.latest()->services[billing].instances;
    return std::count(instances.begin(), instances.end(), core::InstanceState::Down);
  };
  controller.advanceTo(5 * core::kSecond);
  controller.inject({LiveFault::Kind::Crash, billing});
  controller.advanceTo(10 * core::kSecond);
  EXPECT_EQ(downAt(), 1);
  const std::uint64_t ackedAt10 = controller.latest()->services[billing].acked;

  controller.rewindTo(7 * core::kSecond);
  EXPECT_EQ(downAt(), 1);  // crashed at 5 s, so still down at 7 s
  EXPECT_EQ(controller.latest()->now, 7 * core::kSecond);
  EXPECT_EQ(controller.state(), RunController::State::Paused);
  controller.advanceTo(10 * core::kSecond);
  controller.sync();
  EXPECT_EQ(controller.latest()->services[billing].acked, ackedAt10);  // the same run

  controller.rewindTo(3 * core::kSecond);
  EXPECT_EQ(downAt(), 0);  // before the crash
  // Forward again: the crash happens again at 5 s, by running as by jumping.
  controller.advanceTo(6 * core::kSecond);
  EXPECT_EQ(downAt(), 1);
  controller.rewindTo(3 * core::kSecond);
  controller.setSpeed(RunController::kMaxSpeed);
  controller.run();
  ASSERT_TRUE(waitUntil([&] {
    auto latest = controller.latest();
    return latest && latest->now > 8 * core::kSecond;
  }));
  controller.pause();
  EXPECT_EQ(downAt(), 1);

  // A new fault at 2 s changes that past: the crash at 5 s is no longer in the future.
  controller.rewindTo(2 * core::kSecond);
  controller.inject({LiveFault::Kind::AddInstance, billing});
  controller.advanceTo(8 * core::kSecond);
  EXPECT_EQ(downAt(), 0);
}

}  // namespace
}  // namespace eventscope::ui
