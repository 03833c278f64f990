#include "core/io/replacing_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "support/exchange_files.h"
#include "support/record_scenario.h"

namespace eventscope::core {
namespace {

namespace fs = std::filesystem;

TEST(ReplacingFileTest, CommitRenamesTheTemporaryOverTheTargetKeepingItsPermissions) {
  testing::TempDir dir;
  const std::string target = dir.file("report.json");
  std::ofstream(target) << "old";
  fs::permissions(target, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  ReplacingFile file;
  std::string error;
  ASSERT_TRUE(file.prepare(target, &error)) << error;
  EXPECT_EQ(fs::path(file.temporaryPath()).parent_path(), fs::path(target).parent_path());
  std::ofstream(file.temporaryPath()) << "new";
  EXPECT_EQ(testing::readAll(target), "old") << "untouched until commit";
  ASSERT_TRUE(file.commit(&error)) << error;
  EXPECT_EQ(testing::readAll(target), "new");
  EXPECT_EQ(fs::status(target).permissions(),
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  EXPECT_EQ(testing::filesNamedLike(target), std::vector<std::string>{"report.json"});
}

TEST(ReplacingFileTest, WithoutCommitNothingIsLeftAndTheTargetIsKept) {
  testing::TempDir dir;
  const std::string target = dir.file("kept.txt");
  std::ofstream(target) << "kept";
  {
    ReplacingFile file;
    std::string error;
    ASSERT_TRUE(file.prepare(target, &error)) << error;
    std::ofstream(file.temporaryPath()) << "half written";
  }
  EXPECT_EQ(testing::readAll(target), "kept");
  EXPECT_EQ(testing::filesNamedLike(target), std::vector<std::string>{"kept.txt"});
}

TEST(ReplacingFileTest, ASymlinkKeepsPointingAtTheReplacedFile) {
  testing::TempDir dir;
  std::ofstream(dir.file("real.txt")) << "old";
  fs::create_symlink(dir.file("real.txt"), dir.file("link.txt"));
  ReplacingFile file;
  std::string error;
  ASSERT_TRUE(file.prepare(dir.file("link.txt"), &error)) << error;
  std::ofstream(file.temporaryPath()) << "new";
  ASSERT_TRUE(file.commit(&error)) << error;
  EXPECT_TRUE(fs::is_symlink(dir.file("link.txt")));
  EXPECT_EQ(testing::readAll(dir.file("real.txt")), "new");
}

TEST(ReplacingFileTest, ADirectoryOrAMissingFolderIsRefusedWithAReason) {
  testing::TempDir dir;
  ReplacingFile file;
  std::string error;
  EXPECT_FALSE(file.prepare(dir.file(""), &error));
  EXPECT_NE(error.find("is a directory"), std::string::npos) << error;
  EXPECT_FALSE(file.prepare(dir.file("missing/out.txt"), &error));
  EXPECT_NE(error.find("cannot write"), std::string::npos) << error;
  EXPECT_FALSE(file.commit(&error));
}

}  // namespace
}  // namespace eventscope::core
