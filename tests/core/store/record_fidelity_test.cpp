// Record -> read back: what a recording says (its summary, every trace) equals what the live
// run that made it did, as an independent observer saw it during the run.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>

#include "core/bus/bus.h"
#include "core/io/report_json.h"
#include "core/sim/observer_fanout.h"
#include "core/store/recorder.h"
#include "core/store/recording.h"
#include "support/demo_scenarios.h"
#include "support/record_scenario.h"

namespace eventscope::core::store {
namespace {

using SpanKey = std::tuple<std::uint64_t, std::string, std::int32_t, SimTime, SimTime, SpanOutcome,
                           std::uint32_t>;

SpanKey keyOf(const RecordedSpan& s) {
  return {s.event, s.service, s.instance, s.start, s.end, s.outcome, s.attempt};
}

// Writes down, with names, every event and every ended attempt of the live run.
class LiveTraces final : public EngineObserver {
 public:
  std::map<std::uint64_t, std::vector<RecordedEvent>> events;  // by correlation id
  std::map<std::uint64_t, std::uint64_t> correlationOf;        // event id -> correlation
  std::map<std::uint64_t, std::vector<SpanKey>> spans;         // by correlation id
  std::uint64_t published = 0, attempts = 0;

  void onRunStart(const Bus& bus) override { m_bus = &bus; }
  void onPublished(SimTime now, const Event& event, const PublisherRef&) override {
    ++published;
    RecordedEvent e;
    e.id = event.id;
    e.t = now;
    e.type = m_bus->eventType(event.type);
    e.topic = m_bus->topics()[event.topic].name;
    e.partition = event.partition;
    e.schema = event.schema;
    if (event.key != kNoKey) e.key = m_bus->keys().text(event.key);
    e.correlation = event.correlationId;
    e.causation = event.causationId;
    e.payload = m_bus->payload(event.payload);
    events[event.correlationId].push_back(e);
    correlationOf[event.id] = event.correlationId;
  }
  void onAttemptEnded(SimTime now, const AttemptInfo& attempt, const Event& event,
                      const AttemptEnd& end) override {
    ++attempts;
    spans[event.correlationId].push_back({event.id, m_bus->services()[attempt.service].name,
                                          static_cast<std::int32_t>(attempt.instance),
                                          attempt.startedAt, now, outcome(end.outcome),
                                          attempt.delivery.attempts});
  }
  void onRefused(SimTime now, const Event& event, Refusal, std::int32_t service,
                 std::uint32_t) override {
    if (service < 0 || event.id == 0) return;
    ++attempts;
    spans[event.correlationId].push_back({event.id,
                                          m_bus->services()[static_cast<std::size_t>(service)].name,
                                          -1, now, now, SpanOutcome::Dropped, 0});
  }

 private:
  static SpanOutcome outcome(AttemptOutcome outcome) {
    switch (outcome) {
      case AttemptOutcome::Acked:
        return SpanOutcome::Acked;
      case AttemptOutcome::Failed:
        return SpanOutcome::Failed;
      case AttemptOutcome::DeadLettered:
        return SpanOutcome::DeadLettered;
      case AttemptOutcome::Discarded:
        return SpanOutcome::Discarded;
      case AttemptOutcome::Crashed:
        return SpanOutcome::Redelivered;
      case AttemptOutcome::TimedOut:
        return SpanOutcome::TimedOut;
      case AttemptOutcome::ZombieDone:
        return SpanOutcome::ZombieDone;
    }
    return SpanOutcome::Acked;
  }
  const Bus* m_bus = nullptr;
};

// The demo pipeline, with a broker duplicating deliveries and a small dropping topic: retries,
// dead letters, a crash, duplicates and drops all appear.
Scenario busyDemo() {
  Scenario s = testing::demoScenario("order-pipeline.yaml");
  s.duration = 25 * kSecond;
  s.faults.push_back(FaultSpec{.kind = FaultSpec::Kind::Duplicate,
                               .at = 2 * kSecond,
                               .duration = 5 * kSecond,
                               .target = "orders",
                               .fraction = 0.2});
  for (TopicSpec& topic : s.topics) {
    if (topic.name == "shipments") {
      topic.capacity = 3;
      topic.overflow = Overflow::DropNewest;
    }
  }
  return s;
}

TEST(RecordFidelityTest, TheRecordingsSummaryAndEveryTraceEqualTheLiveRun) {
  testing::TempDir dir;
  const Scenario scenario = busyDemo();
  std::string error;
  auto writer = RecordingWriter::create(dir.file("run.evrec"), {}, &error);
  ASSERT_NE(writer, nullptr) << error;
  const SimTime bucket = chooseBucketWidth(scenario.duration);
  Recorder recorder(std::move(writer), {.scenarioText = "text"}, scenario.warmup, bucket, 5000);
  LiveTraces live;
  ObserverFanout both;
  both.add(&recorder);
  both.add(&live);
  const RunResult result = runScenario(scenario, {.bucketWidth = bucket, .observer = &both});
  ASSERT_TRUE(recorder.finish(&result.report, &error)) << error;

  auto recording = Recording::open(dir.file("run.evrec"), &error);
  ASSERT_NE(recording, nullptr) << error;
  RecordingSummary summary;
  ASSERT_TRUE(recording->summary(summary, &error)) << error;
  EXPECT_EQ(summary.events, live.published);
  EXPECT_EQ(summary.attempts, live.attempts);
  EXPECT_EQ(summary.seed, scenario.seed);
  EXPECT_EQ(summary.duration, scenario.duration);
  EXPECT_EQ(summary.reportJson, reportToJson(result.report).dump());
  ASSERT_GT(result.report.totals.deadLettered, 0u);
  ASSERT_GT(result.report.totals.dropped, 0u);
  ASSERT_GT(result.report.totals.duplicatesProcessed + result.report.services[0].duplicatesSkipped,
            0u);

  std::size_t compared = 0;
  for (const auto& [correlation, events] : live.events) {
    Trace trace;
    ASSERT_TRUE(recording->trace(correlation, trace, &error)) << error;
    ASSERT_EQ(trace.events.size(), events.size()) << "correlation " << correlation;
    for (std::size_t i = 0; i < events.size(); ++i) {
      const RecordedEvent &a = events[i], &b = trace.events[i];
      ASSERT_EQ(std::tie(a.id, a.t, a.type, a.topic, a.partition, a.schema, a.key, a.correlation,
                         a.causation, a.payload),
                std::tie(b.id, b.t, b.type, b.topic, b.partition, b.schema, b.key, b.correlation,
                         b.causation, b.payload));
    }
    std::vector<SpanKey> expected = live.spans[correlation], actual;
    for (const RecordedSpan& span : trace.spans)
      actual.push_back(keyOf(span));
    std::sort(expected.begin(), expected.end());
    std::sort(actual.begin(), actual.end());
    ASSERT_EQ(actual, expected) << "correlation " << correlation;
    ++compared;
  }
  EXPECT_GT(compared, 4000u);
}

}  // namespace
}  // namespace eventscope::core::store
