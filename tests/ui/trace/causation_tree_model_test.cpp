#include "ui/trace/causation_tree_model.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>

namespace eventscope::ui {
namespace {

using core::store::RecordedEvent;
using core::store::RecordedSpan;
using core::store::SpanOutcome;

RecordedEvent event(std::uint64_t id, std::uint64_t causation, std::string type, std::string topic,
                    std::string origin) {
  RecordedEvent e;
  e.id = id;
  e.t = static_cast<core::SimTime>(id) * core::kMillisecond;
  e.type = std::move(type);
  e.topic = std::move(topic);
  e.causation = causation;
  e.correlation = 10;
  e.origin = std::move(origin);
  return e;
}

RecordedSpan span(std::uint64_t event, SpanOutcome outcome, std::int32_t instance = 0) {
  RecordedSpan s;
  s.event = event;
  s.service = "billing";
  s.outcome = outcome;
  s.instance = instance;
  return s;
}

// 10 -> {11 -> {13}, 12 (dead letter)}
std::shared_ptr<core::store::Trace> tree() {
  auto trace = std::make_shared<core::store::Trace>();
  trace->correlation = 10;
  trace->events = {event(10, 0, "OrderPlaced", "orders", "producer checkout"),
                   event(11, 10, "PaymentCaptured", "payments", "service billing"),
                   event(12, 10, "OrderPlaced", "orders.dlq", "service audit"),
                   event(13, 11, "ShipmentScheduled", "shipments", "service shipping")};
  trace->spans = {span(10, SpanOutcome::Failed),       span(10, SpanOutcome::Failed),
                  span(10, SpanOutcome::DeadLettered), span(10, SpanOutcome::Acked),
                  span(11, SpanOutcome::Acked),        span(11, SpanOutcome::Dropped, -1)};
  return trace;
}

TEST(CausationTreeModel, PassesTheModelTester) {
  CausationTreeModel model;
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
  model.setTrace(tree());
  model.setTrace(nullptr);
  model.setTrace(tree());
  EXPECT_EQ(model.rowCount(), 1);
}

TEST(CausationTreeModel, NestsEventsUnderTheirCause) {
  CausationTreeModel model;
  QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
  model.setTrace(tree());
  EXPECT_EQ(reset.count(), 1);
  ASSERT_EQ(model.rowCount(), 1);
  EXPECT_EQ(model.columnCount(), CausationTreeModel::ColumnCount);
  const QModelIndex root = model.index(0, 0);
  EXPECT_EQ(root.data().toULongLong(), 10u);
  ASSERT_EQ(model.rowCount(root), 2);
  const QModelIndex payment = model.index(0, 0, root);
  const QModelIndex dlq = model.index(1, 0, root);
  EXPECT_EQ(payment.data(CausationTreeModel::EventIdRole).toULongLong(), 11u);
  EXPECT_EQ(model.index(1, CausationTreeModel::TopicColumn, root).data().toString(),
            QStringLiteral("orders.dlq"));
  ASSERT_EQ(model.rowCount(payment), 1);
  const QModelIndex shipment = model.index(0, CausationTreeModel::TypeColumn, payment);
  EXPECT_EQ(shipment.data().toString(), QStringLiteral("ShipmentScheduled"));
  EXPECT_EQ(model.parent(shipment), payment.siblingAtColumn(0));
  EXPECT_EQ(model.rowCount(dlq), 0);
  EXPECT_EQ(model.indexOfEvent(3), shipment.siblingAtColumn(0));
  EXPECT_FALSE(model.indexOfEvent(4).isValid());
}

TEST(CausationTreeModel, ColumnsSayWhoPublishedAndHowDeliveriesEnded) {
  CausationTreeModel model;
  model.setTrace(tree());
  const QModelIndex root = model.index(0, 0);
  auto cell = [&](const QModelIndex& parent, int row, int column) {
    return model.index(row, column, parent).data();
  };
  EXPECT_EQ(cell({}, 0, CausationTreeModel::PublisherColumn).toString(),
            QStringLiteral("producer checkout"));
  EXPECT_EQ(cell({}, 0, CausationTreeModel::AttemptsColumn).toInt(), 4);
  EXPECT_EQ(cell({}, 0, CausationTreeModel::OutcomeColumn).toString(),
            QStringLiteral("acked 1, dead-lettered 1"));
  EXPECT_EQ(cell(root, 0, CausationTreeModel::AttemptsColumn).toInt(), 1);  // the drop is not one
  EXPECT_EQ(cell(root, 0, CausationTreeModel::OutcomeColumn).toString(),
            QStringLiteral("acked 1, dropped 1"));
  EXPECT_EQ(cell(root, 1, CausationTreeModel::OutcomeColumn).toString(),
            QStringLiteral("no delivery recorded"));
  EXPECT_EQ(root.data(CausationTreeModel::TimeRole).toLongLong(), 10 * core::kMillisecond);
  EXPECT_EQ(model.headerData(CausationTreeModel::TypeColumn, Qt::Horizontal).toString(),
            QStringLiteral("Type"));
}

}  // namespace
}  // namespace eventscope::ui
