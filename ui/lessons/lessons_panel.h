#pragma once

#include <QWidget>
#include <optional>
#include <string>
#include <vector>

#include "core/lessons/lesson.h"
#include "core/model/scenario.h"
#include "ui/lessons/lesson_progress.h"

class QButtonGroup;
class QComboBox;
class QGroupBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTextBrowser;
class QVBoxLayout;

namespace eventscope::ui {

class LessonStepRunner;

// The Lessons dock: choose a lesson, read its narrative and the step, answer the prediction,
// run the step (the model runs live on the canvas while its checks run headless), and read
// each check's verdict in green or red. Back, Next and Restart move through the steps; where a
// learner is, and which steps passed, is kept (LessonProgress).
class LessonsPanel : public QWidget {
  Q_OBJECT

 public:
  explicit LessonsPanel(QWidget* parent = nullptr);

  // Reads every lesson of a directory (the installed or source lessons by default); a lesson
  // with errors is listed with its first error and cannot be opened.
  void loadLessons(const QString& directory = {});
  int lessonCount() const { return static_cast<int>(m_lessons.size()); }
  // Opens a lesson (by index in the list) at the step the learner was on.
  void openLesson(int index);
  void showStep(int step);
  int currentLesson() const { return m_current; }
  int currentStep() const { return m_step; }
  const core::Lesson* lesson() const;

  // Answers the current step's prediction (choice index), as a click on it does.
  void answer(int choice);
  // Runs the current step: the window runs its model live, the checks run headless.
  void runStep();
  // Runs the current step's contrast (its key change taken away).
  void runContrast();
  void next();
  void back();
  void restart();
  // Whether a step or contrast run is still going.
  bool busy() const;

  // What tests and screenshots read.
  QListWidget* verdicts() const { return m_verdicts; }
  QLabel* predictionFeedback() const { return m_feedback; }
  QPushButton* runButton() const { return m_run; }

 Q_SIGNALS:
  // The model of the step shown: the window opens it on the canvas.
  void modelRequested(const core::Scenario& scenario, const QString& title);
  // Nodes the step's text names, to highlight on the canvas.
  void highlightRequested(const std::vector<std::string>& names);
  // Run pressed: the window runs the model it was given from time 0, live.
  void runRequested();
  // A step's verdicts are shown (tests wait for it).
  void verdictsShown();

 private:
  struct Entry {
    std::optional<core::Lesson> lesson;
    QString id, title, error;
  };
  void fillList();
  void showPrediction(const core::LessonStep& step);
  void showOutcome();
  void updateButtons();
  QString stepHtml(const core::Lesson& lesson, int step) const;

  std::vector<Entry> m_lessons;
  int m_current = -1;
  int m_step = 0;
  int m_answer = -1;
  LessonProgress m_progress;
  LessonStepRunner* m_runner;
  QComboBox* m_list;
  QTextBrowser* m_text;
  QGroupBox* m_prediction;
  QVBoxLayout* m_choices;
  QButtonGroup* m_choiceGroup;
  QPushButton* m_run;
  QPushButton* m_contrast;
  QLabel* m_status;
  QLabel* m_feedback;
  QListWidget* m_verdicts;
  QPushButton* m_back;
  QPushButton* m_next;
  QPushButton* m_restart;
  QLabel* m_stepLabel;
};

}  // namespace eventscope::ui
