// MainWindow: running the model live, faults, the status bar and the canvas's context menu.
#include <QAction>
#include <QComboBox>
#include <QFileDialog>
#include <QGraphicsView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <chrono>

#include "core/io/node_fields.h"
#include "core/io/scenario_writer.h"
#include "ui/charts/charts_panel.h"
#include "ui/controller/recording_player.h"
#include "ui/editor/model_editor.h"
#include "ui/editor/scenario_document.h"
#include "ui/timeline/timeline_bar.h"
#include "ui/topology/display_text.h"
#include "ui/topology/topology_scene.h"
#include "ui/topology/topology_view.h"
#include "ui/window/dead_letter_panel.h"
#include "ui/window/event_log_panel.h"
#include "ui/window/fault_menu.h"
#include "ui/window/main_window.h"

namespace eventscope::ui {

namespace {
double wallSeconds() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

// The speeds the toolbar offers: slow motion to as fast as possible.
const std::pair<const char*, double> kSpeeds[] = {
    {"0.01×", 0.01}, {"0.1×", 0.1},   {"0.5×", 0.5},
    {"1×", 1},       {"2×", 2},       {"10×", 10},
    {"100×", 100},   {"1000×", 1000}, {"Max", RunController::kMaxSpeed}};

// The model as the engine sees it: written out without positions, so moving nodes is not a
// change that resets the run.
std::string runModelText(const core::Scenario& scenario) {
  core::Scenario withoutLayout = scenario;
  withoutLayout.layout.clear();
  return core::writeScenario(withoutLayout);
}
}  // namespace

void MainWindow::createRunActions() {
  QMenu* run = menuBar()->addMenu(tr("&Run"));
  QToolBar* bar = addToolBar(tr("Run"));
  bar->setObjectName(QStringLiteral("runToolBar"));
  auto* runAction = new QAction(QIcon(QStringLiteral(":/icons/run.svg")), tr("&Run"), this);
  runAction->setObjectName(QStringLiteral("run"));
  runAction->setShortcut(QKeySequence(Qt::Key_Space));
  runAction->setToolTip(tr("Run the model live, or pause it (Space)"));
  connect(runAction, &QAction::triggered, this, [this] {
    if (m_recordingMode) {
      m_player->playing() ? m_player->pause() : m_player->play();
      return;
    }
    if (m_controller->state() == RunController::State::Running)
      m_controller->pause();
    else
      m_controller->run();
  });
  auto* step = new QAction(QIcon(QStringLiteral(":/icons/step.svg")), tr("&Step"), this);
  step->setObjectName(QStringLiteral("step"));
  step->setShortcut(QKeySequence(Qt::Key_F10));
  step->setToolTip(tr("Process the next thing that happens, then pause (F10)"));
  connect(step, &QAction::triggered, this, [this] {
    if (m_recordingMode) return m_player->stepForward();
    m_announceStep = true;
    m_controller->step();
  });
  auto* reset = new QAction(QIcon(QStringLiteral(":/icons/reset.svg")), tr("Rese&t"), this);
  reset->setObjectName(QStringLiteral("reset"));
  reset->setShortcut(QKeySequence(tr("Ctrl+R")));
  reset->setToolTip(tr("Back to time 0 (Ctrl+R)"));
  connect(reset, &QAction::triggered, this, [this] {
    if (m_recordingMode) return m_player->seek(0);
    m_scene->clearTokens();
    m_charts->clear();
    m_controller->reset();
  });
  auto* record = new QAction(QIcon(QStringLiteral(":/icons/record.svg")), tr("Re&cord…"), this);
  record->setObjectName(QStringLiteral("record"));
  record->setToolTip(tr("Record the run from time 0 into a recording file"));
  connect(record, &QAction::triggered, this, &MainWindow::recordDialog);
  run->addAction(runAction);
  run->addAction(step);
  run->addAction(reset);
  run->addAction(action(QStringLiteral("goToTime")));
  run->addAction(action(QStringLiteral("findTrace")));
  run->addSeparator();
  run->addAction(action(QStringLiteral("replayWithChanges")));
  run->addAction(action(QStringLiteral("runWhatIf")));
  run->addSeparator();
  run->addAction(record);
  m_faultsMenu = run->addMenu(tr("&Faults on Selection"));
  m_faultsMenu->setIcon(QIcon(QStringLiteral(":/icons/crash.svg")));
  connect(m_faultsMenu, &QMenu::aboutToShow, this, [this] {
    m_faultsMenu->clear();
    const auto node = m_scene->selectedNode();
    if (!node) {
      m_faultsMenu->addAction(tr("Select a service, producer or topic first"))->setEnabled(false);
      return;
    }
    addFaultActions(m_faultsMenu, m_controller, m_document->scenario(), *node,
                    m_controller->state() == RunController::State::Ready ? nullptr : m_shown.get());
  });
  bar->addAction(runAction);
  bar->addAction(step);
  bar->addAction(reset);
  bar->addAction(record);
  auto* faultsButton = m_faultsMenu->menuAction();
  faultsButton->setToolTip(tr("Inject a fault into the selected node while the model runs"));
  bar->addAction(faultsButton);
  auto* speed = new QComboBox(this);
  speed->setObjectName(QStringLiteral("speed"));
  speed->setToolTip(tr("Simulated seconds per second of your time"));
  for (const auto& [label, value] : kSpeeds)
    speed->addItem(QString::fromUtf8(label), value);
  speed->setCurrentIndex(QSettings().value(QStringLiteral("run/speed"), 3).toInt());
  connect(speed, &QComboBox::currentIndexChanged, this, [this, speed](int index) {
    m_controller->setSpeed(speed->itemData(index).toDouble());
    QSettings().setValue(QStringLiteral("run/speed"), index);
  });
  m_controller->setSpeed(speed->currentData().toDouble());
  bar->addWidget(new QLabel(tr("  Speed "), this));
  bar->addWidget(speed);

  m_timeLabel = new QLabel(this);
  m_rateLabel = new QLabel(this);
  m_speedLabel = new QLabel(this);
  for (QLabel* label : {m_timeLabel, m_rateLabel, m_speedLabel}) {
    label->setMinimumWidth(150);
    statusBar()->addPermanentWidget(label);
  }
  m_frameTimer = new QTimer(this);
  m_frameTimer->setInterval(16);  // pull at most ~60 snapshots per second
  connect(m_frameTimer, &QTimer::timeout, this, &MainWindow::frame);
  m_frameTimer->start();

  connect(m_controller, &RunController::stateChanged, this, &MainWindow::onStateChanged);
  connect(m_controller, &RunController::faultRefused, this,
          [this](const QString& reason) { statusBar()->showMessage(reason, 6000); });
  connect(m_controller, &RunController::faultApplied, this,
          [this](const QString& description, qint64 at) {
            statusBar()->showMessage(
                tr("At t = %1: %2").arg(simClock(at, m_shown ? m_shown->end : at), description),
                8000);
          });
  connect(m_controller, &RunController::recordingFinished, this,
          [this](const QString& path, const QString& error) {
            m_eventLog->setLive(false);  // one last read of the complete file
            if (error.isEmpty()) m_lastRecording = path;
            updateExchangeActions();
            if (error.isEmpty())
              statusBar()->showMessage(tr("Recorded %1").arg(path), 8000);
            else
              QMessageBox::warning(this, tr("Recording failed"), error);
          });
  connect(m_scene, &TopologyScene::contextMenuRequested, this, &MainWindow::showContextMenu);
  onStateChanged(RunController::State::Ready);
}

void MainWindow::onModelChanged() {
  const core::Scenario& scenario = m_document->scenario();
  m_runnable = core::modelProblems(scenario).empty() &&
               !(scenario.producers.empty() && scenario.services.empty());
  for (const char* name : {"run", "step", "reset", "record"}) {
    QAction* a = action(QString::fromLatin1(name));
    a->setStatusTip(m_runnable ? a->toolTip()
                               : tr("Fix the model's problems first (see Properties)"));
  }
  std::string text = m_runnable ? runModelText(scenario) : std::string();
  if (text == m_runModel) {
    // Only positions changed (or nothing): the rebuilt canvas shows the run where it is.
    if (m_shown) m_scene->showState(*m_shown);
    onStateChanged(m_controller->state());
    return;
  }
  m_runModel = std::move(text);
  // A changed model starts a new run from time 0; a model that cannot run has none.
  m_scene->clearTokens();
  m_charts->clear();
  m_shown.reset();
  if (!m_recordingMode) m_deadLetters->clear();
  for (QLabel* label : {m_timeLabel, m_rateLabel, m_speedLabel})
    label->clear();
  if (m_runnable)
    m_controller->load(scenario);
  else
    m_controller->unload();
  onStateChanged(m_runnable ? RunController::State::Ready : m_controller->state());
}

void MainWindow::onStateChanged(RunController::State state) {
  QAction* run = action(QStringLiteral("run"));
  if (m_recordingMode) {
    // The run actions move through the recording: play/pause, step one event, back to 0.
    const bool playing = m_player->playing();
    run->setText(playing ? tr("&Pause") : tr("&Play"));
    run->setIcon(
        QIcon(playing ? QStringLiteral(":/icons/pause.svg") : QStringLiteral(":/icons/run.svg")));
    run->setEnabled(true);
    action(QStringLiteral("step"))->setEnabled(true);
    action(QStringLiteral("reset"))->setEnabled(true);
    action(QStringLiteral("record"))->setEnabled(false);
    return;
  }
  const bool running = state == RunController::State::Running;
  m_timeline->setPlaying(running);
  run->setText(running ? tr("&Pause") : tr("&Run"));
  run->setIcon(
      QIcon(running ? QStringLiteral(":/icons/pause.svg") : QStringLiteral(":/icons/run.svg")));
  const bool finished = state == RunController::State::Finished;
  run->setEnabled(m_runnable && !finished);
  action(QStringLiteral("step"))->setEnabled(m_runnable && !running && !finished);
  action(QStringLiteral("reset"))->setEnabled(m_runnable);
  action(QStringLiteral("record"))->setEnabled(m_runnable && !m_controller->recording());
  updateExchangeActions();
  updateWhatIfActions();
  if (finished) {
    statusBar()->showMessage(tr("The run is complete: Reset (Ctrl+R) runs it again"), 8000);
    m_speedLabel->setText(tr("finished"));
  }
}

void MainWindow::frame() {
  showLatest(false);
}

void MainWindow::showLatest(bool spreadTokens) {
  if (m_recordingMode) return showRecorded();
  const double now = wallSeconds();
  std::shared_ptr<const LiveSnapshot> latest = m_controller->latest();
  if (!latest || latest == m_shown) {
    m_scene->animate(now);
    return;
  }
  const bool restarted = m_shown && latest->serial < m_shown->serial;
  m_shown = latest;
  if (restarted) {
    m_scene->clearTokens();
    m_charts->clear();
  }
  m_scene->applySnapshot(*latest, now, spreadTokens);
  m_deadLetters->showLive(*latest);
  // Charts refresh 4 times a second (and at once when paused or done): a refresh costs more
  // than a frame of the canvas, and buckets close far less often than frames are drawn.
  const bool settled = m_controller->state() != RunController::State::Running;
  if (latest->series && (settled || now - m_chartsShownAt >= 0.25)) {
    m_charts->update(*latest->series, latest->now, latest->end);
    m_chartsShownAt = now;
  }
  updateStatus(*latest);
  if (!m_timeline->track()->isDragging()) {
    m_timeline->setEnd(latest->end);
    m_timeline->setTime(latest->now);
  }
  if (m_announceStep) {
    m_announceStep = false;
    statusBar()->showMessage(tr("One step: the engine handled its next action; now t = %1, %2 "
                                "actions so far")
                                 .arg(simClock(latest->now, latest->end))
                                 .arg(latest->engineEvents),
                             6000);
  }
}

void MainWindow::updateStatus(const LiveSnapshot& snapshot) {
  m_timeLabel->setText(
      tr("t = %1 of %2")
          .arg(simClock(snapshot.now, snapshot.end), simClock(snapshot.end, snapshot.end)));
  m_rateLabel->setText(tr("%1 engine events/s").arg(compactCount(snapshot.engineEventsPerSecond)));
  const RunController::State state = m_controller->state();
  const bool running = state == RunController::State::Running;
  // Rates mean something only while it runs.
  m_rateLabel->setText(running ? m_rateLabel->text() : QString());
  m_speedLabel->setText(running ? tr("speed %1×").arg(compactCount(snapshot.achievedSpeed))
                        : state == RunController::State::Finished ? tr("finished")
                        : state == RunController::State::Ready    ? tr("ready")
                                                                  : tr("paused"));
}

void MainWindow::showContextMenu(std::optional<core::NodeRef> node, QPointF scenePos,
                                 QPoint screenPos) {
  QMenu menu(this);
  if (node) {
    addFaultActions(&menu, m_controller, m_document->scenario(), *node,
                    m_controller->state() == RunController::State::Ready ? nullptr : m_shown.get());
    menu.addSeparator();
    menu.addAction(action(QStringLiteral("delete")));
  } else {
    const auto add = [&](const QString& text, core::NodeKind kind) {
      connect(menu.addAction(text), &QAction::triggered, this,
              [this, kind, scenePos] { m_editor->addNode(kind, scenePos); });
    };
    add(tr("Add producer here"), core::NodeKind::Producer);
    add(tr("Add topic here"), core::NodeKind::Topic);
    add(tr("Add service here"), core::NodeKind::Service);
    menu.addSeparator();
    menu.addAction(action(QStringLiteral("layout")));
    menu.addAction(action(QStringLiteral("fit")));
  }
  menu.exec(screenPos);
}

void MainWindow::recordDialog() {
  QString path = QFileDialog::getSaveFileName(this, tr("Record the run to"), {},
                                              tr("Recordings (*.evrec *.sqlite);;All files (*)"));
  if (path.isEmpty()) return;
  if (QFileInfo::exists(path)) {
    QMessageBox::warning(
        this, tr("Not recorded"),
        tr("%1 exists; recordings never replace a file. Choose a new name.").arg(path));
    return;
  }
  m_scene->clearTokens();
  m_charts->clear();
  m_controller->record(path);
  // The event log follows the recording as the run writes it.
  m_eventLog->setLive(true);
  m_eventLog->openRecording(path);
  statusBar()->showMessage(tr("Recording to %1 from time 0: press Run").arg(path), 8000);
}

void MainWindow::exportChart() {
  const QString path = QFileDialog::getSaveFileName(this, tr("Export the chart"), tr("chart.png"),
                                                    tr("PNG image (*.png);;SVG drawing (*.svg)"));
  if (path.isEmpty()) return;
  QString error;
  if (!m_charts->exportImage(path, &error)) QMessageBox::warning(this, tr("Not exported"), error);
}

}  // namespace eventscope::ui
