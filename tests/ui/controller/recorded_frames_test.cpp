#include "ui/controller/recorded_frames.h"

#include <gtest/gtest.h>

#include "core/io/recorded_model.h"
#include "support/demo_scenarios.h"
#include "support/record_scenario.h"

namespace eventscope::ui {
namespace {

using core::kSecond;

class RecordedFramesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    core::Scenario demo = core::testing::demoScenario("order-pipeline.yaml");
    demo.duration = 30 * kSecond;  // billing crashes at 20 s in the demo
    core::testing::recordScenario(demo, m_dir.file("run.evrec"), 4096);
    std::string error;
    m_recording = core::store::Recording::open(m_dir.file("run.evrec"), &error);
    ASSERT_NE(m_recording, nullptr) << error;
    auto model = core::recordedModel(*m_recording, &error);
    ASSERT_TRUE(model) << error;
    core::TimeSeries series;
    ASSERT_TRUE(m_recording->timeSeries(series, &error)) << error;
    m_frames = std::make_unique<RecordedFrames>(m_recording, model->scenario, std::move(series));
  }
  core::testing::TempDir m_dir;
  std::shared_ptr<const core::store::Recording> m_recording;
  std::unique_ptr<RecordedFrames> m_frames;
};

// Scrubbing to T shows what the core reader says about T.
TEST_F(RecordedFramesTest, TheStateAtTIsTheReadersStateAtT) {
  EXPECT_EQ(m_frames->end(), 30 * kSecond);
  const auto& scenario = m_frames->scenario();
  for (core::SimTime t :
       {core::SimTime{0}, 3 * kSecond, 21 * kSecond + 1234567, 25 * kSecond, 30 * kSecond}) {
    LiveSnapshot snapshot;
    std::string error;
    ASSERT_TRUE(m_frames->snapshotAt(t, core::kMillisecond * 50, snapshot, &error)) << error;
    core::store::StateAt state;
    ASSERT_TRUE(m_recording->stateAt(t, state, &error)) << error;
    EXPECT_EQ(snapshot.now, t);
    ASSERT_EQ(snapshot.services.size(), scenario.services.size());
    for (const auto& at : state.services) {
      std::size_t index = 0;
      while (scenario.services[index].name != at.name)
        ++index;
      const ServiceView& view = snapshot.services[index];
      EXPECT_EQ(view.waiting + view.inProcess + view.delayed, at.held) << at.name << " at " << t;
      EXPECT_EQ(view.inProcess, at.inProcess) << at.name;
      EXPECT_EQ(view.delayed, at.delayed) << at.name;
      std::uint32_t up = 0;
      for (auto instance : view.instances)
        up += instance != core::InstanceState::Down ? 1 : 0;
      EXPECT_EQ(up, at.instancesUp) << at.name << " at " << t;
    }
    EXPECT_EQ(snapshot.series, m_frames->series());
  }
}

TEST_F(RecordedFramesTest, CountersAreTheBucketsClosedBeforeT) {
  LiveSnapshot early, late;
  std::string error;
  ASSERT_TRUE(m_frames->snapshotAt(5 * kSecond, kSecond, early, &error));
  ASSERT_TRUE(m_frames->snapshotAt(30 * kSecond, kSecond, late, &error));
  const core::TimeSeries& series = *m_frames->series();
  std::uint64_t acked = 0;
  for (const auto& sample : series.services[0])
    acked += sample.acked;
  EXPECT_EQ(late.services[0].acked, acked);  // billing, all of it
  EXPECT_GT(early.services[0].acked, 0u);
  EXPECT_LT(early.services[0].acked, late.services[0].acked);
  EXPECT_GT(early.services[0].throughput, 0);
  EXPECT_TRUE(late.finished);
}

TEST_F(RecordedFramesTest, TokensShowWhatMovedJustBeforeT) {
  LiveSnapshot snapshot;
  std::string error;
  ASSERT_TRUE(m_frames->snapshotAt(10 * kSecond, 100 * core::kMillisecond, snapshot, &error));
  ASSERT_FALSE(snapshot.tokens.empty());
  bool published = false, delivered = false;
  for (const Token& token : snapshot.tokens) {
    published |= token.kind == TokenKind::Publish && token.from.kind == NodeKind::Producer;
    delivered |= token.kind == TokenKind::Deliver && token.to.kind == NodeKind::Service;
  }
  EXPECT_TRUE(published);
  EXPECT_TRUE(delivered);
  EXPECT_LE(snapshot.tokens.size(), 3 * RecordedFrames::kMaxTokens);
}

TEST_F(RecordedFramesTest, StepsGoFromEventToEvent) {
  const core::SimTime t = 7 * kSecond;
  const core::SimTime next = m_frames->nextEventTime(t);
  const core::SimTime previous = m_frames->previousEventTime(t);
  EXPECT_GT(next, t);
  EXPECT_LT(previous, t);
  EXPECT_LT(next - previous, kSecond);  // the demo publishes ~200 orders a second
  EXPECT_EQ(m_frames->previousEventTime(0), 0);
  EXPECT_EQ(m_frames->nextEventTime(m_frames->end()), m_frames->end());
}

}  // namespace
}  // namespace eventscope::ui
