#include "ui/trace/trace_layout.h"

#include <gtest/gtest.h>

#include <QTemporaryDir>
#include <algorithm>

#include "core/store/recording_batch.h"
#include "support/trace_test_recording.h"

namespace eventscope::ui {
namespace {

using core::kMillisecond;
using core::store::RecordedEvent;
using core::store::RecordedSpan;
using core::store::SpanOutcome;
using core::store::Trace;

class TraceLayoutTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_dir = new QTemporaryDir;
    const std::string path = s_dir->filePath(QStringLiteral("trace.evrec")).toStdString();
    ASSERT_TRUE(testing::recordYaml(testing::kTraceScenario, path));
    std::string error;
    s_recording = core::store::Recording::open(path, &error).release();
    ASSERT_NE(s_recording, nullptr) << error;
    s_policies = tracePoliciesOf(testing::parseOrFail(testing::kTraceScenario));
  }
  static void TearDownTestSuite() {
    delete s_recording;
    delete s_dir;
  }

  // The chain of the first event of this type and key.
  static Trace traceOf(const std::string& type, const std::string& key) {
    core::store::EventQuery query;
    query.type = type;
    query.key = key;
    query.limit = 1;
    core::store::EventPage page;
    std::string error;
    EXPECT_TRUE(s_recording->events(query, page, &error)) << error;
    Trace trace;
    if (page.events.empty()) return trace;
    EXPECT_TRUE(s_recording->trace(page.events[0].correlation, trace, &error)) << error;
    return trace;
  }

  static inline QTemporaryDir* s_dir = nullptr;
  static inline core::store::Recording* s_recording = nullptr;
  static inline TracePolicies s_policies;
};

const RecordedSpan& spanOf(const Trace& trace, const TraceRow& row) {
  return trace.spans.at(static_cast<std::size_t>(row.span));
}

TEST_F(TraceLayoutTest, PoisonChainRetriesThenDeadLetters) {
  const Trace trace = traceOf("OrderPlaced", "k13");
  ASSERT_EQ(trace.events.size(), 2u);  // the poison event and its copy on orders.dlq
  const TraceLayout layout(trace, s_policies);
  const auto& rows = layout.rows();
  ASSERT_EQ(rows.size(), 6u);
  const std::vector<std::pair<TraceRowKind, int>> shape = {
      {TraceRowKind::Event, 0},   {TraceRowKind::Attempt, 1}, {TraceRowKind::Attempt, 1},
      {TraceRowKind::Attempt, 1}, {TraceRowKind::Event, 1},   {TraceRowKind::Attempt, 2}};
  for (std::size_t r = 0; r < rows.size(); ++r) {
    EXPECT_EQ(rows[r].kind, shape[r].first) << r;
    EXPECT_EQ(rows[r].depth, shape[r].second) << r;
  }
  EXPECT_EQ(trace.events[rows[0].event].topic, "orders");
  EXPECT_EQ(trace.events[rows[4].event].topic, "orders.dlq");
  EXPECT_TRUE(rows[4].deadLetter);
  EXPECT_NE(rows[4].label.find("dead letter"), std::string::npos);

  // Three billing attempts: failed, failed (retry), dead-lettered (retry).
  const std::vector<SpanOutcome> outcomes = {SpanOutcome::Failed, SpanOutcome::Failed,
                                             SpanOutcome::DeadLettered};
  for (std::size_t a = 0; a < 3; ++a) {
    const TraceRow& row = rows[1 + a];
    const RecordedSpan& span = spanOf(trace, row);
    EXPECT_EQ(span.service, "billing");
    EXPECT_EQ(row.outcome, outcomes[a]);
    EXPECT_EQ(row.retry, a > 0);
    EXPECT_EQ(row.deadLetter, a == 2);
    // The processing part is the recorded span, exactly.
    ASSERT_FALSE(row.intervals.empty());
    EXPECT_EQ(row.intervals.back().kind, TraceIntervalKind::Processing);
    EXPECT_EQ(row.intervals.back().start, span.start);
    EXPECT_EQ(row.intervals.back().end, span.end);
    EXPECT_EQ(row.processing, 5 * kMillisecond);
  }
  // First attempt: waiting from the publish to its start.
  const RecordedEvent& poison = trace.events[rows[0].event];
  ASSERT_EQ(rows[1].intervals.size(), 2u);
  EXPECT_EQ(rows[1].intervals[0].kind, TraceIntervalKind::Waiting);
  EXPECT_EQ(rows[1].intervals[0].start, poison.t);
  EXPECT_EQ(rows[1].intervals[0].end, spanOf(trace, rows[1]).start);
  // Retries: the backoff (10 ms, then 20 ms) right after the failed attempt, then waiting.
  for (std::size_t a = 1; a < 3; ++a) {
    const TraceRow& row = rows[1 + a];
    const RecordedSpan& previous = spanOf(trace, rows[a]);
    const core::SimTime backoff = (a == 1 ? 10 : 20) * kMillisecond;
    ASSERT_EQ(row.intervals.size(), 3u);
    EXPECT_EQ(row.intervals[0].kind, TraceIntervalKind::Backoff);
    EXPECT_EQ(row.intervals[0].start, previous.end);
    EXPECT_EQ(row.intervals[0].end, previous.end + backoff);
    EXPECT_EQ(row.backoff, backoff);
    EXPECT_EQ(row.intervals[1].kind, TraceIntervalKind::Waiting);
    EXPECT_EQ(row.intervals[1].end, spanOf(trace, row).start);
    // Billing is idle: the retry starts when its backoff ends.
    EXPECT_EQ(spanOf(trace, row).start - previous.end, backoff);
    EXPECT_EQ(row.wait, 0);
  }
  // The dead letter is read by the dlq reader.
  EXPECT_EQ(spanOf(trace, rows[5]).service, "dlq-reader");
  EXPECT_EQ(rows[5].outcome, SpanOutcome::Acked);

  const TraceTotals& totals = layout.totals();
  EXPECT_EQ(totals.events, 2u);
  EXPECT_EQ(totals.attempts, 4u);
  EXPECT_EQ(totals.retries, 2u);
  EXPECT_EQ(totals.deadLetters, 1u);
  EXPECT_EQ(totals.duplicates, 0u);
  EXPECT_EQ(totals.begin, poison.t);
  EXPECT_EQ(totals.end, spanOf(trace, rows[5]).end);
  EXPECT_EQ(layout.path(),
            (std::vector<std::string>{"orders", "billing", "orders.dlq", "dlq-reader"}));
  EXPECT_EQ(layout.rowOfSpan(rows[2].span), 2);
  EXPECT_EQ(layout.rowOfEvent(rows[4].event), 4);
}

