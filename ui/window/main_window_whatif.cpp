// MainWindow: what-if. "Replay with Changes…" puts the open recording's model in the editor;
// "Run What-If" replays the recording's inputs into the changed model and shows the two runs
// side by side (charts overlaid, per-service differences).
#include <QAction>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QProgressDialog>
#include <QStatusBar>
#include <QTimer>

#include "core/io/scenario_writer.h"
#include "core/store/recorded_run.h"
#include "ui/charts/comparison_panel.h"
#include "ui/controller/recording_player.h"
#include "ui/controller/what_if_runner.h"
#include "ui/editor/scenario_document.h"
#include "ui/window/main_window.h"

namespace eventscope::ui {

void MainWindow::createWhatIf() {
  m_whatIf = new WhatIfRunner(this);
  m_comparison = new ComparisonPanel(this);
  m_comparisonDock = addDebugDock(m_comparison, tr("What-If"), QStringLiteral("comparisonDock"));
  connect(m_comparison, &ComparisonPanel::exportRequested, this,
          [this] { exportImage(m_comparison, tr("Comparison")); });
  m_whatIfLabel = new QLabel(this);
  m_whatIfLabel->setObjectName(QStringLiteral("whatIfLabel"));
  statusBar()->addWidget(m_whatIfLabel);
  m_whatIfLabel->hide();

  auto* replay = new QAction(tr("Replay with &Changes…"), this);
  replay->setObjectName(QStringLiteral("replayWithChanges"));
  replay->setToolTip(
      tr("Copy this recording's model into the editor to change it, then Run "
         "What-If replays the recorded inputs into it"));
  connect(replay, &QAction::triggered, this, &MainWindow::beginWhatIf);
  auto* run = new QAction(tr("Run &What-If"), this);
  run->setObjectName(QStringLiteral("runWhatIf"));
  run->setShortcut(QKeySequence(tr("Ctrl+Shift+R")));
  run->setToolTip(
      tr("Replay the recording's inputs into the changed model and compare the two "
         "runs (Ctrl+Shift+R)"));
  connect(run, &QAction::triggered, this, &MainWindow::runWhatIf);
  addAction(replay);
  addAction(run);
  connect(m_whatIf, &WhatIfRunner::finished, this, &MainWindow::whatIfFinished);
  updateWhatIfActions();
}

void MainWindow::beginWhatIf() {
  if (!m_recordingMode || m_player->derivedModel()) return;
  m_whatIfBase = m_player->path();
  leaveRecording();  // the document already holds the recording's model
  m_whatIfLabel->setText(tr("What-if on %1: change the model, then Run What-If (Ctrl+Shift+R)")
                             .arg(QFileInfo(m_whatIfBase).fileName()));
  m_whatIfLabel->show();
  updateWhatIfActions();
}

void MainWindow::endWhatIf() {
  m_whatIfBase.clear();
  m_whatIfLabel->hide();
  updateWhatIfActions();
}

void MainWindow::updateWhatIfActions() {
  if (QAction* a = action(QStringLiteral("replayWithChanges")))
    a->setEnabled(m_recordingMode && !m_player->derivedModel());
  if (QAction* a = action(QStringLiteral("runWhatIf")))
    a->setEnabled(!m_recordingMode && !m_whatIfBase.isEmpty() && m_runnable &&
                  !m_whatIf->running());
}

void MainWindow::runWhatIf() {
  if (m_whatIfBase.isEmpty() || !m_runnable || m_whatIf->running()) return;
  const QString output = WhatIfRunner::temporaryOutputPath();
  if (!m_whatIf->start(m_whatIfBase, m_document->scenario(), output)) return;
  m_whatIfOutputs.push_back(output);
  updateWhatIfActions();
  auto* progress = new QProgressDialog(
      tr("Replaying %1 into the changed model…").arg(QFileInfo(m_whatIfBase).fileName()),
      tr("Cancel"), 0, 1000, this);
  progress->setObjectName(QStringLiteral("whatIfProgress"));
  progress->setWindowModality(Qt::WindowModal);
  progress->setMinimumDuration(300);
  auto* poll = new QTimer(progress);
  connect(poll, &QTimer::timeout, progress,
          [this, progress] { progress->setValue(static_cast<int>(m_whatIf->progress() * 1000)); });
  connect(progress, &QProgressDialog::canceled, m_whatIf, &WhatIfRunner::cancel);
  connect(m_whatIf, &WhatIfRunner::finished, progress, &QObject::deleteLater);
  poll->start(100);
}

void MainWindow::whatIfFinished(const QString& output, const QString& error,
                                const QStringList& notes) {
  updateWhatIfActions();
  if (output.isEmpty()) {
    if (!m_whatIf->wasCancelled()) QMessageBox::warning(this, tr("What-if failed"), error);
    return;
  }
  QString problem;
  if (!m_comparison->setRuns(m_whatIfBase, output, &problem)) {
    QMessageBox::warning(this, tr("Cannot compare the runs"), problem);
    return;
  }
  m_comparison->setNotes(notes);
  m_comparisonDock->show();
  m_comparisonDock->raise();
  statusBar()->showMessage(
      tr("What-if done: A is %1, B the changed model").arg(QFileInfo(m_whatIfBase).fileName()),
      8000);
}

// What-if results are temporary recordings: gone with the window.
void MainWindow::removeWhatIfOutputs() {
  for (const QString& path : m_whatIfOutputs)
    core::store::removeRecordingFiles(path.toStdString());
  m_whatIfOutputs.clear();
}

}  // namespace eventscope::ui
