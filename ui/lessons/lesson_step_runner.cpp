#include "ui/lessons/lesson_step_runner.h"

namespace eventscope::ui {

LessonStepRunner::LessonStepRunner(QObject* parent) : QObject(parent) {
  connect(&m_job, &BackgroundJob::finished, this, [this] { Q_EMIT finished(); });
}

bool LessonStepRunner::start(const core::Lesson& lesson, int step, bool contrast) {
  if (m_job.isRunning()) return false;
  // The work owns its copies: nothing on the GUI thread is touched from the job's thread.
  auto outcome = std::make_shared<Outcome>();
  outcome->step = step;
  outcome->contrast = contrast;
  m_outcome = outcome;
  return m_job.start([lesson, outcome](const core::Progress&, std::string*) {
    const auto index = static_cast<std::size_t>(outcome->step);
    if (outcome->contrast) {
      core::ContrastRun run = core::runContrast(lesson, index);
      outcome->failing = run.failing;
      outcome->run = std::move(run.run);
    } else {
      outcome->run = core::runLessonStep(lesson, index);
      for (const core::CheckVerdict& v : outcome->run.verdicts)
        if (!v.passed) ++outcome->failing;
    }
    return true;
  });
}

}  // namespace eventscope::ui
