#pragma once

#include <QObject>
#include <memory>

#include "core/lessons/lesson_runner.h"
#include "ui/controller/background_job.h"

namespace eventscope::ui {

// Runs a lesson step's checks (or its contrast) headless on a background thread, so the window
// stays responsive; the run is the same one the canvas shows (same model, same seed).
class LessonStepRunner : public QObject {
  Q_OBJECT

 public:
  struct Outcome {
    int step = 0;
    bool contrast = false;
    core::StepRun run;
    std::size_t failing = 0;  // checks that did not hold
  };

  explicit LessonStepRunner(QObject* parent = nullptr);

  // False while a run is still going.
  bool start(const core::Lesson& lesson, int step, bool contrast);
  bool running() const { return m_job.isRunning(); }
  const Outcome& outcome() const { return *m_outcome; }

 Q_SIGNALS:
  void finished();

 private:
  BackgroundJob m_job;
  std::shared_ptr<Outcome> m_outcome = std::make_shared<Outcome>();
};

}  // namespace eventscope::ui
