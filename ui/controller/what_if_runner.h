#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <atomic>
#include <thread>

#include "core/model/scenario.h"

namespace eventscope::ui {

// Runs a what-if replay (core::store::runWhatIf: a recording's external inputs driven through a
// changed model, recorded into a new file) on its own thread, so the GUI stays responsive. The
// thread opens its own Recording (a Recording is never shared across threads). Progress is
// polled (no signal per slice); the result comes back as one signal on the GUI thread.
class WhatIfRunner : public QObject {
  Q_OBJECT

 public:
  explicit WhatIfRunner(QObject* parent = nullptr);
  // Cancels a run still going and waits for its thread (no file is left behind).
  ~WhatIfRunner() override;

  // Starts replaying `recordingPath` into `changed`, recorded at `outputPath` (an existing file
  // there is replaced once the replay is complete). The output keeps `scenarioText` as its
  // scenario, or the model written as YAML when empty. False if a run is already going.
  bool start(const QString& recordingPath, const core::Scenario& changed, const QString& outputPath,
             const QString& scenarioText = {});
  // Stops the run at its next slice (1/200 of the simulated time); finished() follows with an
  // empty output path, and no output file exists.
  void cancel();

  bool running() const { return m_running; }
  // Share of the simulated time done, 0 to 1 (0 before the replay's length is known).
  double progress() const;
  core::SimTime simulatedDone() const { return m_done.load(); }
  core::SimTime simulatedTotal() const { return m_total.load(); }
  // Whether the last finished run ended by cancel().
  bool wasCancelled() const { return m_wasCancelled; }

  // A fresh path for a what-if recording in the temporary directory.
  static QString temporaryOutputPath();

 Q_SIGNALS:
  // The replay is done: `outputPath` is the new recording (empty when it failed or was
  // cancelled); `error` one sentence when it failed; `notes` what the person should know about
  // the replay (see core::store::prepareReplay).
  void finished(const QString& outputPath, const QString& error, const QStringList& notes);

 private:
  void deliver(const QString& outputPath, const QString& error, const QStringList& notes,
               bool cancelled);

  std::thread m_thread;
  bool m_running = false;
  bool m_wasCancelled = false;
  std::atomic<bool> m_cancel{false};
  std::atomic<core::SimTime> m_done{0}, m_total{0};
};

}  // namespace eventscope::ui
