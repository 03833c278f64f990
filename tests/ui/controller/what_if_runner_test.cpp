#include "ui/controller/what_if_runner.h"

#include <gtest/gtest.h>

#include <QSignalSpy>
#include <filesystem>

#include "core/store/stored_report.h"
#include "support/demo_scenarios.h"
#include "support/record_scenario.h"
#include "support/ui_test_support.h"

namespace eventscope::ui {
namespace {

core::Scenario demo(int billingInstances = 3) {
  core::Scenario s = core::testing::demoScenario("order-pipeline.yaml");
  s.duration = 10 * core::kSecond;
  s.warmup = core::kSecond;
  for (core::ServiceSpec& service : s.services)
    if (service.name == "billing") service.instances = billingInstances;
  return s;
}

const core::ServiceReport& serviceOf(const core::RunReport& report, const std::string& name) {
  const core::ServiceReport* found = report.findService(name);
  EXPECT_NE(found, nullptr) << name;
  static const core::ServiceReport none;
  return found ? *found : none;
}

class WhatIfRunnerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_original = m_dir.file("original.evrec");
    core::testing::recordScenario(demo(), m_original);
  }
  QString original() const { return QString::fromStdString(m_original); }
  QString output(const char* name) const { return QString::fromStdString(m_dir.file(name)); }

  core::testing::TempDir m_dir;
  std::string m_original;
};

TEST_F(WhatIfRunnerTest, ReplaysTheRecordingThroughTheChangedModel) {
  WhatIfRunner runner;
  QSignalSpy finished(&runner, &WhatIfRunner::finished);
  const QString out = output("more-billing.evrec");
  ASSERT_TRUE(runner.start(original(), demo(6), out));
  EXPECT_TRUE(runner.running());
  EXPECT_FALSE(runner.start(original(), demo(6), output("second.evrec")));  // one at a time
  ASSERT_TRUE(testing::waitUntil([&] { return finished.count() == 1; }, 60000));
  const QList<QVariant> args = finished.takeFirst();
  EXPECT_EQ(args.at(0).toString(), out);
  EXPECT_EQ(args.at(1).toString(), QString());
  // The demo's inject fault is left out of a replay: the recording's injection is an input.
  const QStringList notes = args.at(2).toStringList();
  ASSERT_EQ(notes.size(), 1);
  EXPECT_TRUE(notes[0].contains(QStringLiteral("inject"))) << notes[0].toStdString();
  EXPECT_FALSE(runner.running());
  EXPECT_FALSE(runner.wasCancelled());
  EXPECT_DOUBLE_EQ(runner.progress(), 1.0);
  EXPECT_EQ(runner.simulatedTotal(), 10 * core::kSecond);

  core::RunReport a, b;
  std::string error;
  ASSERT_TRUE(core::store::readStoredReport(m_original, a, &error)) << error;
  ASSERT_TRUE(core::store::readStoredReport(out.toStdString(), b, &error)) << error;
  EXPECT_DOUBLE_EQ(serviceOf(b, "billing").instancesMean,
                   serviceOf(a, "billing").instancesMean + 3);
  EXPECT_LT(serviceOf(b, "billing").latency.p95, serviceOf(a, "billing").latency.p95);
  EXPECT_EQ(serviceOf(b, "inventory").latency.p95, serviceOf(a, "inventory").latency.p95);
}

TEST_F(WhatIfRunnerTest, CancelLeavesNoOutputFile) {
  WhatIfRunner runner;
  QSignalSpy finished(&runner, &WhatIfRunner::finished);
  const QString out = output("cancelled.evrec");
  ASSERT_TRUE(runner.start(original(), demo(6), out));
  runner.cancel();  // before the first slice is done: the run stops there
  ASSERT_TRUE(testing::waitUntil([&] { return finished.count() == 1; }, 60000));
  const QList<QVariant> args = finished.takeFirst();
  EXPECT_EQ(args.at(0).toString(), QString());
  EXPECT_TRUE(args.at(1).toString().contains(QStringLiteral("cancelled")));
  EXPECT_TRUE(runner.wasCancelled());
  EXPECT_LT(runner.progress(), 0.5);
  for (const char* suffix : {"", "-wal", "-shm"})
    EXPECT_FALSE(std::filesystem::exists(out.toStdString() + suffix)) << suffix;
  // The runner takes another run after a cancelled one.
  ASSERT_TRUE(runner.start(original(), demo(4), out));
  ASSERT_TRUE(testing::waitUntil([&] { return finished.count() == 1; }, 60000));
  EXPECT_EQ(finished.takeFirst().at(0).toString(), out);
  EXPECT_FALSE(runner.wasCancelled());
  EXPECT_TRUE(std::filesystem::exists(out.toStdString()));
}

TEST_F(WhatIfRunnerTest, WhatCannotBeReplayedIsOneClearSentence) {
  WhatIfRunner runner;
  QSignalSpy finished(&runner, &WhatIfRunner::finished);
  const QString notARecording =
      QStringLiteral(EVENTSCOPE_SOURCE_DIR "/resources/scenarios/order-pipeline.yaml");
  const QString out = output("refused.evrec");
  ASSERT_TRUE(runner.start(notARecording, demo(), out));
  ASSERT_TRUE(testing::waitUntil([&] { return finished.count() == 1; }, 60000));
  QList<QVariant> args = finished.takeFirst();
  EXPECT_EQ(args.at(0).toString(), QString());
  EXPECT_TRUE(args.at(1).toString().contains(QStringLiteral("order-pipeline.yaml")))
      << args.at(1).toString().toStdString();
  EXPECT_FALSE(args.at(1).toString().contains(QLatin1Char('\n')));
  EXPECT_FALSE(std::filesystem::exists(out.toStdString()));

  core::Scenario noOrders = demo();
  for (core::TopicSpec& topic : noOrders.topics)
    if (topic.name == "orders") topic.name = "purchases";
  ASSERT_TRUE(runner.start(original(), noOrders, out));
  ASSERT_TRUE(testing::waitUntil([&] { return finished.count() == 1; }, 60000));
  args = finished.takeFirst();
  EXPECT_TRUE(args.at(1).toString().contains(QStringLiteral("topic 'orders'")))
      << args.at(1).toString().toStdString();
  EXPECT_FALSE(std::filesystem::exists(out.toStdString()));
}

TEST_F(WhatIfRunnerTest, DestroyingARunningRunnerStopsItAndKeepsNoFile) {
  const QString out = output("abandoned.evrec");
  {
    WhatIfRunner runner;
    ASSERT_TRUE(runner.start(original(), demo(6), out));
  }
  QCoreApplication::processEvents();  // a result queued to the gone runner is dropped
  EXPECT_FALSE(std::filesystem::exists(out.toStdString()));
}

TEST(WhatIfRunnerPathTest, TemporaryOutputPathsAreFreshRecordingPaths) {
  const QString a = WhatIfRunner::temporaryOutputPath();
  EXPECT_NE(a, WhatIfRunner::temporaryOutputPath());
  EXPECT_TRUE(a.endsWith(QStringLiteral(".evrec")));
  EXPECT_FALSE(std::filesystem::exists(a.toStdString()));
}

}  // namespace
}  // namespace eventscope::ui
