#pragma once

#include <QString>

namespace eventscope::ui {

// What a learner has done, kept in QSettings under lessons/ID/: the step they are on and the
// steps whose checks all passed, so a lesson reopens where it was left.
class LessonProgress {
 public:
  int step(const QString& lessonId) const;
  void setStep(const QString& lessonId, int step);
  bool passed(const QString& lessonId, int step) const;
  void setPassed(const QString& lessonId, int step, bool passed);
  // Restart: the lesson as if never opened.
  void forget(const QString& lessonId);
};

}  // namespace eventscope::ui
