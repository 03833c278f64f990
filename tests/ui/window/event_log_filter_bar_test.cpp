#include "ui/window/event_log_filter_bar.h"

#include <gtest/gtest.h>

#include <QComboBox>
#include <QLineEdit>
#include <QSignalSpy>

namespace eventscope::ui {
namespace {

using core::kMillisecond;
using core::kSecond;

TEST(EventLogFilterBarTest, ReadsTimesWithOrWithoutAUnit) {
  QString error;
  EXPECT_EQ(parseFilterTime(QStringLiteral("12.5s"), &error), 12'500 * kMillisecond);
  EXPECT_EQ(parseFilterTime(QStringLiteral(" 250ms "), &error), 250 * kMillisecond);
  EXPECT_EQ(parseFilterTime(QStringLiteral("2m"), &error), 120 * kSecond);
  EXPECT_EQ(parseFilterTime(QStringLiteral("12.5"), &error), 12'500 * kMillisecond);
  EXPECT_TRUE(error.isEmpty());
  EXPECT_EQ(parseFilterTime(QString(), &error), std::nullopt);
  EXPECT_TRUE(error.isEmpty());
  EXPECT_EQ(parseFilterTime(QStringLiteral("soon"), &error), std::nullopt);
  EXPECT_TRUE(error.contains(QStringLiteral("soon")));
  error.clear();
  EXPECT_EQ(parseFilterTime(QStringLiteral("-3"), &error), std::nullopt);
  EXPECT_FALSE(error.isEmpty());
}

TEST(EventLogFilterBarTest, FieldsMakeTheFilterAndEachChangeIsSaidOnce) {
  EventLogFilterBar bar;
  bar.setChoices({QStringLiteral("OrderPlaced"), QStringLiteral("PaymentCaptured")},
                 {QStringLiteral("billing"), QStringLiteral("shipping")});
  QSignalSpy changed(&bar, &EventLogFilterBar::filterChanged);
  bar.typeBox()->setCurrentIndex(bar.typeBox()->findText(QStringLiteral("PaymentCaptured")));
  ASSERT_EQ(changed.count(), 1);
  bar.serviceBox()->setCurrentIndex(bar.serviceBox()->findText(QStringLiteral("shipping")));
  bar.outcomeBox()->setCurrentIndex(bar.outcomeBox()->findText(QStringLiteral("dead-lettered")));
  bar.keyEdit()->setText(QStringLiteral("k13"));
  bar.correlationEdit()->setText(QStringLiteral("#42"));
  bar.fromEdit()->setText(QStringLiteral("12.5s"));
  bar.toEdit()->setText(QStringLiteral("20"));
  Q_EMIT bar.toEdit()->editingFinished();
  Q_EMIT bar.toEdit()->editingFinished();  // nothing new: said once
  ASSERT_EQ(changed.count(), 4);
  const auto f = changed.last().at(0).value<EventLogFilter>();
  EXPECT_EQ(f.type, "PaymentCaptured");
  EXPECT_EQ(f.service, "shipping");
  EXPECT_EQ(f.outcome, core::store::SpanOutcome::DeadLettered);
  EXPECT_EQ(f.key, "k13");
  EXPECT_EQ(f.correlation, 42u);
  EXPECT_EQ(f.from, 12'500 * kMillisecond);
  EXPECT_EQ(f.to, 20 * kSecond);

  // The choices of another recording keep what was chosen.
  bar.setChoices({QStringLiteral("Other")}, {});
  EXPECT_EQ(bar.filter()->type, "PaymentCaptured");
  EXPECT_EQ(bar.filter()->service, "shipping");
  // Clearing a field applies at once.
  bar.keyEdit()->clear();
  EXPECT_EQ(changed.count(), 5);
  EXPECT_FALSE(changed.last().at(0).value<EventLogFilter>().key.has_value());
}

TEST(EventLogFilterBarTest, AFieldThatDoesNotReadIsMarkedAndChangesNothing) {
  EventLogFilterBar bar;
  QSignalSpy changed(&bar, &EventLogFilterBar::filterChanged);
  bar.fromEdit()->setText(QStringLiteral("yesterday"));
  Q_EMIT bar.fromEdit()->editingFinished();
  EXPECT_EQ(changed.count(), 0);
  QString error;
  EXPECT_FALSE(bar.filter(&error).has_value());
  EXPECT_TRUE(error.contains(QStringLiteral("yesterday")));
  EXPECT_TRUE(bar.fromEdit()->toolTip().contains(QStringLiteral("yesterday")));
  bar.correlationEdit()->setText(QStringLiteral("abc"));
  Q_EMIT bar.correlationEdit()->editingFinished();
  EXPECT_FALSE(bar.correlationEdit()->styleSheet().isEmpty());
  EXPECT_EQ(changed.count(), 0);
}

TEST(EventLogFilterBarTest, ShowsAFilterWithoutSayingIt) {
  EventLogFilterBar bar;
  QSignalSpy changed(&bar, &EventLogFilterBar::filterChanged);
  EventLogFilter filter{.type = "Tick", .correlation = 9, .from = 2 * kSecond};
  bar.setFilter(filter);
  EXPECT_EQ(changed.count(), 0);
  EXPECT_EQ(bar.typeBox()->currentText(), QStringLiteral("Tick"));
  EXPECT_EQ(bar.fromEdit()->text(), QStringLiteral("2s"));
  ASSERT_TRUE(bar.filter().has_value());
  EXPECT_EQ(*bar.filter(), filter);
}

}  // namespace
}  // namespace eventscope::ui
