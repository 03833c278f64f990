// The lesson reader meets damaged files: located errors or a lesson, never a crash or a hang.
#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>

#include "core/lessons/lesson_library.h"
#include "core/lessons/lesson_reader.h"
#include "core/lessons/lesson_scenario.h"
#include "support/text_mutation.h"

namespace eventscope::core {
namespace {

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

int lineCount(const std::string& text) {
  return static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
}

TEST(LessonRobustnessTest, DamagedLessonsGiveLocatedErrorsOrALesson) {
  const auto files =
      listLessonFiles(std::filesystem::path(EVENTSCOPE_SOURCE_DIR) / "resources" / "lessons");
  ASSERT_FALSE(files.empty());
  std::mt19937 random(2026);
  int broken = 0, read = 0;
  for (const auto& file : files) {
    const std::string original = slurp(file);
    for (int round = 0; round < 12; ++round) {
      std::string text = original;
      for (int damage = 0; damage <= round % 3; ++damage)
        text = testing::mutate(std::move(text), random);
      const LessonReadResult result = parseLesson(text, "damaged.yaml");
      if (result.ok()) {
        ++read;
        // A lesson that still reads builds every step's model without surprises.
        for (std::size_t i = 0; i < result.lesson->steps.size(); ++i)
          EXPECT_TRUE(lessonScenario(*result.lesson, i).ok());
        continue;
      }
      ++broken;
      ASSERT_FALSE(result.errors.empty());
      for (const Diagnostic& d : result.errors) {
        EXPECT_EQ(d.file, "damaged.yaml");
        EXPECT_GE(d.line, 1) << d.format();
        EXPECT_LE(d.line, lineCount(text) + 1) << d.format();
        EXPECT_GE(d.column, 1) << d.format();
        EXPECT_FALSE(d.message.empty());
      }
    }
  }
  EXPECT_GT(broken, 0);
  EXPECT_GT(read, 0);
}

}  // namespace
}  // namespace eventscope::core
