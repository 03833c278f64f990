// The lessons in resources/lessons: each reads, every claim holds, and its claims depend on
// the change its contrast takes away (the contrast makes at least one check fail).
#include <gtest/gtest.h>

#include "core/lessons/lesson_library.h"
#include "core/lessons/lesson_reader.h"
#include "core/lessons/lesson_runner.h"

namespace eventscope::core {
namespace {

std::vector<std::filesystem::path> shippedLessons() {
  return listLessonFiles(std::filesystem::path(EVENTSCOPE_SOURCE_DIR) / "resources" / "lessons");
}

class ShippedLessonTest : public testing::TestWithParam<std::filesystem::path> {};

TEST_P(ShippedLessonTest, EveryClaimHoldsAndDependsOnItsChange) {
  const LessonReadResult read = readLessonFile(GetParam().string());
  ASSERT_TRUE(read.ok()) << (read.errors.empty() ? "" : read.errors[0].format());
  const Lesson& lesson = *read.lesson;
  std::size_t contrasts = 0;
  bool predicts = false;
  for (std::size_t i = 0; i < lesson.steps.size(); ++i) {
    const LessonStep& step = lesson.steps[i];
    predicts = predicts || step.prediction.has_value();
    const StepRun run = runLessonStep(lesson, i);
    ASSERT_TRUE(run.errors.empty()) << "step " << i + 1 << ": " << run.errors[0].format();
    for (std::size_t c = 0; c < run.verdicts.size(); ++c)
      EXPECT_TRUE(run.verdicts[c].passed)
          << "step " << i + 1 << ": " << step.checks[c].text << ": " << run.verdicts[c].sentence;
    if (!step.contrast) continue;
    ++contrasts;
    const ContrastRun contrast = runContrast(lesson, i);
    EXPECT_TRUE(contrast.run.errors.empty()) << "step " << i + 1 << " contrast";
    EXPECT_GT(contrast.failing, 0u) << "step " << i + 1 << ": with '" << step.contrast->summary
                                    << "' instead of the step's change, every check still holds";
  }
  EXPECT_GE(contrasts, 1u) << "a lesson needs a step whose contrast shows its claim";
  EXPECT_TRUE(predicts) << "a lesson asks the learner to predict at least once";
}

INSTANTIATE_TEST_SUITE_P(Lessons, ShippedLessonTest, testing::ValuesIn(shippedLessons()),
                         [](const testing::TestParamInfo<std::filesystem::path>& lessonFile) {
                           std::string name = lessonFile.param.stem().string();
                           for (char& c : name)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

TEST(ShippedLessonsTest, TheFifteenConceptsAreThereInOrder) {
  const auto files = shippedLessons();
  ASSERT_EQ(files.size(), 15u);
  for (std::size_t i = 0; i < files.size(); ++i) {
    const std::string expected = (i + 1 < 10 ? "0" : "") + std::to_string(i + 1) + "-";
    EXPECT_EQ(files[i].stem().string().substr(0, 3), expected) << files[i];
  }
}

TEST(ShippedLessonsTest, ANameFindsItsLesson) {
  const auto directory = std::filesystem::path(EVENTSCOPE_SOURCE_DIR) / "resources" / "lessons";
  EXPECT_EQ(findLesson(directory, "1")->stem(), "01-loose-coupling");
  EXPECT_EQ(findLesson(directory, "01-loose-coupling")->stem(), "01-loose-coupling");
  EXPECT_EQ(findLesson(directory, "loose-coupling")->stem(), "01-loose-coupling");
  EXPECT_FALSE(findLesson(directory, "nope").has_value());
}

}  // namespace
}  // namespace eventscope::core
