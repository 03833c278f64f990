#include "ui/trace/trace_panel.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QImage>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include "support/trace_test_recording.h"
#include "ui/trace/causation_tree_model.h"
#include "ui/trace/trace_waterfall.h"

namespace eventscope::ui {
namespace {

class TracePanelTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_dir = new QTemporaryDir;
    const std::string path = s_dir->filePath(QStringLiteral("trace.evrec")).toStdString();
    ASSERT_TRUE(testing::recordYaml(testing::kTraceScenario, path));
    std::string error;
    s_recording = core::store::Recording::open(path, &error);
    ASSERT_NE(s_recording, nullptr) << error;
    // The poison event (injected: its own chain) and its dead letter.
    core::store::EventQuery query;
    query.key = "k13";
    core::store::EventPage page;
    ASSERT_TRUE(s_recording->events(query, page, &error)) << error;
    ASSERT_EQ(page.events.size(), 2u);
    s_poison = page.events[0].id;
    s_deadLetter = page.events[1].id;
  }
  static void TearDownTestSuite() {
    s_recording.reset();
    delete s_dir;
  }
  void SetUp() override {
    m_panel.resize(1200, 600);
    m_panel.setRecording(s_recording);
  }

  static inline QTemporaryDir* s_dir = nullptr;
  static inline std::shared_ptr<const core::store::Recording> s_recording;
  static inline std::uint64_t s_poison = 0, s_deadLetter = 0;
  TracePanel m_panel;
};

TEST_F(TracePanelTest, FindsATraceByCorrelationId) {
  QSignalSpy path(&m_panel, &TracePanel::pathChanged);
  ASSERT_TRUE(m_panel.showTrace(s_poison)) << m_panel.message().toStdString();
  EXPECT_EQ(m_panel.correlation(), s_poison);
  EXPECT_TRUE(m_panel.message().isEmpty());
  EXPECT_EQ(m_panel.waterfall()->layout().rows().size(), 6u);
  EXPECT_EQ(m_panel.treeModel()->rowCount(), 1);
  // The model's retry policy is known: the retries show their backoff.
  EXPECT_EQ(m_panel.waterfall()->layout().rows()[2].backoff, 10 * core::kMillisecond);
  const QString totals = m_panel.totalsText();
  EXPECT_TRUE(totals.contains(QStringLiteral("events: 2,"))) << totals.toStdString();
  EXPECT_TRUE(totals.contains(QStringLiteral("attempts: 4,")));
  EXPECT_TRUE(totals.contains(QStringLiteral("retries: 2,")));
  EXPECT_TRUE(totals.contains(QStringLiteral("dead letters: 1,")));
  ASSERT_EQ(path.count(), 1);
  EXPECT_EQ(path.at(0).at(0).value<std::vector<std::string>>(),
            (std::vector<std::string>{"orders", "billing", "orders.dlq", "dlq-reader"}));
}

TEST_F(TracePanelTest, FindsTheChainOfAnEventId) {
  ASSERT_TRUE(m_panel.search(QStringLiteral("#%1").arg(s_deadLetter)))
      << m_panel.message().toStdString();
  EXPECT_EQ(m_panel.correlation(), s_poison);
  m_panel.searchBox()->setText(QString::number(s_poison));
  QTest::keyClick(m_panel.searchBox(), Qt::Key_Return);
  EXPECT_EQ(m_panel.correlation(), s_poison);
}

TEST_F(TracePanelTest, SaysSoForAnUnknownIdANonNumberOrNoRecording) {
  ASSERT_TRUE(m_panel.showTrace(s_poison));
  EXPECT_FALSE(m_panel.showTrace(987654));
  EXPECT_TRUE(m_panel.message().contains(QStringLiteral("987654")))
      << m_panel.message().toStdString();
  EXPECT_FALSE(m_panel.search(QStringLiteral("987654")));
  EXPECT_TRUE(m_panel.message().contains(QStringLiteral("No event or correlation id 987654")));
  EXPECT_FALSE(m_panel.search(QStringLiteral("billing")));
  EXPECT_TRUE(m_panel.message().contains(QStringLiteral("not an id")));
  QSignalSpy cleared(&m_panel, &TracePanel::cleared);
  QSignalSpy path(&m_panel, &TracePanel::pathChanged);
  m_panel.setRecording(nullptr);
  EXPECT_EQ(cleared.count(), 1);
  ASSERT_EQ(path.count(), 1);
  EXPECT_TRUE(path.at(0).at(0).value<std::vector<std::string>>().empty());
  EXPECT_EQ(m_panel.correlation(), 0u);
  EXPECT_FALSE(m_panel.showTrace(s_poison));
  EXPECT_TRUE(m_panel.message().contains(QStringLiteral("No recording")));
}

TEST_F(TracePanelTest, ClickingASpanOrATreeRowRequestsItsTime) {
  ASSERT_TRUE(m_panel.showTrace(s_poison));
  m_panel.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&m_panel));
  QSignalSpy time(&m_panel, &TracePanel::timeRequested);
  TraceWaterfall* waterfall = m_panel.waterfall();
  const auto& rows = waterfall->layout().rows();
  const auto& spans = waterfall->trace()->spans;
  QTest::mouseClick(waterfall, Qt::LeftButton, {}, waterfall->spanPoint(3));
  ASSERT_EQ(time.count(), 1);
  EXPECT_EQ(time.at(0).at(0).value<core::SimTime>(),
            spans[static_cast<std::size_t>(rows[3].span)].start);
  // The tree follows the waterfall's selection, and the other way round.
  const QModelIndex current = m_panel.treeView()->currentIndex();
  EXPECT_EQ(current.data(CausationTreeModel::EventIdRole).toULongLong(), s_poison);
  const QModelIndex deadLetter = m_panel.treeModel()->index(0, 0, m_panel.treeModel()->index(0, 0));
  const QRect cell = m_panel.treeView()->visualRect(deadLetter);
  QTest::mouseClick(m_panel.treeView()->viewport(), Qt::LeftButton, {}, cell.center());
  ASSERT_EQ(time.count(), 2);
  EXPECT_EQ(time.at(1).at(0).value<core::SimTime>(),
            deadLetter.data(CausationTreeModel::TimeRole).toLongLong());
  EXPECT_EQ(waterfall->selectedRow(), 4);
}

TEST_F(TracePanelTest, ExportsPngAndSvg) {
  QString error;
  const QString png = s_dir->filePath(QStringLiteral("trace.png"));
  EXPECT_FALSE(m_panel.exportImage(png, &error));  // nothing shown yet
  ASSERT_TRUE(m_panel.showTrace(s_poison));
  ASSERT_TRUE(m_panel.exportImage(png, &error)) << error.toStdString();
  const QImage image(png);
  ASSERT_FALSE(image.isNull());
  EXPECT_EQ(image.size(), m_panel.waterfall()->size());
  const QString svg = s_dir->filePath(QStringLiteral("trace.svg"));
  ASSERT_TRUE(m_panel.exportImage(svg, &error)) << error.toStdString();
  QFile file(svg);
  ASSERT_TRUE(file.open(QIODevice::ReadOnly));
  const QByteArray text = file.readAll();
  EXPECT_TRUE(text.contains("<svg"));
  EXPECT_TRUE(text.contains("billing"));  // labels are text in the vector image
  EXPECT_FALSE(m_panel.exportImage(QStringLiteral("/nonexistent/dir/t.png"), &error));
  EXPECT_FALSE(error.isEmpty());
}

}  // namespace
}  // namespace eventscope::ui
