#include "ui/window/event_log_panel.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTreeWidget>
#include <filesystem>
#include <fstream>

#include "support/demo_scenarios.h"
#include "support/live_recording.h"
#include "support/record_scenario.h"
#include "support/recorded_demo.h"
#include "support/ui_test_support.h"
#include "ui/models/event_log_model.h"
#include "ui/window/event_details_view.h"
#include "ui/window/event_log_filter_bar.h"

namespace eventscope::ui {
namespace {

using core::store::Recording;
using core::testing::TempDir;

class EventLogPanelTest : public core::testing::RecordedDemoSuite {
 protected:
  void selectRow(int row) { m_panel.table()->setCurrentIndex(m_panel.model()->index(row, 0)); }
  EventLogPanel m_panel;
};

TEST_F(EventLogPanelTest, DetailsOfAnEventThatWasRetriedUntilItWasDeadLettered) {
  ASSERT_TRUE(m_panel.openRecording(QString::fromStdString(demoPath())));
  EXPECT_TRUE(m_panel.statusText().endsWith(QStringLiteral(" events")))
      << m_panel.statusText().toStdString();
  // The customer whose card always fails: typed into the filter bar as a person would.
  EventLogFilterBar* bar = m_panel.filterBar();
  bar->typeBox()->setCurrentIndex(bar->typeBox()->findText(QStringLiteral("OrderPlaced")));
  // Thousands of orders: the first rows are read, and the count says there are more.
  EXPECT_EQ(m_panel.model()->rowCount(), EventLogModel::kFetchRows);
  EXPECT_TRUE(m_panel.statusText().startsWith(QStringLiteral("200+")))
      << m_panel.statusText().toStdString();
  bar->keyEdit()->setText(QStringLiteral("k13"));
  Q_EMIT bar->keyEdit()->editingFinished();
  ASSERT_GT(m_panel.model()->rowCount(), 0);
  EXPECT_TRUE(m_panel.statusText().contains(QStringLiteral("matching")));

  QSignalSpy time(&m_panel, &EventLogPanel::timeRequested);
  selectRow(0);
  ASSERT_EQ(time.count(), 1);
  EXPECT_EQ(time.at(0).at(0).value<core::SimTime>(),
            m_panel.model()->index(0, 0).data(EventLogModel::TimeRole).toLongLong());
  EventDetailsView* details = m_panel.details();
  EXPECT_EQ(details->attribute(QStringLiteral("key")), QStringLiteral("k13"));
  EXPECT_EQ(details->attribute(QStringLiteral("topic")), QStringLiteral("orders"));
  EXPECT_EQ(details->attribute(QStringLiteral("origin")), QStringLiteral("producer checkout"));
  EXPECT_EQ(details->attribute(QStringLiteral("causation")), QStringLiteral("(none)"));
  EXPECT_TRUE(details->payloadText().contains(QStringLiteral("\n  \"amount\": 42.5")))
      << details->payloadText().toStdString();
  // Four attempts by billing, each failed by the poison key, the last one dead-lettered.
  QTreeWidget* attempts = details->attempts();
  int billing = 0, deadLettered = 0, maxAttempt = 0;
  for (int i = 0; i < attempts->topLevelItemCount(); ++i) {
    const QTreeWidgetItem* item = attempts->topLevelItem(i);
    if (item->text(EventDetailsView::ServiceColumn) != QStringLiteral("billing")) continue;
    ++billing;
    EXPECT_EQ(item->text(EventDetailsView::ReasonColumn), QStringLiteral("poison"));
    deadLettered += item->text(EventDetailsView::OutcomeColumn) == QStringLiteral("dead-lettered");
    maxAttempt = std::max(maxAttempt, item->text(EventDetailsView::AttemptNumberColumn).toInt());
  }
  EXPECT_EQ(billing, 4);
  EXPECT_EQ(deadLettered, 1);
  EXPECT_EQ(maxAttempt, 4);
  EXPECT_GE(attempts->topLevelItemCount(), 7);  // and inventory, notifications, analytics

  QSignalSpy trace(&m_panel, &EventLogPanel::traceRequested);
  Q_EMIT m_panel.table()->doubleClicked(m_panel.model()->index(0, 3));
  details->traceButton()->click();
  ASSERT_EQ(trace.count(), 2);
  const auto correlation = m_panel.model()->index(0, 0).data(EventLogModel::CorrelationRole);
  EXPECT_EQ(trace.at(0).at(0).value<std::uint64_t>(), correlation.value<quint64>());
  EXPECT_EQ(trace.at(1).at(0).value<std::uint64_t>(), correlation.value<quint64>());
}

TEST_F(EventLogPanelTest, SelectingATimeFromOutsideDoesNotEchoIt) {
  std::string error;
  std::shared_ptr<const Recording> recording = Recording::open(demoPath(), &error);
  m_panel.setRecording(recording);
  QSignalSpy time(&m_panel, &EventLogPanel::timeRequested);
  m_panel.selectEventAt(30 * core::kSecond);
  EXPECT_EQ(time.count(), 0);
  const QModelIndex current = m_panel.table()->currentIndex();
  ASSERT_TRUE(current.isValid());
  const auto t = current.data(EventLogModel::TimeRole).toLongLong();
  EXPECT_GE(t, 30 * core::kSecond);
  EXPECT_EQ(m_panel.details()->eventId(),
            current.data(EventLogModel::EventIdRole).value<quint64>());
  // Back at the same time (the cursor followed this panel's selection): the row stays.
  selectRow(current.row() + 1);
  ASSERT_EQ(time.count(), 1);
  m_panel.selectEventAt(time.at(0).at(0).value<core::SimTime>());
  EXPECT_EQ(m_panel.table()->currentIndex().row(), current.row() + 1);
  m_panel.setRecording(nullptr);
  EXPECT_EQ(m_panel.model()->rowCount(), 0);
  m_panel.selectEventAt(0);  // nothing to select: nothing happens
}

TEST_F(EventLogPanelTest, ABrokenRecordingIsExplainedNotShown) {
  EXPECT_FALSE(m_panel.openRecording(QStringLiteral("/nonexistent/dir/run.evrec")));
  EXPECT_TRUE(m_panel.statusText().contains(QStringLiteral("/nonexistent/dir/run.evrec")));
  EXPECT_EQ(m_panel.model()->rowCount(), 0);
  TempDir dir;
  std::ofstream(dir.file("notes.evrec")) << "these are not events\n";
  EXPECT_FALSE(m_panel.openRecording(QString::fromStdString(dir.file("notes.evrec"))));
  EXPECT_TRUE(m_panel.statusText().contains(QStringLiteral("not a recording")))
      << m_panel.statusText().toStdString();
  // A good file afterwards clears the message.
  ASSERT_TRUE(m_panel.openRecording(QString::fromStdString(demoPath())));
  EXPECT_FALSE(m_panel.statusText().contains(QStringLiteral("not a recording")));
  EXPECT_GT(m_panel.model()->rowCount(), 0);
}

TEST_F(EventLogPanelTest, AFileDamagedWhileShownIsExplained) {
  TempDir dir;
  std::filesystem::copy_file(demoPath(), dir.file("copy.evrec"));
  ASSERT_TRUE(m_panel.openRecording(QString::fromStdString(dir.file("copy.evrec"))));
  {
    SQLite::Database db(dir.file("copy.evrec"), SQLite::OPEN_READWRITE);
    db.exec("DROP TABLE attempts");
  }
  // Rows far from the ones read so far need the file again.
  const int last = m_panel.model()->rowCount() - 1;
  EXPECT_FALSE(m_panel.model()->index(last, 0).data().isValid());
  EXPECT_TRUE(testing::waitUntil([&] {
    return m_panel.statusText().contains(QStringLiteral("damaged"));
  })) << m_panel.statusText().toStdString();
}

TEST(EventLogPanelLiveTest, TailsARecordingBeingWrittenAndFollowsItsEnd) {
  TempDir dir;
  const QString path = QString::fromStdString(dir.file("live.evrec"));
  EventLogPanel panel;
  panel.resize(900, 600);
  panel.show();
  panel.setLive(true);
  // The run has not written its file yet: the panel waits for it.
  EXPECT_FALSE(panel.openRecording(path));
  EXPECT_TRUE(panel.statusText().contains(QStringLiteral("Waiting")));
  panel.tail();
  panel.tail();  // nothing there: still waiting
  EXPECT_FALSE(panel.model()->recording());
  testing::LiveRecording live(path.toStdString());
  live.write(1, 150);
  ASSERT_TRUE(testing::waitUntil([&] { return panel.model()->rowCount() == 150; }));
  EXPECT_TRUE(panel.statusText().contains(QStringLiteral("150 events (live)")))
      << panel.statusText().toStdString();
  QScrollBar* bar = panel.table()->verticalScrollBar();
  EXPECT_EQ(bar->value(), bar->maximum());  // it started at the end and follows it
  ASSERT_GT(bar->maximum(), 0);

  live.write(151, 400);
  ASSERT_TRUE(testing::waitUntil([&] { return panel.model()->rowCount() == 400; }));
  EXPECT_EQ(bar->value(), bar->maximum());
  EXPECT_EQ(panel.table()
                ->indexAt(panel.table()->viewport()->rect().bottomLeft() - QPoint(0, 4))
                .data(EventLogModel::EventIdRole)
                .value<quint64>(),
            400u);

  // Scrolled up to read, the view stays where the person put it.
  bar->setValue(10);
  live.write(401, 500, "Tock");
  ASSERT_TRUE(testing::waitUntil([&] { return panel.model()->rowCount() == 500; }));
  EXPECT_EQ(bar->value(), 10);
  EXPECT_EQ(panel.model()->index(450, EventLogModel::TypeColumn).data().toString(),
            QStringLiteral("Tock"));
  EXPECT_GE(panel.filterBar()->typeBox()->findText(QStringLiteral("Tock")), 0);

  live.write(501, 520);
  live.close();
  panel.setLive(false);  // the run ended: one last look
  EXPECT_EQ(panel.model()->rowCount(), 520);
  EXPECT_FALSE(panel.statusText().contains(QStringLiteral("live")));
}

}  // namespace
}  // namespace eventscope::ui
