// Recording::timeSeries: a recording's metric buckets read back as the run's own TimeSeries.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "core/store/recording.h"
#include "support/demo_scenarios.h"
#include "support/record_scenario.h"

namespace eventscope::core::store {
namespace {

TEST(RecordingSeriesTest, BucketsReadBackAsTheRunsSeries) {
  testing::TempDir dir;
  Scenario scenario = testing::demoScenario("order-pipeline.yaml");
  scenario.duration = 8 * kSecond;
  scenario.warmup = kSecond;
  const RunResult run = testing::recordScenario(scenario, dir.file("run.evrec"));
  std::string error;
  auto recording = Recording::open(dir.file("run.evrec"), &error);
  ASSERT_NE(recording, nullptr) << error;
  TimeSeries read;
  ASSERT_TRUE(recording->timeSeries(read, &error)) << error;

  const TimeSeries& live = run.series;
  EXPECT_EQ(read.bucketWidth, live.bucketWidth);
  EXPECT_EQ(read.serviceNames, live.serviceNames);
  ASSERT_EQ(read.bucketCount(), live.bucketCount());
  ASSERT_GT(live.bucketCount(), 10u);
  ASSERT_EQ(read.queues.size(), live.queues.size());
  for (std::size_t s = 0; s < live.services.size(); ++s) {
    ASSERT_EQ(read.queues[s].size(), live.queues[s].size()) << live.serviceNames[s];
    for (std::size_t b = 0; b < live.bucketCount(); ++b) {
      const ServiceSample& x = read.services[s][b];
      const ServiceSample& y = live.services[s][b];
      EXPECT_EQ(x.backlog, y.backlog);
      EXPECT_EQ(x.throughput, y.throughput);
      EXPECT_EQ(x.latencyP95, y.latencyP95);
      EXPECT_EQ(x.instances, y.instances);
      EXPECT_EQ(x.retries, y.retries);
      EXPECT_EQ(x.deadLettered, y.deadLettered);
      for (std::size_t q = 0; q < live.queues[s].size(); ++q)
        EXPECT_EQ(read.queues[s][q][b].backlog, live.queues[s][q][b].backlog);
    }
  }
}

TEST(RecordingSeriesTest, OutOfRangeBucketsAreDamageNotACrash) {
  testing::TempDir dir;
  Scenario scenario = testing::demoScenario("order-pipeline.yaml");
  scenario.duration = 2 * kSecond;
  scenario.warmup = 0;
  const std::string path = dir.file("run.evrec");
  testing::recordScenario(scenario, path);
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("INSERT INTO buckets(service, queue, bucket) VALUES (0, -1, 900000000)");
  }
  std::string error;
  auto recording = Recording::open(path, &error);
  ASSERT_NE(recording, nullptr) << error;
  TimeSeries read;
  EXPECT_FALSE(recording->timeSeries(read, &error));
  EXPECT_NE(error.find("damaged"), std::string::npos) << error;
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("DELETE FROM buckets WHERE bucket = 900000000");
    db.exec("INSERT INTO buckets(service, queue, bucket) VALUES (99, -1, 0)");
  }
  recording = Recording::open(path, &error);
  ASSERT_NE(recording, nullptr) << error;
  EXPECT_FALSE(recording->timeSeries(read, &error));
  EXPECT_EQ(read.bucketCount(), 0u);
}

// Flows and times around a time: what the GUI derives a topology from and steps by.
class RecordingFlowsTest : public ::testing::Test {
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

TEST_F(RecordingFlowsTest, FlowsNameWhoPublishedWhereAndWhy) {
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

TEST_F(RecordingFlowsTest, EventTimesAroundATime) {
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

// A time window with fewer events than the limit returns exactly them (and stops at the
// window's end rather than reading on to the end of the table).
TEST_F(RecordingFlowsTest, ATimeWindowEndsAtItsEnd) {
  EventQuery query;
  query.from = 2 * kSecond;
  query.to = 2 * kSecond + 20 * kMillisecond;
  query.limit = 100000;
  EventPage page;
  std::string error;
  ASSERT_TRUE(m_recording->events(query, page, &error)) << error;
  ASSERT_FALSE(page.events.empty());
  EXPECT_FALSE(page.more);
  for (const auto& e : page.events) {
    EXPECT_GE(e.t, query.from);
    EXPECT_LT(e.t, query.to);
  }
  // Every event of the window: the ones just outside are outside.
  std::optional<SimTime> before, after;
  ASSERT_TRUE(m_recording->eventTimesAround(page.events.back().t, before, after, &error));
  ASSERT_TRUE(after.has_value());
  EXPECT_GE(*after, query.to);
  query.to = query.from;  // an empty window
  ASSERT_TRUE(m_recording->events(query, page, &error));
  EXPECT_TRUE(page.events.empty());
}

}  // namespace
}  // namespace eventscope::core::store