TEST_F(TraceLayoutTest, WithoutTheModelTheRetryGapIsWaitingAndTheDeadLetterIsStillFound) {
  const Trace trace = traceOf("OrderPlaced", "k13");
  const TraceLayout layout(trace);
  const auto& rows = layout.rows();
  ASSERT_EQ(rows.size(), 6u);
  ASSERT_EQ(rows[2].intervals.size(), 2u);
  EXPECT_EQ(rows[2].intervals[0].kind, TraceIntervalKind::Waiting);
  EXPECT_EQ(rows[2].intervals[0].start, spanOf(trace, rows[1]).end);
  EXPECT_EQ(rows[2].wait, 10 * kMillisecond);
  EXPECT_TRUE(rows[2].retry);
  EXPECT_TRUE(rows[4].deadLetter);
}

TEST_F(TraceLayoutTest, EmittedEventsNestUnderTheAttemptsOfTheirCause) {
  const Trace trace = traceOf("OrderPlaced", "k0");
  const TraceLayout layout(trace, s_policies);
  const auto& rows = layout.rows();
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].kind, TraceRowKind::Event);
  EXPECT_EQ(rows[0].depth, 0);
  EXPECT_EQ(spanOf(trace, rows[1]).service, "billing");
  EXPECT_EQ(rows[1].depth, 1);
  EXPECT_EQ(trace.events[rows[2].event].type, "InvoiceCreated");
  EXPECT_EQ(rows[2].depth, 1);
  EXPECT_FALSE(rows[2].deadLetter);
  EXPECT_EQ(spanOf(trace, rows[3]).service, "mailer");
  EXPECT_EQ(rows[3].depth, 2);
  // The invoice waits from its publish (the end of billing's attempt) for the mailer.
  EXPECT_EQ(rows[3].intervals.front().start, trace.events[rows[2].event].t);
  EXPECT_EQ(layout.path(),
            (std::vector<std::string>{"checkout", "orders", "billing", "invoices", "mailer"}));
}

