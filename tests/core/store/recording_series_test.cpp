// Recording::timeSeries, flows and eventTimesAround: what the GUI's timeline and charts read.
#include <gtest/gtest.h>

#include "core/store/recording.h"
#include "support/demo_scenarios.h"
#include "support/record_scenario.h"

namespace eventscope::core::store {
namespace {

class RecordingSeriesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Scenario s = testing::demoScenario("order-pipeline.yaml");
    s.duration = 12 * kSecond;
    m_path = m_dir.file("run.evrec");
    m_result = testing::recordScenario(s, m_path, 4096);
    std::string error;
    m_recording = Recording::open(m_path, &error);
    ASSERT_NE(m_recording, nullptr) << error;
  }
  testing::TempDir m_dir;
  std::string m_path;
  RunResult m_result;
  std::unique_ptr<Recording> m_recording;
};

TEST_F(RecordingSeriesTest, TimeSeriesIsTheRunsSeries) {
  TimeSeries series;
  std::string error;
  ASSERT_TRUE(m_recording->timeSeries(series, &error)) << error;
  const TimeSeries& run = m_result.series;
  EXPECT_EQ(series.bucketWidth, run.bucketWidth);
  EXPECT_EQ(series.serviceNames, run.serviceNames);
  ASSERT_EQ(series.bucketCount(), run.bucketCount());
  for (std::size_t s = 0; s < run.services.size(); ++s) {
    for (std::size_t b = 0; b < run.bucketCount(); ++b) {
      const ServiceSample& want = run.services[s][b];
      const ServiceSample& got = series.services[s][b];
      ASSERT_FLOAT_EQ(got.backlog, want.backlog) << s << " " << b;
      ASSERT_FLOAT_EQ(got.throughput, want.throughput) << s << " " << b;
      ASSERT_FLOAT_EQ(got.latencyP95, want.latencyP95) << s << " " << b;
      ASSERT_EQ(got.acked, want.acked) << s << " " << b;
      ASSERT_EQ(got.retries, want.retries) << s << " " << b;
      ASSERT_EQ(got.deadLettered, want.deadLettered) << s << " " << b;
      ASSERT_EQ(got.instances, want.instances) << s << " " << b;
    }
    ASSERT_EQ(series.queues[s].size(), run.queues[s].size()) << s;
    for (std::size_t q = 0; q < run.queues[s].size(); ++q)
      for (std::size_t b = 0; b < run.bucketCount(); ++b)
        ASSERT_FLOAT_EQ(series.queues[s][q][b].lag, run.queues[s][q][b].lag);
  }
}

TEST_F(RecordingSeriesTest, FlowsNameWhoPublishedWhereAndWhy) {
  std::vector<Recording::Flow> flows;
  std::string error;
  ASSERT_TRUE(m_recording->flows(flows, &error)) << error;
  const auto has = [&](OriginKind kind, const std::string& origin, const std::string& topic,
                       const std::string& cause) {
    return std::any_of(flows.begin(), flows.end(), [&](const Recording::Flow& f) {
      return f.kind == kind && f.origin == origin && f.topic == topic && f.causeTopic == cause;
    });
  };
  EXPECT_TRUE(has(OriginKind::Producer, "checkout", "orders", ""));
  EXPECT_TRUE(has(OriginKind::Service, "billing", "payments", "orders"));
}

TEST_F(RecordingSeriesTest, EventTimesAroundATime) {
  EventQuery query;
  query.from = 3 * kSecond;
  query.limit = 2;
  EventPage page;
  std::string error;
  ASSERT_TRUE(m_recording->events(query, page, &error)) << error;
  ASSERT_EQ(page.events.size(), 2u);
  const SimTime t = page.events[0].t;
  std::optional<SimTime> before, after;
  ASSERT_TRUE(m_recording->eventTimesAround(t, before, after, &error)) << error;
  ASSERT_TRUE(before && after);
  EXPECT_LT(*before, t);
  EXPECT_GT(*after, t);
  EXPECT_LE(*after, page.events[1].t > t ? page.events[1].t : *after);
  ASSERT_TRUE(m_recording->eventTimesAround(0, before, after, &error));
  EXPECT_FALSE(before.has_value());
  ASSERT_TRUE(m_recording->eventTimesAround(kNever / 2, before, after, &error));
  EXPECT_FALSE(after.has_value());
  EXPECT_TRUE(before.has_value());
}

}  // namespace
}  // namespace eventscope::core::store
