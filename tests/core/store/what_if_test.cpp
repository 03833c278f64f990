// runWhatIf / WhatIf / runRecorded: the what-if flow the CLI's replay and the GUI share.
#include "core/store/what_if.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>

#include "core/io/scenario_writer.h"
#include "core/store/stored_report.h"
#include "support/demo_scenarios.h"
#include "support/record_scenario.h"

namespace eventscope::core::store {
namespace {

Scenario demo() {
  Scenario s = testing::demoScenario("order-pipeline.yaml");
  s.duration = 12 * kSecond;
  s.warmup = kSecond;
  return s;
}

Scenario withBillingInstances(int instances) {
  Scenario s = demo();
  for (ServiceSpec& service : s.services)
    if (service.name == "billing") service.instances = instances;
  return s;
}

const ServiceReport& serviceOf(const RunReport& report, const std::string& name) {
  for (const ServiceReport& s : report.services)
    if (s.name == name) return s;
  ADD_FAILURE() << "no service " << name;
  static const ServiceReport none;
  return none;
}

class WhatIfTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_original = m_dir.file("original.evrec");
    m_recorded = testing::recordScenario(demo(), m_original);
  }
  testing::TempDir m_dir;
  std::string m_original;
  RunResult m_recorded;
};

TEST_F(WhatIfTest, ReplayIntoTheSameScenarioIsTheSameRun) {
  const std::string out = m_dir.file("same.evrec");
  const WhatIfResult result = runWhatIf(m_original, demo(), out, writeScenario(demo()));
  ASSERT_TRUE(result.run.ok) << result.run.error;
  EXPECT_GT(result.inputs, 1000u);
  RunReport stored;
  std::string error;
  ASSERT_TRUE(readStoredReport(out, stored, &error)) << error;
  EXPECT_EQ(stored.totals.acked, m_recorded.report.totals.acked);
  EXPECT_EQ(serviceOf(stored, "billing").latency.p95,
            serviceOf(m_recorded.report, "billing").latency.p95);
  auto recording = Recording::open(out, &error);
  ASSERT_NE(recording, nullptr) << error;
  RecordingSummary summary;
  ASSERT_TRUE(recording->summary(summary, &error)) << error;
  EXPECT_EQ(summary.source, "replay");
  EXPECT_EQ(summary.origin, m_original);
  EXPECT_EQ(recording->meta("scenario"), writeScenario(demo()));
}

TEST_F(WhatIfTest, MoreBillingInstancesChangeOnlyWhatDependsOnBilling) {
  const std::string out = m_dir.file("more.evrec");
  std::vector<std::pair<SimTime, SimTime>> progress;
  const WhatIfResult result =
      runWhatIf(m_original, withBillingInstances(6), out, "",
                [&](SimTime now, SimTime end) { progress.emplace_back(now, end); });
  ASSERT_TRUE(result.run.ok) << result.run.error;
  ASSERT_FALSE(progress.empty());
  EXPECT_EQ(progress.back().first, progress.back().second);
  EXPECT_EQ(progress.back().second, 12 * kSecond);
  const RunReport& b = result.run.result.report;
  const RunReport& a = m_recorded.report;
  EXPECT_LT(serviceOf(b, "billing").backlogMean, serviceOf(a, "billing").backlogMean);
  EXPECT_DOUBLE_EQ(serviceOf(b, "billing").instancesMean,
                   serviceOf(a, "billing").instancesMean + 3);
  // Same inputs, same seed: a service that does not hang on billing sees the very same run.
  EXPECT_EQ(serviceOf(b, "inventory").latency.p95, serviceOf(a, "inventory").latency.p95);
  EXPECT_EQ(serviceOf(b, "notifications").acked, serviceOf(a, "notifications").acked);
}

TEST_F(WhatIfTest, CancelledRunLeavesNoFile) {
  const std::string out = m_dir.file("cancelled.evrec");
  int slices = 0;
  const WhatIfResult result =
      runWhatIf(m_original, withBillingInstances(6), out, "", {}, [&] { return ++slices >= 20; });
  EXPECT_TRUE(result.run.cancelled);
  EXPECT_FALSE(result.run.ok);
  EXPECT_EQ(slices, 20);
  for (const char* suffix : {"", "-wal", "-shm"})
    EXPECT_FALSE(std::filesystem::exists(out + suffix)) << suffix;
}

TEST_F(WhatIfTest, ScenarioWithoutTheInputsTopicIsRefusedBeforeAnyWork) {
  Scenario other = demo();
  for (TopicSpec& topic : other.topics)
    if (topic.name == "orders") topic.name = "purchases";
  const std::string out = m_dir.file("refused.evrec");
  const WhatIfResult result = runWhatIf(m_original, other, out, "");
  EXPECT_FALSE(result.run.ok);
  EXPECT_FALSE(result.run.started);
  EXPECT_NE(result.run.error.find("cannot replay " + m_original +
                                  ": the recording's inputs go to "
                                  "topic 'orders'"),
            std::string::npos)
      << result.run.error;
  EXPECT_FALSE(std::filesystem::exists(out));
}

TEST_F(WhatIfTest, NotARecordingIsRefusedInOneSentence) {
  const WhatIfResult result =
      runWhatIf(std::string(EVENTSCOPE_SOURCE_DIR) + "/resources/scenarios/order-pipeline.yaml",
                demo(), m_dir.file("x.evrec"), "");
  EXPECT_FALSE(result.run.ok);
  EXPECT_NE(result.run.error.find("order-pipeline.yaml"), std::string::npos) << result.run.error;
  EXPECT_EQ(result.run.error.find('\n'), std::string::npos);
}

TEST_F(WhatIfTest, AnExistingOutputIsNotOverwrittenUnlessAsked) {
  const std::string out = m_dir.file("exists.evrec");
  std::filesystem::copy_file(m_original, out);
  const WhatIfResult result = runWhatIf(m_original, demo(), out, "");
  EXPECT_FALSE(result.run.started);
  EXPECT_NE(result.run.error.find("the file exists"), std::string::npos) << result.run.error;

  std::string error;
  auto whatIf = WhatIf::prepare(m_original, withBillingInstances(6), &error);
  ASSERT_NE(whatIf, nullptr) << error;
  RecordedRunOptions options;
  options.record = out;
  options.overwrite = true;
  const RecordedRun replaced = whatIf->run(options);
  ASSERT_TRUE(replaced.ok) << replaced.error;
  RunReport stored;
  ASSERT_TRUE(readStoredReport(out, stored, &error)) << error;
  EXPECT_DOUBLE_EQ(serviceOf(stored, "billing").instancesMean,
                   serviceOf(m_recorded.report, "billing").instancesMean + 3);
}

}  // namespace
}  // namespace eventscope::core::store
