// The headless command line (DESIGN.md §3), driven as a user would: exit codes, output streams.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "support/command.h"

namespace eventscope {
namespace {

using testing::runEventscope;
using testing::sourcePath;

const std::string kDemo = sourcePath("resources/scenarios/order-pipeline.yaml");

TEST(CliTest, VersionAndHelp) {
  const auto version = runEventscope("--version");
  EXPECT_EQ(version.exitCode, 0);
  EXPECT_EQ(version.out, "eventscope " EVENTSCOPE_VERSION "\n");
  const auto help = runEventscope("--help");
  EXPECT_EQ(help.exitCode, 0);
  for (const char* word : {"run", "validate", "Exit status"}) {
    EXPECT_NE(help.out.find(word), std::string::npos) << word;
  }
  const auto runHelp = runEventscope("run --help");
  EXPECT_EQ(runHelp.exitCode, 0);
  for (const char* word : {"--duration", "--seed", "--report", "--quiet"}) {
    EXPECT_NE(runHelp.out.find(word), std::string::npos) << word;
  }
}

TEST(CliTest, UsageErrorsExitWithTwo) {
  EXPECT_EQ(runEventscope("run").exitCode, 2);  // missing scenario
  EXPECT_EQ(runEventscope("run " + kDemo + " --bogus").exitCode, 2);
  EXPECT_EQ(runEventscope("frobnicate").exitCode, 2);
  const auto badDuration = runEventscope("run " + kDemo + " --duration 10");
  EXPECT_EQ(badDuration.exitCode, 2);
  EXPECT_NE(badDuration.err.find("unit"), std::string::npos) << badDuration.err;
  EXPECT_EQ(runEventscope("run " + kDemo + " --seed -4").exitCode, 2);
  EXPECT_EQ(runEventscope("run " + kDemo + " --seed 18446744073709551616").exitCode, 2);  // 2^64
  const auto shortRun = runEventscope("run " + kDemo + " --duration 5s");  // the warmup is 5s
  EXPECT_EQ(shortRun.exitCode, 2);
  EXPECT_NE(shortRun.err.find("longer than the scenario's warmup (5s)"), std::string::npos)
      << shortRun.err;
  EXPECT_EQ(runEventscope("run " + kDemo + " --report --quiet").exitCode, 2);
  EXPECT_EQ(runEventscope("frobnicate").exitCode, 2);
}

TEST(CliTest, ValidateAcceptsEveryDemo) {
  for (const auto& entry : std::filesystem::directory_iterator(sourcePath("resources/scenarios"))) {
    const auto result = runEventscope("validate " + entry.path().string());
    EXPECT_EQ(result.exitCode, 0) << entry.path() << result.err;
    EXPECT_NE(result.out.find(": ok"), std::string::npos);
  }
}

TEST(CliTest, ValidateReportsEveryProblemWithItsPositionAndExitsWithTwo) {
  const auto file = std::filesystem::temp_directory_path() / "eventscope-broken.yaml";
  std::ofstream(file) << "eventscope: 1\n"
                         "topics:\n"
                         "  - name: orders\n"
                         "    partitons: 4\n"
                         "producers:\n"
                         "  - {name: p, topic: ordres, event: E, rate: 10/s}\n";
  const auto result = runEventscope("validate " + file.string());
  EXPECT_EQ(result.exitCode, 2);
  EXPECT_NE(result.err.find(file.string() + ":4:5: error: unknown key 'partitons'"),
            std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("did you mean 'partitions'"), std::string::npos);
  EXPECT_NE(result.err.find(file.string() + ":6:"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("ordres"), std::string::npos);
  EXPECT_EQ(runEventscope("run " + file.string()).exitCode, 2);
  std::filesystem::remove(file);
  const auto missing = runEventscope("validate /nonexistent/scenario.yaml");
  EXPECT_EQ(missing.exitCode, 2);
  EXPECT_NE(missing.err.find("/nonexistent/scenario.yaml"), std::string::npos);
}

TEST(CliTest, RunPrintsTheReportAsJsonOnStdout) {
  const auto result = runEventscope("run " + kDemo + " --duration 10s --report - --quiet");
  ASSERT_EQ(result.exitCode, 0) << result.err;
  const auto report = nlohmann::json::parse(result.out);  // stdout holds only the JSON
  EXPECT_EQ(report["format"], 1);
  EXPECT_EQ(report["scenario"], "Order pipeline");
  EXPECT_EQ(report["seed"], 42);
  EXPECT_DOUBLE_EQ(report["sim_time_s"].get<double>(), 10.0);
  for (const char* field : {"produced", "delivered", "acked", "failed_attempts", "retries",
                            "redeliveries", "dead_lettered", "discarded", "dropped", "rejected",
                            "duplicates_processed", "out_of_order", "in_flight_at_end"}) {
    EXPECT_TRUE(report["totals"].contains(field)) << field;
  }
  const auto& billing = report["services"]["billing"];
  for (const char* field :
       {"acked", "throughput_per_s", "latency_s", "wait_s", "backlog_mean", "backlog_max",
        "in_system_mean", "utilization", "retries", "redeliveries", "dead_lettered",
        "duplicates_processed", "side_effects", "out_of_order"}) {
    EXPECT_TRUE(billing.contains(field)) << field;
  }
  for (const char* field : {"mean", "p50", "p95", "p99", "max"}) {
    EXPECT_TRUE(billing["latency_s"].contains(field)) << field;
  }
  EXPECT_GT(billing["acked"].get<int>(), 1000);
  EXPECT_TRUE(report["topics"]["orders"].contains("max_depth"));
}

TEST(CliTest, RunWritesAReportFileAndASummary) {
  const auto path = std::filesystem::temp_directory_path() / "eventscope-report.json";
  const auto result =
      runEventscope("run " + kDemo + " --duration 8s --seed 9 --report " + path.string());
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_NE(result.out.find("billing"), std::string::npos);  // the human summary
  std::ifstream in(path);
  const auto report = nlohmann::json::parse(in);
  EXPECT_EQ(report["seed"], 9);
  std::filesystem::remove(path);
  const auto unwritable =
      runEventscope("run " + kDemo + " --duration 8s --report /nonexistent/r.json");
  EXPECT_EQ(unwritable.exitCode, 1);
  EXPECT_NE(unwritable.err.find("cannot write"), std::string::npos);
}

TEST(CliTest, ReportsNeverReplaceWhatIsNotARegularFile) {
  namespace fs = std::filesystem;
  const auto before = fs::status("/dev/null").type();
  ASSERT_EQ(runEventscope("run " + kDemo + " --duration 8s --quiet --report /dev/null").exitCode,
            0);
  EXPECT_EQ(fs::status("/dev/null").type(), before);  // still a device, not a file
  EXPECT_TRUE(fs::is_character_file("/dev/null"));

  const fs::path dir = fs::temp_directory_path() / "eventscope-link-test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "target.json") << "old";
  fs::create_symlink(dir / "target.json", dir / "link.json");
  ASSERT_EQ(runEventscope("run " + kDemo + " --duration 8s --quiet --report " +
                          (dir / "link.json").string())
                .exitCode,
            0);
  EXPECT_TRUE(fs::is_symlink(dir / "link.json"));  // the link stays, its target gets the report
  std::ifstream in(dir / "target.json");
  EXPECT_EQ(nlohmann::json::parse(in)["scenario"], "Order pipeline");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 2);  // no debris
  fs::remove_all(dir);
}

TEST(CliTest, AnUnwritableReportFailsBeforeTheRun) {
  const auto result = runEventscope("run " + kDemo + " --duration 1h --report /nonexistent/r.json");
  EXPECT_EQ(result.exitCode, 1);
  EXPECT_NE(result.err.find("cannot write /nonexistent/r.json: No such file or directory"),
            std::string::npos)
      << result.err;
  EXPECT_EQ(result.out, "");  // it did not simulate an hour first
}

TEST(CliTest, ValidateTakesSeveralFiles) {
  const auto result =
      runEventscope("validate " + kDemo + " " + sourcePath("resources/scenarios/work-queue.yaml"));
  EXPECT_EQ(result.exitCode, 0);
  EXPECT_NE(result.out.find("order-pipeline.yaml: ok"), std::string::npos);
  EXPECT_NE(result.out.find("work-queue.yaml: ok"), std::string::npos);
}

TEST(CliTest, SameSeedSameReport) {
  const auto a = runEventscope("run " + kDemo + " --duration 8s --report - --quiet");
  const auto b = runEventscope("run " + kDemo + " --duration 8s --report - --quiet");
  auto ja = nlohmann::json::parse(a.out), jb = nlohmann::json::parse(b.out);
  ja.erase("wall_time_s");
  jb.erase("wall_time_s");
  EXPECT_EQ(ja, jb);
}

}  // namespace
}  // namespace eventscope
