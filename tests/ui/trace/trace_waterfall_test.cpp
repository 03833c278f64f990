#include "ui/trace/trace_waterfall.h"

#include <gtest/gtest.h>

#include <QImage>
#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

namespace eventscope::ui {
namespace {

using core::kMillisecond;
using core::store::RecordedEvent;
using core::store::RecordedSpan;
using core::store::SpanOutcome;

// A root, two attempts (failed, then acked) and a child event with one acked attempt.
std::shared_ptr<core::store::Trace> smallTrace() {
  auto trace = std::make_shared<core::store::Trace>();
  trace->correlation = 1;
  RecordedEvent root;
  root.id = 1;
  root.type = "OrderPlaced";
  root.topic = "orders";
  root.origin = "producer checkout";
  RecordedEvent child = root;
  child.id = 2;
  child.type = "InvoiceCreated";
  child.topic = "invoices";
  child.causation = 1;
  child.t = 40 * kMillisecond;
  child.origin = "service billing";
  trace->events = {root, child};
  auto span = [](std::uint64_t event, std::string service, int from, int to, SpanOutcome outcome,
                 std::uint32_t attempt) {
    RecordedSpan s;
    s.event = event;
    s.service = std::move(service);
    s.instance = 0;
    s.start = from * kMillisecond;
    s.end = to * kMillisecond;
    s.outcome = outcome;
    s.attempt = attempt;
    return s;
  };
  trace->spans = {span(1, "billing", 2, 12, SpanOutcome::Failed, 1),
                  span(1, "billing", 30, 40, SpanOutcome::Acked, 2),
                  span(2, "mailer", 45, 60, SpanOutcome::Acked, 1)};
  return trace;
}

class TraceWaterfallTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_view.resize(1000, 400);
    m_view.setTrace(smallTrace());
  }
  TraceWaterfall m_view;
};

TEST_F(TraceWaterfallTest, RowsAreWhereTheGeometrySays) {
  ASSERT_EQ(m_view.layout().rows().size(), 5u);
  EXPECT_EQ(m_view.rowRect(0).top(), m_view.rowsTop());
  EXPECT_EQ(m_view.rowAt(m_view.rowRect(3).center()), 3);
  EXPECT_EQ(m_view.rowAt(QPoint(10, 2)), -1);  // the legend
  EXPECT_EQ(m_view.rowAt(QPoint(10, m_view.rowRect(4).bottom() + 30)), -1);
  // The whole trace fits the plot, right of the labels.
  EXPECT_GT(m_view.axis().left(), m_view.labelWidth());
  EXPECT_EQ(m_view.axis().from(), 0);
  EXPECT_EQ(m_view.axis().to(), 60 * kMillisecond);
}

TEST_F(TraceWaterfallTest, PaintsProcessingInItsOutcomeColour) {
  const QImage image = m_view.grab().toImage();
  // Rows: 0 root, 1 failed attempt, 2 acked attempt, 3 child event, 4 mailer attempt.
  EXPECT_EQ(image.pixelColor(m_view.spanPoint(1)),
            TraceWaterfall::outcomeColor(SpanOutcome::Failed));
  EXPECT_EQ(image.pixelColor(m_view.spanPoint(2)),
            TraceWaterfall::outcomeColor(SpanOutcome::Acked));
  // Waiting (light) is not processing (solid).
  const int waitingX = static_cast<int>(m_view.axis().xOf(20 * kMillisecond));
  const QColor waiting = image.pixelColor(waitingX, m_view.spanPoint(2).y());
  EXPECT_NE(waiting, TraceWaterfall::outcomeColor(SpanOutcome::Acked));
  EXPECT_NE(waiting, m_view.palette().base().color());
}

TEST_F(TraceWaterfallTest, ClickingASpanSelectsItAndSaysWhereItStarts) {
  QSignalSpy clicked(&m_view, &TraceWaterfall::spanClicked);
  QTest::mouseClick(&m_view, Qt::LeftButton, {}, m_view.spanPoint(2));
  ASSERT_EQ(clicked.count(), 1);
  EXPECT_EQ(clicked.at(0).at(0).value<core::SimTime>(), 30 * kMillisecond);
  EXPECT_EQ(m_view.selectedRow(), 2);
  // The child event's publish marker.
  QTest::mouseClick(&m_view, Qt::LeftButton, {}, m_view.spanPoint(3));
  ASSERT_EQ(clicked.count(), 2);
  EXPECT_EQ(clicked.at(1).at(0).value<core::SimTime>(), 40 * kMillisecond);
  // Far from any span: selects the row, says nothing about time.
  const QPoint empty(static_cast<int>(m_view.axis().xOf(58 * kMillisecond)),
                     m_view.rowRect(1).center().y());
  QTest::mouseClick(&m_view, Qt::LeftButton, {}, empty);
  EXPECT_EQ(clicked.count(), 2);
  EXPECT_EQ(m_view.selectedRow(), 1);
}

