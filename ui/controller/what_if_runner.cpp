#include "ui/controller/what_if_runner.h"

#include <QDir>
#include <QUuid>

#include "core/io/scenario_writer.h"
#include "core/store/what_if.h"

namespace eventscope::ui {

WhatIfRunner::WhatIfRunner(QObject* parent) : QObject(parent) {}

WhatIfRunner::~WhatIfRunner() {
  m_cancel = true;
  if (m_thread.joinable()) m_thread.join();
}

QString WhatIfRunner::temporaryOutputPath() {
  return QDir::temp().filePath(QStringLiteral("eventscope-what-if-%1.evrec")
                                   .arg(QUuid::createUuid().toString(QUuid::WithoutBraces)));
}

bool WhatIfRunner::start(const QString& recordingPath, const core::Scenario& changed,
                         const QString& outputPath, const QString& scenarioText) {
  if (m_running) return false;
  if (m_thread.joinable()) m_thread.join();  // a previous run whose result is still queued
  m_running = true;
  m_wasCancelled = false;
  m_cancel = false;
  m_done = 0;
  m_total = 0;
  std::string text =
      scenarioText.isEmpty() ? core::writeScenario(changed) : scenarioText.toStdString();
  m_thread = std::thread([this, recording = recordingPath.toStdString(), scenario = changed,
                          output = outputPath.toStdString(), text = std::move(text)]() mutable {
    const core::store::WhatIfResult result = core::store::runWhatIf(
        recording, std::move(scenario), output, text,
        [this](core::SimTime now, core::SimTime end) {
          m_total = end;
          m_done = now;
        },
        [this] { return m_cancel.load(); });
    QStringList notes;
    for (const std::string& note : result.notes)
      notes << QString::fromStdString(note);
    const QString path = result.run.ok ? QString::fromStdString(output) : QString();
    const QString error = QString::fromStdString(result.run.error);
    const bool cancelled = result.run.cancelled;
    // Queued to the GUI thread; dropped by Qt if this runner is gone by then.
    QMetaObject::invokeMethod(
        this, [this, path, error, notes, cancelled] { deliver(path, error, notes, cancelled); },
        Qt::QueuedConnection);
  });
  return true;
}

void WhatIfRunner::cancel() {
  m_cancel = true;
}

double WhatIfRunner::progress() const {
  const core::SimTime total = m_total.load();
  return total > 0 ? static_cast<double>(m_done.load()) / static_cast<double>(total) : 0.0;
}

void WhatIfRunner::deliver(const QString& outputPath, const QString& error,
                           const QStringList& notes, bool cancelled) {
  if (m_thread.joinable()) m_thread.join();  // it has nothing left to do but return
  m_running = false;
  m_wasCancelled = cancelled;
  Q_EMIT finished(outputPath, cancelled ? tr("The what-if run was cancelled.") : error, notes);
}

}  // namespace eventscope::ui
