// eventscope snapshot, and what the executable does without a subcommand.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "support/command.h"

namespace eventscope::testing {
namespace {

#ifdef EVENTSCOPE_WITH_GUI
std::string tempPng(const std::string& name) {
  return (std::filesystem::temp_directory_path() / name).string();
}

TEST(SnapshotCliTest, RendersTheDemoIntoAPngWithoutADisplay) {
  const std::string png = tempPng("eventscope-snapshot-test.png");
  std::filesystem::remove(png);
  const CommandResult result =
      runEventscope("snapshot " + sourcePath("resources/scenarios/order-pipeline.yaml") +
                    " --at 22s --size 1000x700 --output " + png);
  ASSERT_EQ(result.exitCode, 0) << result.err;
  std::ifstream file(png, std::ios::binary);
  char header[8] = {};
  file.read(header, 8);
  EXPECT_EQ(std::string(header + 1, 3), "PNG");
  EXPECT_GT(std::filesystem::file_size(png), 20'000u);  // a drawn window, not a blank one
  std::filesystem::remove(png);
}

TEST(SnapshotCliTest, RendersTheModelARecordingWasMadeFrom) {
  const std::string recording = tempPng("eventscope-snapshot-test.evrec");
  const std::string png = tempPng("eventscope-snapshot-recording.png");
  std::filesystem::remove(recording);
  std::filesystem::remove(png);
  CommandResult result = runEventscope("run " + sourcePath("resources/scenarios/work-queue.yaml") +
                                       " --duration 5s --quiet --record " + recording);
  ASSERT_EQ(result.exitCode, 0) << result.err;
  result = runEventscope("snapshot " + recording + " --at 3s --output " + png);
  EXPECT_EQ(result.exitCode, 0) << result.err;
  EXPECT_TRUE(std::filesystem::exists(png));
  std::filesystem::remove(recording);
  std::filesystem::remove(png);
}

TEST(SnapshotCliTest, BadArgumentsAreUsageErrors) {
  const std::string demo = sourcePath("resources/scenarios/work-queue.yaml");
  const std::string png = tempPng("eventscope-snapshot-bad.png");
  CommandResult result = runEventscope("snapshot " + demo + " --at soon --output " + png);
  EXPECT_EQ(result.exitCode, 2);
  EXPECT_NE(result.err.find("--at soon"), std::string::npos) << result.err;
  result = runEventscope("snapshot " + demo + " --at 1s --size 10x10 --output " + png);
  EXPECT_EQ(result.exitCode, 2);
  EXPECT_NE(result.err.find("--size"), std::string::npos) << result.err;
  result = runEventscope("snapshot /no/such/model.yaml --at 1s --output " + png);
  EXPECT_EQ(result.exitCode, 2);
  EXPECT_NE(result.err.find("/no/such/model.yaml"), std::string::npos) << result.err;
  EXPECT_FALSE(std::filesystem::exists(png));
}
#else
TEST(SnapshotCliTest, ABuildWithoutQtSaysItHasNoGui) {
  const CommandResult result = runEventscope("");
  EXPECT_EQ(result.exitCode, 2);
  EXPECT_NE(result.err.find("no desktop GUI"), std::string::npos) << result.err;
}
#endif

}  // namespace
}  // namespace eventscope::testing
