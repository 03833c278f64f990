// The main window as a debugger: a recording opens in the timeline and the views, scrubbing
// moves every view to the same time, and the live run scrubs back by running again.
#include <gtest/gtest.h>

#include <QAction>
#include <QDockWidget>
#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include "support/record_scenario.h"
#include "support/ui_test_support.h"
#include "ui/charts/charts_panel.h"
#include "ui/charts/comparison_panel.h"
#include "ui/controller/recording_player.h"
#include "ui/controller/what_if_runner.h"
#include "ui/editor/scenario_document.h"
#include "ui/models/dead_letter_model.h"
#include "ui/models/diff_model.h"
#include "ui/models/event_log_model.h"
#include "ui/timeline/timeline_bar.h"
#include "ui/topology/service_item.h"
#include "ui/topology/topology_scene.h"
#include "ui/trace/trace_panel.h"
#include "ui/window/dead_letter_panel.h"
#include "ui/window/event_log_panel.h"
#include "ui/window/main_window.h"

namespace eventscope::ui {
namespace {

using core::kSecond;
using testing::waitUntil;

TEST(MainWindowRecordingTest, OpensARecordingAndScrubsThroughIt) {
  core::testing::TempDir dir;
  core::Scenario demo = core::testing::demoScenario("order-pipeline.yaml");
  demo.duration = 30 * kSecond;
  core::testing::recordScenario(demo, dir.file("run.evrec"), 4096);
  MainWindow window;
  window.resize(1400, 900);
  window.show();
  QString error;
  ASSERT_TRUE(window.openFile(QString::fromStdString(dir.file("run.evrec")), &error, true))
      << error.toStdString();
  EXPECT_TRUE(window.recordingMode());
  EXPECT_TRUE(window.windowTitle().contains(QStringLiteral("run.evrec (recording)")));
  EXPECT_EQ(window.scene()->nodes().size(), 10u);  // 1 producer, 4 topics, 5 services
  EXPECT_FALSE(window.action("addService")->isEnabled());

  // Drag on the timeline's track to about 25 s: during billing's crash.
  TimelineTrack* track = window.timeline()->track();
  const TimelineGeometry& g = track->geometry();
  const QPoint start(static_cast<int>(g.xOf(5 * kSecond)), track->height() / 2);
  const QPoint stop(static_cast<int>(g.xOf(25 * kSecond)), track->height() / 2);
  QTest::mousePress(track, Qt::LeftButton, {}, start);
  QMouseEvent move(QEvent::MouseMove, stop, track->mapToGlobal(stop), Qt::NoButton, Qt::LeftButton,
                   Qt::NoModifier);
  QCoreApplication::sendEvent(track, &move);
  QTest::mouseRelease(track, Qt::LeftButton, {}, stop);
  const core::SimTime t = window.player()->time();
  EXPECT_NEAR(core::toSeconds(t), 25, 0.2);
  window.showLatest();
  QCoreApplication::processEvents();
  ASSERT_TRUE(window.charts()->cursorTime());
  EXPECT_EQ(*window.charts()->cursorTime(), t);
  EXPECT_EQ(track->time(), t);
  // The canvas shows the reader's state at t: one of billing's three instances is down.
  core::store::StateAt state;
  std::string message;
  ASSERT_TRUE(window.player()->recording()->stateAt(t, state, &message));
  EXPECT_EQ(state.services[0].instancesDown, 1u);
  const auto* billing =
      dynamic_cast<ServiceItem*>(window.scene()->node({core::NodeKind::Service, 0}));
  ASSERT_NE(billing, nullptr);
  std::size_t down = 0;
  for (auto instance : billing->live().instances)
    down += instance == core::InstanceState::Down;
  EXPECT_EQ(down, 1u);

  // Space plays the recording; the step action goes to the next event.
  window.action("step")->trigger();
  EXPECT_GT(window.player()->time(), t);
  window.action("run")->trigger();
  EXPECT_TRUE(window.player()->playing());
  window.action("run")->trigger();
  EXPECT_FALSE(window.player()->playing());

  // Opening a scenario leaves the recording.
  ASSERT_TRUE(window.openFile(QStringLiteral(":/scenarios/work-queue.yaml"), nullptr, true));
  EXPECT_FALSE(window.recordingMode());
  EXPECT_TRUE(window.action("addService")->isEnabled());
}

// The docks follow one another: a row of the event log moves the cursor, its trace opens in
// the Trace dock with its path lit on the canvas, and a span of the trace moves the cursor.
TEST(MainWindowRecordingTest, TheEventLogAndTheTraceMoveTheCursor) {
  core::testing::TempDir dir;
  core::Scenario demo = core::testing::demoScenario("order-pipeline.yaml");
  demo.duration = 10 * kSecond;
  core::testing::recordScenario(demo, dir.file("run.evrec"), 4096);
  MainWindow window;
  window.resize(1400, 900);
  window.show();
  ASSERT_TRUE(window.openFile(QString::fromStdString(dir.file("run.evrec")), nullptr, true));
  EventLogModel* log = window.eventLog()->model();
  window.findChild<QDockWidget*>(QStringLiteral("eventLogDock"))->raise();
  ASSERT_TRUE(waitUntil([&] { return log->rowCount() > 1000; }));
  const int row = 500;
  window.eventLog()->table()->selectRow(row);
  const core::SimTime t = log->index(row, 0).data(EventLogModel::TimeRole).toLongLong();
  ASSERT_TRUE(waitUntil([&] { return window.player()->time() == t; }));
  EXPECT_EQ(window.timeline()->track()->time(), t);

  const auto correlation = log->index(row, 0).data(EventLogModel::CorrelationRole).toULongLong();
  window.showTrace(correlation);
  EXPECT_EQ(window.trace()->correlation(), correlation);
  bool lit = false;
  for (NodeItem* node : window.scene()->nodes())
    lit |= node->isHighlighted();
  EXPECT_TRUE(lit);
  QSignalSpy moved(window.player(), &RecordingPlayer::timeChanged);
  Q_EMIT window.trace()->timeRequested(t + core::kMillisecond);
  EXPECT_EQ(window.player()->time(), t + core::kMillisecond);
}

// The walk-through: a dead letter found in a recording is redriven from a live run of
// the recording's model at the cursor, and flows again.
TEST(MainWindowRecordingTest, ADeadLetterOfARecordingIsRedrivenLive) {
  core::testing::TempDir dir;
  core::Scenario demo = core::testing::demoScenario("order-pipeline.yaml");
  demo.duration = 20 * kSecond;  // k13 is a poison key: its orders are dead-lettered
  core::testing::recordScenario(demo, dir.file("run.evrec"), 4096);
  MainWindow window;
  window.resize(1400, 900);
  window.show();
  ASSERT_TRUE(window.openFile(QString::fromStdString(dir.file("run.evrec")), nullptr, true));
  DeadLetterModel* letters = window.deadLetters()->model();
  EXPECT_EQ(letters->rowCount(), 0);  // listed once the dock is looked at
  auto* dock = window.findChild<QDockWidget*>(QStringLiteral("deadLettersDock"));
  ASSERT_NE(dock, nullptr);
  dock->raise();
  ASSERT_TRUE(waitUntil([&] { return letters->rowCount() > 0; }));
  QTableView* table = window.deadLetters()->table();
  table->selectRow(0);
  const DeadLetterEntry* entry = letters->entry(0);
  ASSERT_NE(entry, nullptr);
  const core::SimTime at = entry->letter.at;
  window.moveTo(at);
  ASSERT_TRUE(window.deadLetters()->redriveButton()->isEnabled());

  QSignalSpy applied(window.controller(), &RunController::faultApplied);
  QSignalSpy refused(window.controller(), &RunController::faultRefused);
  window.deadLetters()->redriveButton()->click();
  EXPECT_FALSE(window.recordingMode());
  window.controller()->sync();
  ASSERT_TRUE(waitUntil([&] { return applied.count() + refused.count() > 0; }));
  ASSERT_EQ(applied.count(), 1) << (refused.isEmpty()
                                        ? std::string()
                                        : refused.front().at(0).toString().toStdString());
  EXPECT_TRUE(applied.front().at(0).toString().contains(QStringLiteral("redrove 1")));
}

TEST(MainWindowRecordingTest, ABrokenRecordingChangesNothing) {
  core::testing::TempDir dir;
  const QString path = QString::fromStdString(dir.file("broken.evrec"));
  QFile file(path);
  ASSERT_TRUE(file.open(QIODevice::WriteOnly));
  file.write(QByteArray("SQLite format 3\0", 16) + QByteArray(8192, '\x01'));
  file.close();
  MainWindow window;
  ASSERT_TRUE(window.openFile(QStringLiteral(":/scenarios/order-pipeline.yaml"), nullptr, true));
  QString error;
  EXPECT_FALSE(window.openFile(path, &error, true));
  EXPECT_FALSE(error.isEmpty());
  EXPECT_FALSE(window.recordingMode());
  EXPECT_TRUE(window.runnable());
  EXPECT_EQ(window.scene()->nodes().size(), 10u);
}

// Pause a live run, drag the cursor back: the model runs again from 0 to there.
TEST(MainWindowRecordingTest, TheLiveRunScrubsBack) {
  MainWindow window;
  window.resize(1200, 800);
  window.show();
  ASSERT_TRUE(window.openFile(QStringLiteral(":/scenarios/order-pipeline.yaml"), nullptr, true));
  window.controller()->advanceTo(30 * kSecond);
  window.controller()->sync();
  ASSERT_TRUE(waitUntil([&] {
    window.showLatest();
    auto latest = window.controller()->latest();
    return latest && latest->now == 30 * kSecond;
  }));
  const std::uint64_t ackedAt30 = window.controller()->latest()->services[0].acked;
  Q_EMIT window.timeline()->seekRequested(10 * kSecond);
  window.controller()->sync();
  ASSERT_TRUE(waitUntil([&] {
    auto latest = window.controller()->latest();
    return latest && latest->now == 10 * kSecond;
  }));
  const std::uint64_t ackedAt10 = window.controller()->latest()->services[0].acked;
  EXPECT_LT(ackedAt10, ackedAt30);
  // And forward again to 30 s: the same run, the same count.
  Q_EMIT window.timeline()->seekRequested(30 * kSecond);
  window.controller()->sync();
  ASSERT_TRUE(waitUntil([&] {
    auto latest = window.controller()->latest();
    return latest && latest->now == 30 * kSecond;
  }));
  EXPECT_EQ(window.controller()->latest()->services[0].acked, ackedAt30);
}

}  // namespace
}  // namespace eventscope::ui

