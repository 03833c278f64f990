#include "ui/models/event_log_row.h"

#include <gtest/gtest.h>

#include <vector>

namespace eventscope::ui {
namespace {

using core::store::RecordedSpan;
using core::store::SpanOutcome;

RecordedSpan span(std::uint32_t service, const char* name, core::SimTime start, SpanOutcome outcome,
                  std::int32_t instance = 0) {
  RecordedSpan s;
  s.event = 7;
  s.serviceId = service;
  s.service = name;
  s.start = start;
  s.end = start + 10;
  s.outcome = outcome;
  s.instance = instance;
  return s;
}

core::store::RecordedEvent event() {
  core::store::RecordedEvent e;
  e.id = 7;
  e.t = 1'500'000;
  e.type = "OrderPlaced";
  e.topic = "orders";
  e.partition = 2;
  e.key = "k13";
  e.correlation = 7;
  return e;
}

TEST(EventLogRowTest, OneOutcomeWhenEveryServiceEndedAlike) {
  const std::vector<RecordedSpan> spans = {span(0, "billing", 10, SpanOutcome::Acked),
                                           span(1, "inventory", 12, SpanOutcome::Acked)};
  const EventLogRow row = eventLogRow(event(), spans);
  EXPECT_EQ(row.id, 7u);
  EXPECT_EQ(row.type, QStringLiteral("OrderPlaced"));
  EXPECT_EQ(row.key, QStringLiteral("k13"));
  EXPECT_EQ(row.partition, 2u);
  EXPECT_EQ(row.services, QStringLiteral("billing, inventory"));
  EXPECT_EQ(row.outcome, QStringLiteral("acked"));
  EXPECT_EQ(row.attempts, 2);
  EXPECT_FALSE(row.troubled);
}

TEST(EventLogRowTest, EachServicesLastAttemptDecidesItsOutcome) {
  // billing fails twice and gives up; inventory's copy was dropped by a full partition.
  const std::vector<RecordedSpan> spans = {span(0, "billing", 10, SpanOutcome::Failed),
                                           span(1, "inventory", 11, SpanOutcome::Dropped, -1),
                                           span(0, "billing", 60, SpanOutcome::Failed),
                                           span(0, "billing", 160, SpanOutcome::DeadLettered)};
  const EventLogRow row = eventLogRow(event(), spans);
  EXPECT_EQ(row.services, QStringLiteral("billing, inventory"));
  EXPECT_EQ(row.outcome, QStringLiteral("billing dead-lettered, inventory dropped"));
  EXPECT_EQ(row.attempts, 3);  // a dropped copy was never attempted
  EXPECT_TRUE(row.troubled);
}

TEST(EventLogRowTest, AnEventNothingWasDeliveredToHasNoOutcome) {
  core::store::RecordedEvent e = event();
  e.key.reset();
  const EventLogRow row = eventLogRow(e, {});
  EXPECT_TRUE(row.key.isEmpty());
  EXPECT_TRUE(row.services.isEmpty());
  EXPECT_TRUE(row.outcome.isEmpty());
  EXPECT_EQ(row.attempts, 0);
  EXPECT_EQ(eventLogTime(e.t), QStringLiteral("0.001500"));
}

}  // namespace
}  // namespace eventscope::ui
