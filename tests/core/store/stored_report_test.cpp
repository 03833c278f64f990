// readStoredReport: the run report a recording keeps, or why it has none.
#include "core/store/stored_report.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include "support/demo_scenarios.h"
#include "support/record_scenario.h"

namespace eventscope::core::store {
namespace {

TEST(StoredReportTest, ReadsTheReportOfAFinishedRun) {
  testing::TempDir dir;
  Scenario scenario = testing::demoScenario("order-pipeline.yaml");
  scenario.duration = 3 * kSecond;
  scenario.warmup = 0;
  const RunResult run = testing::recordScenario(scenario, dir.file("run.evrec"));
  RunReport report;
  std::string error;
  ASSERT_TRUE(readStoredReport(dir.file("run.evrec"), report, &error)) << error;
  EXPECT_EQ(report.totals.acked, run.report.totals.acked);
  ASSERT_EQ(report.services.size(), run.report.services.size());
  EXPECT_EQ(report.services[0].name, "billing");
}

TEST(StoredReportTest, SaysWhyThereIsNone) {
  testing::TempDir dir;
  Scenario scenario = testing::demoScenario("order-pipeline.yaml");
  scenario.duration = 2 * kSecond;
  scenario.warmup = 0;
  const std::string path = dir.file("run.evrec");
  testing::recordScenario(scenario, path);
  RunReport report;
  std::string error;
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("UPDATE meta SET value = '{\"format\": 1, \"services\": 7' WHERE key = 'report'");
  }
  EXPECT_FALSE(readStoredReport(path, report, &error));
  EXPECT_EQ(error, path + ": the recording's run report is damaged");
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("DELETE FROM meta WHERE key = 'report'");
  }
  EXPECT_FALSE(readStoredReport(path, report, &error));
  EXPECT_NE(error.find("holds no run report"), std::string::npos) << error;
  EXPECT_FALSE(readStoredReport(dir.file("missing.evrec"), report, &error));
  EXPECT_NE(error.find("missing.evrec"), std::string::npos) << error;
}

}  // namespace
}  // namespace eventscope::core::store
