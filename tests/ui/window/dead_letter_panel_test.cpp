#include "ui/window/dead_letter_panel.h"

#include <gtest/gtest.h>

#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "support/dead_letter_scenario.h"
#include "ui/controller/live_snapshot.h"
#include "ui/models/dead_letter_model.h"

namespace eventscope::ui {
namespace {

LiveSnapshot liveWith(std::size_t count, std::size_t redriven = 0) {
  auto list = std::make_shared<std::vector<DeadLetterEntry>>();
  for (std::size_t i = 0; i < count; ++i) {
    DeadLetterEntry e;
    e.letter.id = 100 + i;
    e.letter.originalId = 10 + i;
    e.letter.correlationId = 1000 + i;
    e.letter.at = static_cast<core::SimTime>(i + 1) * core::kSecond;
    e.service = "billing";
    e.originalTopic = "orders";
    e.type = "OrderPlaced";
    if (i < redriven) e.redrivenAt = 5 * core::kSecond;
    list->push_back(std::move(e));
  }
  LiveSnapshot snapshot;
  snapshot.deadLettersTotal = count;
  snapshot.deadLetters = std::move(list);
  return snapshot;
}

void selectRows(DeadLetterPanel& panel, std::initializer_list<int> rows) {
  panel.table()->clearSelection();
  for (int row : rows) {
    panel.table()->selectionModel()->select(
        panel.model()->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
  }
}

TEST(DeadLetterPanelTest, NothingToDoWithoutASource) {
  DeadLetterPanel panel;
  EXPECT_FALSE(panel.redriveButton()->isEnabled());
  EXPECT_FALSE(panel.traceButton()->isEnabled());
  EXPECT_EQ(panel.countText(), QStringLiteral("No dead letters to show"));
}

TEST(DeadLetterPanelTest, RedriveIsOfferedForASelectionOfALiveRun) {
  DeadLetterPanel panel;
  QSignalSpy redrive(&panel, &DeadLetterPanel::redriveRequested);
  panel.showLive(liveWith(4, 1));
  EXPECT_EQ(panel.countText(), QStringLiteral("4 dead letters"));
  EXPECT_FALSE(panel.redriveButton()->isEnabled());  // nothing selected
  selectRows(panel, {0});                            // already redriven
  EXPECT_FALSE(panel.redriveButton()->isEnabled());
  EXPECT_TRUE(panel.redriveButton()->toolTip().contains(QStringLiteral("already redriven")));
  selectRows(panel, {0, 2, 3});
  EXPECT_TRUE(panel.redriveButton()->isEnabled());
  panel.redriveButton()->click();
  ASSERT_EQ(redrive.count(), 1);
  const auto ids = redrive.at(0).at(0).value<std::vector<std::uint64_t>>();
  EXPECT_EQ(ids, (std::vector<std::uint64_t>{102, 103}));  // the redriven one left out

  LiveSnapshot finished = liveWith(4, 1);
  finished.finished = true;
  panel.showLive(finished);
  selectRows(panel, {2});
  EXPECT_FALSE(panel.redriveButton()->isEnabled());
  EXPECT_TRUE(panel.redriveButton()->toolTip().contains(QStringLiteral("finished")));
}

TEST(DeadLetterPanelTest, ShowsHowManyWhenOnlyTheLastAreKept) {
  DeadLetterPanel panel;
  LiveSnapshot snapshot = liveWith(3);
  snapshot.deadLettersTotal = 12000;
  panel.showLive(snapshot);
  EXPECT_EQ(panel.countText(), QStringLiteral("12000 dead letters (the last 3 listed)"));
  panel.clear();
  EXPECT_EQ(panel.model()->rowCount(), 0);
  EXPECT_FALSE(panel.redriveButton()->isEnabled());
}

TEST(DeadLetterPanelTest, ShowTraceAndDoubleClickAskForTheCorrelationAndTheTime) {
  DeadLetterPanel panel;
  panel.resize(900, 400);
  panel.show();
  QSignalSpy trace(&panel, &DeadLetterPanel::traceRequested);
  QSignalSpy time(&panel, &DeadLetterPanel::timeRequested);
  panel.showLive(liveWith(3));
  selectRows(panel, {1});
  ASSERT_TRUE(panel.traceButton()->isEnabled());
  panel.traceButton()->click();
  ASSERT_EQ(trace.count(), 1);
  EXPECT_EQ(trace.at(0).at(0).value<std::uint64_t>(), 1001u);
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));
  const QRect cell = panel.table()->visualRect(panel.model()->index(2, DeadLetterModel::Type));
  ASSERT_TRUE(panel.table()->viewport()->rect().contains(cell.center()));
  // A real double click: press and release, then the second press arrives as a double click
  // (QAbstractItemView only signals it on the row the first press hit).
  QTest::mouseClick(panel.table()->viewport(), Qt::LeftButton, {}, cell.center());
  QTest::mouseDClick(panel.table()->viewport(), Qt::LeftButton, {}, cell.center());
  ASSERT_EQ(time.count(), 1);
  EXPECT_EQ(time.at(0).at(0).value<core::SimTime>(), 3 * core::kSecond);
}

TEST(DeadLetterPanelTest, ARecordingCannotBeRedrivenButItsTracesShow) {
  QTemporaryDir dir;
  const std::string path = dir.filePath(QStringLiteral("dlq.esrec")).toStdString();
  core::testing::recordDeadLetterRun(core::testing::deadLetterScenario(), path);
  std::string error;
  std::shared_ptr<const core::store::Recording> recording =
      core::store::Recording::open(path, &error);
  ASSERT_TRUE(recording) << error;
  DeadLetterPanel panel;
  QSignalSpy trace(&panel, &DeadLetterPanel::traceRequested);
  panel.setRecording(recording);
  ASSERT_GT(panel.model()->rowCount(), 0);
  EXPECT_TRUE(panel.countText().endsWith(QStringLiteral("dead letters")) ||
              panel.countText().contains(QStringLiteral("scroll for more")))
      << panel.countText().toStdString();
  selectRows(panel, {0});
  EXPECT_FALSE(panel.redriveButton()->isEnabled());
  EXPECT_TRUE(panel.redriveButton()->toolTip().contains(QStringLiteral("needs a live run")));
  panel.traceButton()->click();
  ASSERT_EQ(trace.count(), 1);
  EXPECT_EQ(trace.at(0).at(0).value<std::uint64_t>(),
            panel.model()->entry(0)->letter.correlationId);
}

}  // namespace
}  // namespace eventscope::ui