namespace eventscope::ui {
namespace {

// What-if from the window: the recording's model goes into the editor, one more notifications
// instance, Run What-If, and the two runs sit side by side with only that service changed.
TEST(MainWindowWhatIfTest, ReplayWithChangesComparesTheTwoRuns) {
  core::testing::TempDir dir;
  core::Scenario demo = core::testing::demoScenario("order-pipeline.yaml");
  demo.duration = 10 * kSecond;
  demo.warmup = kSecond;
  core::testing::recordScenario(demo, dir.file("run.evrec"), 4096);
  MainWindow window;
  window.resize(1400, 900);
  window.show();
  ASSERT_TRUE(window.openFile(QString::fromStdString(dir.file("run.evrec")), nullptr, true));
  ASSERT_TRUE(window.action("replayWithChanges")->isEnabled());
  EXPECT_FALSE(window.action("runWhatIf")->isEnabled());
  window.action("replayWithChanges")->trigger();
  EXPECT_FALSE(window.recordingMode());
  ASSERT_TRUE(window.action("runWhatIf")->isEnabled());

  core::Scenario changed = window.document()->scenario();
  changed.services[2].instances = 2;  // notifications: 1 -> 2
  window.document()->edit(changed, QStringLiteral("one more notifications instance"));
  QSignalSpy finished(window.whatIf(), &WhatIfRunner::finished);
  window.action("runWhatIf")->trigger();
  ASSERT_TRUE(waitUntil([&] { return finished.count() == 1; }, 60000));
  ASSERT_FALSE(finished.front().at(0).toString().isEmpty())
      << finished.front().at(1).toString().toStdString();
  DiffModel* diff = window.comparison()->diffModel();
  const QModelIndex notifications = diff->sectionIndex(QStringLiteral("notifications"));
  const QModelIndex billing = diff->sectionIndex(QStringLiteral("billing"));
  ASSERT_TRUE(notifications.isValid());
  ASSERT_TRUE(billing.isValid());
  const auto changes = [&](const QModelIndex& section) {
    int count = 0;
    for (int row = 0; row < diff->rowCount(section); ++row) {
      const auto verdict =
          diff->index(row, DiffModel::Change, section).data(DiffModel::VerdictRole);
      count += verdict.toInt() != static_cast<int>(DiffModel::Unchanged) ? 1 : 0;
    }
    return count;
  };
  EXPECT_GT(changes(notifications), 0);
  EXPECT_EQ(changes(billing), 0);
}

}  // namespace
}  // namespace eventscope::ui
