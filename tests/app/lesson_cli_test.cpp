// eventscope lesson list | check, driven as an author or a learner would.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "support/command.h"

namespace eventscope {
namespace {

using testing::runEventscope;

// A lesson file in a fresh directory; `claim` is its one check.
std::string writeLesson(const std::filesystem::path& dir, const std::string& claim) {
  std::filesystem::create_directories(dir);
  const std::filesystem::path file = dir / "01-tiny.yaml";
  std::ofstream(file) << "lesson: 1\ntitle: Tiny\nconcept: A check\nnarrative: One service.\n"
                         "scenario:\n  eventscope: 1\n  topics: [{name: orders}]\n"
                         "  producers: [{name: checkout, topic: orders, event: E, rate: 10/s}]\n"
                         "  services: [{name: billing, subscribes: orders}]\n"
                         "steps:\n  - text: Run it.\n    run: 10s\n    checks:\n      - "
                      << claim << "\n";
  return file.string();
}

std::filesystem::path scratch(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("eventscope-lesson-cli-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  return dir;
}

TEST(LessonCliTest, ListShowsTheFifteenLessonsInOrder) {
  const auto list = runEventscope("lesson list");
  ASSERT_EQ(list.exitCode, 0) << list.err;
  EXPECT_EQ(list.out.find("01-loose-coupling"), 0u) << list.out;
  EXPECT_NE(list.out.find("15-when-not-to-use-events"), std::string::npos);
  EXPECT_EQ(std::count(list.out.begin(), list.out.end(), '\n'), 30);  // two lines each
}

TEST(LessonCliTest, CheckPrintsEveryVerdictAndPasses) {
  const auto check = runEventscope("lesson check 1");
  EXPECT_EQ(check.exitCode, 0) << check.out << check.err;
  EXPECT_NE(check.out.find("pass  services.billing.acked == 0"), std::string::npos) << check.out;
  EXPECT_NE(check.out.find("as they should"), std::string::npos) << check.out;  // the contrast
  EXPECT_NE(check.out.find(" checks passed, 0 failed"), std::string::npos) << check.out;
}

TEST(LessonCliTest, AFalseClaimFailsWithExitOne) {
  const auto dir = scratch("false");
  const std::string file = writeLesson(dir, "services.billing.acked == 0");
  const auto check = runEventscope("lesson check " + file);
  EXPECT_EQ(check.exitCode, 1);
  EXPECT_NE(check.out.find("FAIL  services.billing.acked == 0"), std::string::npos) << check.out;
  EXPECT_NE(check.out.find("but the claim is == 0"), std::string::npos) << check.out;
  std::filesystem::remove_all(dir);
}

TEST(LessonCliTest, ABrokenLessonGivesFileLineColAndExitTwo) {
  const auto dir = scratch("broken");
  const std::string file = writeLesson(dir, "services.biling.acked > 0");
  const auto check = runEventscope("lesson check " + file);
  EXPECT_EQ(check.exitCode, 2);
  EXPECT_NE(check.err.find(file + ":14:9: error: no 'biling' in 'services'; did you mean "
                                  "'billing'?"),
            std::string::npos)
      << check.err;
  std::filesystem::remove_all(dir);
}

TEST(LessonCliTest, UsageErrorsExitWithTwo) {
  EXPECT_EQ(runEventscope("lesson").exitCode, 2);
  EXPECT_EQ(runEventscope("lesson check").exitCode, 2);
  EXPECT_EQ(runEventscope("lesson check 1 --all").exitCode, 2);
  const auto unknown = runEventscope("lesson check no-such-lesson");
  EXPECT_EQ(unknown.exitCode, 2);
  EXPECT_NE(unknown.err.find("lesson list"), std::string::npos) << unknown.err;
}

}  // namespace
}  // namespace eventscope
