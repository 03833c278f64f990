#include <gtest/gtest.h>

#include <QAction>
#include <QDockWidget>
#include <QSettings>
#include <QSignalSpy>

#include "support/ui_test_support.h"
#include "ui/controller/run_controller.h"
#include "ui/editor/scenario_document.h"
#include "ui/lessons/lessons_panel.h"
#include "ui/topology/topology_scene.h"
#include "ui/window/main_window.h"

namespace eventscope::ui {
namespace {

using testing::waitUntil;

TEST(MainWindowLessonsTest, HelpLessonsOpensTheLessonOnTheCanvasAndRunsItLive) {
  QSettings().remove(QStringLiteral("lessons"));
  MainWindow window;
  window.resize(1400, 900);
  window.show();
  window.action(QStringLiteral("lessons"))->trigger();
  auto* dock = window.findChild<QDockWidget*>(QStringLiteral("lessonsDock"));
  ASSERT_NE(dock, nullptr);
  EXPECT_TRUE(dock->isVisible());
  LessonsPanel* lessons = window.lessons();
  ASSERT_EQ(lessons->currentLesson(), 0);
  // The first lesson's model is the document, runnable, with the nodes its text names.
  EXPECT_EQ(window.document()->scenario().name, "Loose coupling");
  EXPECT_TRUE(window.runnable());
  EXPECT_EQ(window.scene()->nodes().size(), 3u);

  window.controller()->setSpeed(RunController::kMaxSpeed);
  QSignalSpy shown(lessons, &LessonsPanel::verdictsShown);
  lessons->runStep();
  ASSERT_TRUE(waitUntil([&] { return !shown.isEmpty(); }, 30000));
  // The live run on the canvas is the step's run: it goes to the step's 30 s.
  ASSERT_TRUE(waitUntil(
      [&] { return window.controller()->state() == RunController::State::Finished; }, 30000));
  const auto latest = window.controller()->latest();
  ASSERT_TRUE(latest);
  EXPECT_EQ(latest->now, 30 * core::kSecond);

  // The next step's model replaces it without asking to save.
  lessons->next();
  EXPECT_EQ(window.document()->scenario().faults.size(), 1u);
  QSettings().remove(QStringLiteral("lessons"));
}

TEST(MainWindowLessonsTest, EveryStepOfEveryLessonOpensARunnableModel) {
  QSettings().remove(QStringLiteral("lessons"));
  MainWindow window;
  window.resize(1400, 900);
  window.show();
  window.action(QStringLiteral("lessons"))->trigger();
  LessonsPanel* lessons = window.lessons();
  ASSERT_EQ(lessons->lessonCount(), 15);
  for (int l = 0; l < lessons->lessonCount(); ++l) {
    lessons->openLesson(l);
    ASSERT_NE(lessons->lesson(), nullptr) << l;
    for (int step = 0; step < static_cast<int>(lessons->lesson()->steps.size()); ++step) {
      lessons->showStep(step);
      EXPECT_TRUE(window.runnable()) << lessons->lesson()->id << " step " << step + 1;
      EXPECT_FALSE(window.scene()->nodes().empty()) << lessons->lesson()->id;
    }
  }
  QSettings().remove(QStringLiteral("lessons"));
}

}  // namespace
}  // namespace eventscope::ui
