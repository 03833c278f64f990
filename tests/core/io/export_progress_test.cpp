// exportRecording and exportRecordingToFile with a Progress: every format reports how far it
// is, and a cancel or a failure leaves no partial output and an existing file as it was.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/io/export_pages.h"
#include "core/io/exporters.h"
#include "core/store/recording.h"
#include "support/exchange_files.h"
#include "support/record_scenario.h"
#include "support/scenario_builders.h"

namespace eventscope::core {
namespace {

constexpr ExportFormat kFormats[] = {ExportFormat::CloudEvents, ExportFormat::Otlp,
                                     ExportFormat::Jaeger, ExportFormat::Csv, ExportFormat::Dot};
// The formats that page through the events (DOT is the topology: one step).
constexpr ExportFormat kPagedFormats[] = {ExportFormat::CloudEvents, ExportFormat::Otlp,
                                          ExportFormat::Jaeger, ExportFormat::Csv};

class ExportProgressTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_dir = new testing::TempDir;
    // About 12,000 events: six pages of 2,000.
    testing::recordScenario(testing::queueModel(2000, 3000, 1, 6 * kSecond),
                            s_dir->file("run.evrec"));
  }
  static void TearDownTestSuite() {
    delete s_dir;
    s_dir = nullptr;
  }
  void SetUp() override {
    std::string error;
    recording = store::Recording::open(s_dir->file("run.evrec"), &error);
    ASSERT_NE(recording, nullptr) << error;
    total = recordedEventCount(*recording);
    ASSERT_GT(total, 10000u);
  }
  static testing::TempDir* s_dir;
  testing::TempDir dir;
  std::unique_ptr<store::Recording> recording;
  std::uint64_t total = 0;
};
testing::TempDir* ExportProgressTest::s_dir = nullptr;

TEST_F(ExportProgressTest, EveryFormatReportsProgressGrowingToTheEnd) {
  for (ExportFormat format : kFormats) {
    std::vector<std::uint64_t> done, totals;
    const Progress progress{[&](std::uint64_t d, std::uint64_t t) {
      done.push_back(d);
      totals.push_back(t);
      return true;
    }};
    std::ostringstream out;
    std::string error;
    ASSERT_TRUE(exportRecording(*recording, format, out, &error, progress)) << error;
    ASSERT_GE(done.size(), 2u);
    EXPECT_TRUE(std::is_sorted(done.begin(), done.end()));
    EXPECT_EQ(done.front(), 0u);
    EXPECT_EQ(done.back(), totals.back());
    if (format == ExportFormat::Dot) continue;
    EXPECT_EQ(totals.back(), total);
    EXPECT_GE(done.size(), total / 2000 + 1);  // a report per page
    EXPECT_LE(done.size(), total / 400 + 2);   // not per event
  }
}

TEST_F(ExportProgressTest, AFileExportEqualsTheStreamedOne) {
  for (ExportFormat format : kFormats) {
    std::ostringstream streamed;
    std::string error;
    ASSERT_TRUE(exportRecording(*recording, format, streamed, &error)) << error;
    const std::string output = dir.file("out");
    EXPECT_EQ(exportRecordingToFile(*recording, format, output, &error), ExchangeOutcome::Done)
        << error;
    EXPECT_EQ(testing::readAll(output), streamed.str());
    EXPECT_EQ(testing::filesNamedLike(output), std::vector<std::string>{"out"});
  }
}

TEST_F(ExportProgressTest, CancelHalfWayLeavesNoOutputAndNoTemporary) {
  for (ExportFormat format : kPagedFormats) {
    std::uint64_t last = 0;
    const Progress half{[&](std::uint64_t d, std::uint64_t t) {
      last = d;
      return d * 2 < t;
    }};
    const std::string output = dir.file("out.export");
    std::string error;
    EXPECT_EQ(exportRecordingToFile(*recording, format, output, &error, half),
              ExchangeOutcome::Cancelled);
    EXPECT_GE(last * 2, total);
    EXPECT_LT(last, total) << "stopped before the end";
    EXPECT_TRUE(testing::filesNamedLike(output).empty());
  }
}

TEST_F(ExportProgressTest, CancelLeavesAnExistingFileUntouched) {
  for (ExportFormat format : kFormats) {
    const std::string output = dir.file("kept.csv");
    std::ofstream(output, std::ios::binary) << "what was there before";
    std::string error;
    const Progress stop{[](std::uint64_t, std::uint64_t) { return false; }};
    EXPECT_EQ(exportRecordingToFile(*recording, format, output, &error, stop),
              ExchangeOutcome::Cancelled);
    EXPECT_EQ(testing::readAll(output), "what was there before");
    EXPECT_EQ(testing::filesNamedLike(output), std::vector<std::string>{"kept.csv"});
  }
}

TEST_F(ExportProgressTest, AStreamExportStopsWithItsCancelMessage) {
  std::ostringstream out;
  std::string error;
  const Progress stop{[](std::uint64_t done, std::uint64_t) { return done == 0; }};
  EXPECT_FALSE(exportRecording(*recording, ExportFormat::Csv, out, &error, stop));
  EXPECT_EQ(error, kExportCancelled);
}

TEST_F(ExportProgressTest, AnUnwritablePlaceFailsWithAReason) {
  std::string error;
  EXPECT_EQ(
      exportRecordingToFile(*recording, ExportFormat::Csv, dir.file("no/such/dir/out.csv"), &error),
      ExchangeOutcome::Failed);
  EXPECT_NE(error.find("cannot write"), std::string::npos) << error;
  EXPECT_EQ(exportRecordingToFile(*recording, ExportFormat::Csv, dir.file(""), &error),
            ExchangeOutcome::Failed);
  EXPECT_NE(error.find("directory"), std::string::npos) << error;
}

}  // namespace
}  // namespace eventscope::core
