// importCloudEvents with a Progress: it is told how far the import is, and a cancel leaves
// nothing behind and an existing file as it was.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/io/cloudevents_import.h"
#include "core/store/recording.h"
#include "support/exchange_files.h"
#include "support/record_scenario.h"

namespace eventscope::core {
namespace {

struct Reports {
  std::vector<std::uint64_t> done, total;
  Progress recorder(std::uint64_t cancelAtPercent = 101) {
    return {[this, cancelAtPercent](std::uint64_t d, std::uint64_t t) {
      done.push_back(d);
      total.push_back(t);
      return t == 0 || d * 100 < t * cancelAtPercent;
    }};
  }
};

class ImportProgressTest : public ::testing::Test {
 protected:
  void SetUp() override {
    input = dir.file("in.jsonl");
    std::ofstream(input, std::ios::binary) << testing::cloudEventLines(30000);
    size = std::filesystem::file_size(input);
    ASSERT_GT(size, std::uint64_t{8} << 20);  // two chunks at least
  }
  testing::TempDir dir;
  std::string input;
  std::uint64_t size = 0;
};

TEST_F(ImportProgressTest, JsonLinesReportBytesReadGrowingToTheFileSize) {
  Reports reports;
  const ImportResult result =
      importCloudEvents(input, dir.file("out.evrec"), {.progress = reports.recorder()});
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.events, 30000u);
  ASSERT_GE(reports.done.size(), 3u);  // the start, and after each chunk
  EXPECT_EQ(reports.done.front(), 0u);
  EXPECT_TRUE(std::is_sorted(reports.done.begin(), reports.done.end()));
  EXPECT_LT(reports.done[1], size);
  EXPECT_EQ(reports.done.back(), size);
  for (std::uint64_t t : reports.total)
    EXPECT_EQ(t, size);
}

TEST_F(ImportProgressTest, ABatchReportsEveryFewThousandEvents) {
  std::string batch = "[";
  const std::string lines = testing::cloudEventLines(20000);
  for (std::size_t start = 0; start < lines.size();) {
    const std::size_t end = lines.find('\n', start);
    batch += (start == 0 ? "" : ",\n") + lines.substr(start, end - start);
    start = end + 1;
  }
  batch += "]";
  std::ofstream(dir.file("batch.json"), std::ios::binary) << batch;
  Reports reports;
  const ImportResult result = importCloudEvents(dir.file("batch.json"), dir.file("out.evrec"),
                                                {.progress = reports.recorder()});
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.events, 20000u);
  EXPECT_GE(reports.done.size(), 20000u / 4096 + 3);  // read, parsed, every 4096 written
  EXPECT_LE(reports.done.size(), 20000u / 1000);      // but not per event
  EXPECT_TRUE(std::is_sorted(reports.done.begin(), reports.done.end()));
  EXPECT_EQ(reports.done.back(), reports.total.back());
}

TEST_F(ImportProgressTest, CancelHalfWayLeavesNoOutputAndNoTemporary) {
  Reports reports;
  const std::string output = dir.file("out.evrec");
  const ImportResult result = importCloudEvents(input, output, {.progress = reports.recorder(50)});
  EXPECT_TRUE(result.cancelled);
  EXPECT_FALSE(result.ok());
  EXPECT_TRUE(result.errors.empty()) << "a cancel is not an error";
  EXPECT_EQ(result.events, 0u);
  EXPECT_LT(reports.done.back(), size) << "it stopped before the end";
  EXPECT_TRUE(testing::filesNamedLike(output).empty());
}

TEST_F(ImportProgressTest, CancelLeavesAnExistingFileUntouched) {
  const std::string output = dir.file("out.evrec");
  std::ofstream(output, std::ios::binary) << "what was there before";
  Reports reports;
  const ImportResult result =
      importCloudEvents(input, output, {.progress = reports.recorder(50), .replaceExisting = true});
  EXPECT_TRUE(result.cancelled);
  EXPECT_EQ(testing::readAll(output), "what was there before");
  EXPECT_EQ(testing::filesNamedLike(output), std::vector<std::string>{"out.evrec"});
}

TEST_F(ImportProgressTest, ReplaceExistingWritesTheNewRecordingOverTheOldFile) {
  const std::string output = dir.file("out.evrec");
  std::ofstream(output, std::ios::binary) << "an older file";
  EXPECT_FALSE(importCloudEvents(input, output).ok()) << "refused without replaceExisting";
  EXPECT_EQ(testing::readAll(output), "an older file");
  const ImportResult result = importCloudEvents(input, output, {.replaceExisting = true});
  ASSERT_TRUE(result.ok()) << result.errors.front().format();
  std::string error;
  const auto recording = store::Recording::open(output, &error);
  ASSERT_NE(recording, nullptr) << error;
  store::RecordingSummary summary;
  ASSERT_TRUE(recording->summary(summary, &error)) << error;
  EXPECT_EQ(summary.events, 30000u);
}

TEST_F(ImportProgressTest, ABrokenInputLeavesAnExistingFileUntouched) {
  const std::string output = dir.file("out.evrec");
  std::ofstream(output, std::ios::binary) << "kept";
  std::ofstream(dir.file("broken.jsonl")) << "{\"specversion\":\"1.0\"}\n";
  const ImportResult result =
      importCloudEvents(dir.file("broken.jsonl"), output, {.replaceExisting = true});
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_FALSE(result.cancelled);
  EXPECT_EQ(testing::readAll(output), "kept");
  EXPECT_EQ(testing::filesNamedLike(output), std::vector<std::string>{"out.evrec"});
}

}  // namespace
}  // namespace eventscope::core