// Hand-made traces for what a small scenario does not show.
RecordedSpan span(std::uint64_t event, const std::string& service, core::SimTime start,
                  core::SimTime end, SpanOutcome outcome, std::uint32_t attempt,
                  std::int32_t reason = 0, std::int32_t instance = 0) {
  RecordedSpan s;
  s.event = event;
  s.service = service;
  s.start = start;
  s.end = end;
  s.outcome = outcome;
  s.attempt = attempt;
  s.reason = reason;
  s.instance = instance;
  return s;
}

RecordedEvent event(std::uint64_t id, core::SimTime t, std::uint64_t causation) {
  RecordedEvent e;
  e.id = id;
  e.t = t;
  e.type = "E";
  e.topic = "t";
  e.causation = causation;
  e.correlation = 1;
  e.origin = causation ? "service s" : "producer p";
  return e;
}

TEST(TraceLayoutMarks, DuplicatesDropsAndZombies) {
  Trace trace;
  trace.events = {event(1, 0, 0)};
  trace.spans = {
      // By start, as Recording::trace gives them.
      span(1, "d", 5, 5, SpanOutcome::Dropped, 0, core::store::kReasonDroppedNewest, -1),
      span(1, "s", 10, 20, SpanOutcome::TimedOut, 1),
      span(1, "s", 10, 50, SpanOutcome::ZombieDone, 1),
      span(1, "s", 30, 40, SpanOutcome::Acked, 2),
      span(1, "s", 60, 70, SpanOutcome::Acked, 3, core::store::kDuplicateCopy),
  };
  const TraceLayout layout(trace);
  const auto& rows = layout.rows();
  ASSERT_EQ(rows.size(), 6u);
  // Grouped by service in order of their first span: the drop of "d" first.
  EXPECT_TRUE(rows[1].dropped);
  EXPECT_EQ(rows[1].intervals.front().kind, TraceIntervalKind::Drop);
  EXPECT_EQ(rows[2].outcome, SpanOutcome::TimedOut);
  // The zombie (the timed-out work carried on) is only its processing.
  const TraceRow& zombie = rows[3];
  EXPECT_EQ(zombie.outcome, SpanOutcome::ZombieDone);
  ASSERT_EQ(zombie.intervals.size(), 1u);
  EXPECT_EQ(zombie.intervals[0].kind, TraceIntervalKind::Processing);
  // Redelivery after the timeout: waits from the timed-out attempt's end; not a retry.
  const TraceRow& redelivered = rows[4];
  EXPECT_EQ(redelivered.intervals.front().start, 20);
  EXPECT_EQ(redelivered.wait, 10);
  EXPECT_FALSE(redelivered.retry);
  EXPECT_FALSE(redelivered.duplicate);
  // The broker's second copy is a duplicate.
  EXPECT_TRUE(rows[5].duplicate);
  EXPECT_EQ(layout.totals().duplicates, 1u);
  EXPECT_EQ(layout.totals().drops, 1u);
  EXPECT_EQ(layout.totals().attempts, 4u);
}

TEST(TraceLayoutMarks, ASecondAckBySameServiceIsADuplicate) {
  Trace trace;
  trace.events = {event(1, 0, 0)};
  trace.spans = {span(1, "s", 0, 10, SpanOutcome::Acked, 1),
                 span(1, "s", 20, 30, SpanOutcome::Acked, 2)};
  const TraceLayout layout(trace);
  ASSERT_EQ(layout.rows().size(), 3u);
  EXPECT_FALSE(layout.rows()[1].duplicate);
  EXPECT_TRUE(layout.rows()[2].duplicate);
}

TEST(TraceLayoutMarks, CausationCyclesAndForeignCausesStillShowEveryEvent) {
  Trace trace;
  trace.events = {event(5, 0, 6), event(6, 1, 5), event(7, 2, 99)};
  const TraceLayout layout(trace);
  ASSERT_EQ(layout.rows().size(), 3u);
  EXPECT_EQ(layout.rows()[0].depth, 0);  // 7: its cause is not in the trace
  EXPECT_EQ(layout.totals().events, 3u);
}

TEST(TraceLayoutMarks, EmptyTrace) {
  const TraceLayout layout{Trace{}};
  EXPECT_TRUE(layout.empty());
  EXPECT_EQ(layout.rowOfSpan(0), -1);
}

TEST(TraceLayoutOrigin, NamesTheNode) {
  EXPECT_EQ(originNode("producer checkout"), "checkout");
  EXPECT_EQ(originNode("service billing"), "billing");
  EXPECT_EQ(originNode("broker (for billing)"), "billing");
  EXPECT_EQ(originNode("injection"), "");
}

}  // namespace
}  // namespace eventscope::ui
