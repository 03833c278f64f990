#include "core/store/recording.h"

#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>

#include "core/store/recording_batch.h"
#include "support/demo_scenarios.h"
#include "support/record_scenario.h"
#include "support/scenario_builders.h"

namespace eventscope::core::store {
namespace {

Scenario demo() {
  Scenario s = testing::demoScenario("order-pipeline.yaml");
  s.duration = 20 * kSecond;
  s.warmup = kSecond;
  return s;
}

class RecordingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_path = m_dir.file("run.evrec");
    m_result = testing::recordScenario(demo(), m_path, 4096);
    std::string error;
    m_recording = Recording::open(m_path, &error);
    ASSERT_NE(m_recording, nullptr) << error;
  }
  testing::TempDir m_dir;
  std::string m_path;
  RunResult m_result;
  std::unique_ptr<Recording> m_recording;
};

TEST_F(RecordingTest, SummaryMatchesTheRun) {
  RecordingSummary summary;
  std::string error;
  ASSERT_TRUE(m_recording->summary(summary, &error)) << error;
  EXPECT_TRUE(summary.complete());
  EXPECT_EQ(summary.source, "simulation");
  EXPECT_EQ(summary.scenarioName, "Order pipeline");
  EXPECT_EQ(summary.seed, 42u);
  EXPECT_EQ(summary.events, m_result.report.totals.produced);
  EXPECT_GT(summary.batches, 5u);  // small batches: many transactions
  EXPECT_EQ(summary.services, (std::vector<std::string>{"billing", "inventory", "notifications",
                                                        "shipping", "analytics"}));
  const auto report = nlohmann::json::parse(summary.reportJson);
  EXPECT_EQ(report["totals"]["acked"], m_result.report.totals.acked);
}

TEST_F(RecordingTest, EveryAttemptIsASpanAndAcksMatchTheReport) {
  std::map<std::string, std::uint64_t> acked;
  EventQuery all;
  all.limit = 1000;
  EventPage page;
  std::string error;
  std::uint64_t events = 0;
  do {
    ASSERT_TRUE(m_recording->events(all, page, &error)) << error;
    for (const RecordedSpan& span : page.spans) {
      if (span.outcome == SpanOutcome::Acked && (span.reason & kDuplicateProcessed) == 0 &&
          (span.reason & kDuplicateSkipped) == 0) {
        ++acked[span.service];
      }
    }
    events += page.events.size();
    if (!page.events.empty()) all.afterId = page.events.back().id;
  } while (page.more);
  EXPECT_EQ(events, m_result.report.totals.produced);
  for (const ServiceReport& service : m_result.report.services) {
    EXPECT_EQ(acked[service.name], service.acked) << service.name;
  }
}

TEST_F(RecordingTest, FiltersAndKeysetPages) {
  EventQuery query;
  query.type = "PaymentCaptured";
  query.limit = 10;
  EventPage page;
  std::string error;
  ASSERT_TRUE(m_recording->events(query, page, &error)) << error;
  ASSERT_EQ(page.events.size(), 10u);
  EXPECT_TRUE(page.more);
  for (const RecordedEvent& e : page.events) {
    EXPECT_EQ(e.type, "PaymentCaptured");
    EXPECT_EQ(e.topic, "payments");
    EXPECT_EQ(e.origin, "service billing");
    EXPECT_NE(e.causation, 0u);
  }
  EventQuery next = query;
  next.afterId = page.events.back().id;
  EventPage second;
  ASSERT_TRUE(m_recording->events(next, second, &error));
  EXPECT_GT(second.events.front().id, page.events.back().id);

  EventQuery poison;
  poison.key = "k13";
  poison.service = "billing";
  poison.outcome = SpanOutcome::DeadLettered;
  ASSERT_TRUE(m_recording->events(poison, page, &error));
  ASSERT_FALSE(page.events.empty());
  for (const RecordedEvent& e : page.events)
    EXPECT_EQ(e.key, "k13");

  EventQuery late;
  late.from = 10 * kSecond;
  late.limit = 1;
  ASSERT_TRUE(m_recording->events(late, page, &error));
  ASSERT_EQ(page.events.size(), 1u);
  EXPECT_GE(page.events[0].t, 10 * kSecond);
  EXPECT_LT(page.events[0].t, 10 * kSecond + 100 * kMillisecond);
}

TEST_F(RecordingTest, TraceFollowsAChainThroughItsServices) {
  EventQuery query;
  query.type = "ShipmentScheduled";
  query.limit = 1;
  EventPage page;
  std::string error;
  ASSERT_TRUE(m_recording->events(query, page, &error));
  ASSERT_EQ(page.events.size(), 1u);
  Trace trace;
  ASSERT_TRUE(m_recording->trace(page.events[0].correlation, trace, &error)) << error;
  ASSERT_EQ(trace.events.size(), 3u);  // OrderPlaced -> PaymentCaptured -> ShipmentScheduled
  EXPECT_EQ(trace.events[0].type, "OrderPlaced");
  EXPECT_EQ(trace.events[1].causation, trace.events[0].id);
  EXPECT_EQ(trace.events[2].causation, trace.events[1].id);
  std::map<std::string, int> spans;
  for (const RecordedSpan& s : trace.spans)
    ++spans[s.service];
  for (const char* service : {"billing", "inventory", "notifications", "shipping", "analytics"}) {
    EXPECT_GE(spans[service], 1) << service;
  }
}

TEST_F(RecordingTest, StateAtATimeAndSeries) {
  StateAt state;
  std::string error;
  ASSERT_TRUE(m_recording->stateAt(25 * kSecond, state, &error)) << error;  // after the crash
  EXPECT_LE(state.checkpoint, 25 * kSecond);
  ASSERT_EQ(state.services.size(), 5u);
  EXPECT_EQ(state.services[0].name, "billing");
  EXPECT_EQ(state.services[0].instances.size(), 3u);
  ASSERT_EQ(state.services[1].queues.size(), 4u);  // inventory reads 4 partitions of orders
  EXPECT_EQ(state.services[1].queues[3].partition, 3u);

  std::vector<SeriesPoint> throughput;
  ASSERT_TRUE(m_recording->series(0, -1, "throughput", 0, 20 * kSecond, 50, throughput, &error));
  ASSERT_FALSE(throughput.empty());
  EXPECT_LE(throughput.size(), 50u);
  double mean = 0;
  for (const auto& p : throughput)
    mean += p.mean;
  EXPECT_NEAR(mean / throughput.size(), 200, 20);  // billing acks ~200/s
  EXPECT_FALSE(
      m_recording->series(0, -1, "x; DROP TABLE events", 0, kSecond, 5, throughput, &error));
}

}  // namespace
}  // namespace eventscope::core::store