TEST_F(TraceWaterfallTest, KeysMoveTheSelectionAndEnterJumpsToIt) {
  QSignalSpy clicked(&m_view, &TraceWaterfall::spanClicked);
  QSignalSpy rows(&m_view, &TraceWaterfall::rowClicked);
  QTest::keyClick(&m_view, Qt::Key_Down);  // nothing selected: the first row
  EXPECT_EQ(m_view.selectedRow(), 0);
  QTest::keyClick(&m_view, Qt::Key_Down);
  QTest::keyClick(&m_view, Qt::Key_Down);
  EXPECT_EQ(m_view.selectedRow(), 2);
  EXPECT_EQ(rows.count(), 3);
  QTest::keyClick(&m_view, Qt::Key_Return);
  ASSERT_EQ(clicked.count(), 1);
  EXPECT_EQ(clicked.at(0).at(0).value<core::SimTime>(), 30 * kMillisecond);
  QTest::keyClick(&m_view, Qt::Key_End);
  EXPECT_EQ(m_view.selectedRow(), 4);
  QTest::keyClick(&m_view, Qt::Key_Down);  // stays on the last row
  EXPECT_EQ(m_view.selectedRow(), 4);
  QTest::keyClick(&m_view, Qt::Key_Home);
  EXPECT_EQ(m_view.selectedRow(), 0);
}

TEST_F(TraceWaterfallTest, HoveringASpanTellsItsServiceAttemptOutcomeAndTimes) {
  const QString retry = m_view.toolTipAt(m_view.spanPoint(2));
  EXPECT_TRUE(retry.contains(QStringLiteral("billing"))) << retry.toStdString();
  EXPECT_TRUE(retry.contains(QStringLiteral("instance 0, attempt 2")));
  EXPECT_TRUE(retry.contains(QStringLiteral("outcome: acked")));
  EXPECT_TRUE(retry.contains(QStringLiteral("wait: 18 ms")));
  EXPECT_TRUE(retry.contains(QStringLiteral("processing: 10 ms")));
  const QString event = m_view.toolTipAt(m_view.spanPoint(3));
  EXPECT_TRUE(event.contains(QStringLiteral("InvoiceCreated")));
  EXPECT_TRUE(event.contains(QStringLiteral("service billing")));
  const QPoint nothing(static_cast<int>(m_view.axis().xOf(58 * kMillisecond)),
                       m_view.rowRect(1).center().y());
  EXPECT_TRUE(m_view.toolTipAt(nothing).isEmpty());
}

TEST_F(TraceWaterfallTest, CtrlWheelZoomsAndDoubleClickOnTheAxisShowsAll) {
  const QPointF at(m_view.axis().xOf(30 * kMillisecond), m_view.rowRect(2).center().y());
  QWheelEvent wheel(at, m_view.mapToGlobal(at), {}, QPoint(0, 240), Qt::NoButton,
                    Qt::ControlModifier, Qt::NoScrollPhase, false);
  QCoreApplication::sendEvent(&m_view, &wheel);
  EXPECT_TRUE(m_view.axis().zoomed());
  EXPECT_LT(m_view.axis().to() - m_view.axis().from(), 60 * kMillisecond);
  EXPECT_NEAR(m_view.axis().xOf(30 * kMillisecond), at.x(), 1.0);
  QTest::mouseDClick(&m_view, Qt::LeftButton, {}, QPoint(400, m_view.rowsTop() - 5));
  EXPECT_FALSE(m_view.axis().zoomed());
}

TEST_F(TraceWaterfallTest, ManyRowsScrollAndSelectingScrollsIntoView) {
  auto trace = smallTrace();
  for (int i = 0; i < 300; ++i) {
    RecordedSpan s = trace->spans.back();
    s.start += i * kMillisecond;
    s.end += i * kMillisecond;
    trace->spans.push_back(s);
  }
  m_view.setTrace(trace);
  m_view.selectRow(250);
  EXPECT_EQ(m_view.selectedRow(), 250);
  const QRect row = m_view.rowRect(250);
  EXPECT_GE(row.top(), m_view.rowsTop());
  EXPECT_LE(row.bottom(), m_view.height());
  EXPECT_EQ(m_view.rowAt(row.center()), 250);
  m_view.setTrace(nullptr);
  EXPECT_TRUE(m_view.layout().empty());
  EXPECT_EQ(m_view.selectedRow(), -1);
  EXPECT_FALSE(m_view.grab().isNull());  // paints "No trace shown"
}

}  // namespace
}  // namespace eventscope::ui
