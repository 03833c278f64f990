#include "ui/lessons/lessons_panel.h"

#include <gtest/gtest.h>

#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>

#include "support/ui_test_support.h"
#include "ui/lessons/lesson_progress.h"

namespace eventscope::ui {
namespace {

using testing::waitUntil;

const QString kLessons = QStringLiteral(EVENTSCOPE_SOURCE_DIR "/resources/lessons");

class LessonsPanelTest : public ::testing::Test {
 protected:
  void SetUp() override { QSettings().remove(QStringLiteral("lessons")); }
  void TearDown() override { QSettings().remove(QStringLiteral("lessons")); }
};

// The verdicts of the current step, after a run: passed flags in order.
std::vector<bool> verdictsAfter(LessonsPanel& panel, void (LessonsPanel::*run)()) {
  QSignalSpy shown(&panel, &LessonsPanel::verdictsShown);
  (panel.*run)();
  EXPECT_TRUE(waitUntil([&] { return !shown.isEmpty(); }, 30000));
  std::vector<bool> passed;
  for (int i = 0; i < panel.verdicts()->count(); ++i)
    passed.push_back(panel.verdicts()->item(i)->data(Qt::UserRole).toBool());
  return passed;
}

TEST_F(LessonsPanelTest, ListsEveryLessonAndOpensTheFirstWithItsModel) {
  LessonsPanel panel;
  panel.loadLessons(kLessons);
  EXPECT_EQ(panel.lessonCount(), 15);
  QSignalSpy models(&panel, &LessonsPanel::modelRequested);
  QSignalSpy highlights(&panel, &LessonsPanel::highlightRequested);
  panel.openLesson(0);
  ASSERT_EQ(models.size(), 1);
  const auto scenario = models[0][0].value<core::Scenario>();
  EXPECT_EQ(scenario.name, "Loose coupling");
  ASSERT_EQ(highlights.size(), 1);
  const auto names = highlights[0][0].value<std::vector<std::string>>();
  EXPECT_EQ(names, (std::vector<std::string>{"checkout", "orders", "billing"}));
}

TEST_F(LessonsPanelTest, WalksALessonAnswersRunsAndReadsTheVerdicts) {
  LessonsPanel panel;
  panel.loadLessons(kLessons);
  panel.openLesson(0);
  QSignalSpy runs(&panel, &LessonsPanel::runRequested);

  // Step 1 asks nothing: it runs, and every claim holds.
  EXPECT_TRUE(panel.runButton()->isEnabled());
  const std::vector<bool> first = verdictsAfter(panel, &LessonsPanel::runStep);
  EXPECT_EQ(first.size(), panel.lesson()->steps[0].checks.size());
  EXPECT_EQ(std::count(first.begin(), first.end(), false), 0);
  EXPECT_EQ(runs.size(), 1);  // the window runs the same model live
  EXPECT_NE(panel.verdicts()->item(0)->text().indexOf("as claimed"), -1);

  // Step 2 asks first: Run waits for an answer.
  panel.next();
  EXPECT_EQ(panel.currentStep(), 1);
  EXPECT_FALSE(panel.runButton()->isEnabled());
  panel.answer(0);  // "It stops publishing": wrong
  EXPECT_TRUE(panel.runButton()->isEnabled());
  const std::vector<bool> passed = verdictsAfter(panel, &LessonsPanel::runStep);
  EXPECT_EQ(passed.size(), panel.lesson()->steps[1].checks.size());
  EXPECT_EQ(std::count(passed.begin(), passed.end(), false), 0);
  EXPECT_NE(panel.predictionFeedback()->text().indexOf("It keeps publishing as before"), -1)
      << panel.predictionFeedback()->text().toStdString();

  // Without the step's change its claims no longer hold: red verdicts.
  const std::vector<bool> contrast = verdictsAfter(panel, &LessonsPanel::runContrast);
  EXPECT_NE(std::count(contrast.begin(), contrast.end(), false), 0);
}

TEST_F(LessonsPanelTest, ProgressIsKeptAndRestartForgetsIt) {
  {
    LessonsPanel panel;
    panel.loadLessons(kLessons);
    panel.openLesson(0);
    verdictsAfter(panel, &LessonsPanel::runStep);
    panel.next();
  }
  LessonProgress progress;
  EXPECT_TRUE(progress.passed(QStringLiteral("01-loose-coupling"), 0));
  LessonsPanel panel;
  panel.loadLessons(kLessons);
  panel.openLesson(0);
  EXPECT_EQ(panel.currentStep(), 1);  // where the learner left it
  panel.restart();
  EXPECT_EQ(panel.currentStep(), 0);
  EXPECT_FALSE(progress.passed(QStringLiteral("01-loose-coupling"), 0));
}

TEST_F(LessonsPanelTest, ABrokenLessonIsListedWithItsErrorAndDoesNotOpen) {
  QTemporaryDir dir;
  QFile file(dir.filePath("01-broken.yaml"));
  ASSERT_TRUE(file.open(QIODevice::WriteOnly));
  file.write("lesson: 1\ntitle: Broken\n");
  file.close();
  LessonsPanel panel;
  panel.loadLessons(dir.path());
  ASSERT_EQ(panel.lessonCount(), 1);
  QSignalSpy models(&panel, &LessonsPanel::modelRequested);
  panel.openLesson(0);
  EXPECT_TRUE(models.isEmpty());
  EXPECT_EQ(panel.lesson(), nullptr);
  EXPECT_FALSE(panel.runButton()->isEnabled());
  const auto* list = panel.findChild<QComboBox*>(QStringLiteral("lessonList"));
  EXPECT_NE(list->itemText(0).indexOf("has errors"), -1);
  EXPECT_NE(list->itemData(0, Qt::ToolTipRole).toString().indexOf("01-broken.yaml:"), -1);
}

}  // namespace
}  // namespace eventscope::ui
