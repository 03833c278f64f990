// MainWindow: recordings in the debugger views, and the timeline that moves through time in a
// recording or in the live run.
#include <QAction>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>
#include <QVBoxLayout>
#include <chrono>

#include "core/io/scenario_writer.h"
#include "core/io/units.h"
#include "ui/charts/charts_panel.h"
#include "ui/common/image_export.h"
#include "ui/controller/recording_player.h"
#include "ui/editor/scenario_document.h"
#include "ui/timeline/timeline_bar.h"
#include "ui/topology/display_text.h"
#include "ui/topology/topology_scene.h"
#include "ui/topology/topology_view.h"
#include "ui/trace/trace_panel.h"
#include "ui/window/dead_letter_panel.h"
#include "ui/window/event_log_panel.h"
#include "ui/window/exchange_dialogs.h"
#include "ui/window/main_window.h"
#include "ui/window/properties_panel.h"

namespace eventscope::ui {

namespace {
double wallNow() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

// Actions that change the model: a recording is looked at, not edited ("Replay with
// changes…" copies its model into the editor).
const char* const kEditActions[] = {"addProducer", "addTopic", "addService", "delete",
                                    "layout",      "undo",     "redo"};
}  // namespace

bool isRecordingFile(const QString& path) {
  QFile file(path);
  return !path.startsWith(QLatin1Char(':')) && file.open(QIODevice::ReadOnly) &&
         file.read(15) == QByteArrayLiteral("SQLite format 3");
}

void MainWindow::createTimeline() {
  m_canvasPage = new QWidget(this);
  auto* layout = new QVBoxLayout(m_canvasPage);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(0);
  m_timeline = new TimelineBar(m_canvasPage);
  m_timeline->setObjectName(QStringLiteral("timeline"));
  layout->addWidget(m_view, 1);
  layout->addWidget(m_timeline);

  connect(m_timeline, &TimelineBar::seekRequested, this, [this](core::SimTime t) {
    moveTo(t);
    if (m_recordingMode) m_eventLog->selectEventAt(t);
  });
  connect(m_timeline, &TimelineBar::scrubFinished, this, [this] {
    if (!m_recordingMode && m_liveSeekTarget >= 0) seekLive(m_liveSeekTarget);
  });
  connect(m_timeline, &TimelineBar::playRequested, this, [this] {
    if (m_recordingMode)
      m_player->play();
    else if (m_runnable)
      m_controller->run();
  });
  connect(m_timeline, &TimelineBar::pauseRequested, this, [this] {
    if (m_recordingMode)
      m_player->pause();
    else
      m_controller->pause();
  });
  connect(m_timeline, &TimelineBar::stepForwardRequested, this, [this] {
    if (m_recordingMode) {
      m_player->stepForward();
    } else if (m_runnable) {
      m_announceStep = true;
      m_controller->step();
    }
  });
  connect(m_timeline, &TimelineBar::stepBackRequested, this, [this] {
    if (m_recordingMode) m_player->stepBack();
  });
  // Go to a typed time: "25s", "1m30s", "250ms" (the scenario format's durations).
  auto* goTo = new QAction(tr("&Go to Time…"), this);
  goTo->setObjectName(QStringLiteral("goToTime"));
  goTo->setShortcut(QKeySequence(tr("Ctrl+G")));
  goTo->setToolTip(tr("Move the time cursor to a time you type, like 25s (Ctrl+G)"));
  connect(goTo, &QAction::triggered, this, [this] {
    bool ok = false;
    const QString text = QInputDialog::getText(this, tr("Go to time"),
                                               tr("Simulated time (e.g. 25s, 1m30s, 250ms):"),
                                               QLineEdit::Normal, {}, &ok);
    if (!ok || text.trimmed().isEmpty()) return;
    std::string problem;
    const auto t = core::parseDuration(text.trimmed().toStdString(), &problem);
    if (!t) {
      statusBar()->showMessage(tr("Not a time: %1").arg(QString::fromStdString(problem)), 6000);
      return;
    }
    Q_EMIT m_timeline->seekRequested(*t);
  });
  addAction(goTo);
  connect(m_timeline, &TimelineBar::speedChanged, m_player, &RecordingPlayer::setSpeed);
  m_player->setSpeed(m_timeline->speed());
  connect(m_player, &RecordingPlayer::playingChanged, this, [this](bool playing) {
    m_timeline->setPlaying(playing);
    onStateChanged(m_controller->state());
  });
  connect(m_player, &RecordingPlayer::timeChanged, m_timeline, &TimelineBar::setTime);
  connect(m_player, &RecordingPlayer::failed, this, [this](const QString& error) {
    QMessageBox::warning(this, tr("Cannot read the recording"), error);
  });
}

QDockWidget* MainWindow::addDebugDock(QWidget* panel, const QString& title, const QString& name) {
  auto* dock = new QDockWidget(title, this);
  dock->setObjectName(name);
  dock->setWidget(panel);
  addDockWidget(Qt::BottomDockWidgetArea, dock);
  tabifyDockWidget(m_chartsDock, dock);
  m_chartsDock->raise();
  return dock;
}

// The debugger's docks, tabbed with the charts: they show the open recording.
void MainWindow::createDebugDocks() {
  m_trace = new TracePanel(this);
  m_traceDock = addDebugDock(m_trace, tr("Trace"), QStringLiteral("traceDock"));
  connect(m_trace, &TracePanel::timeRequested, m_timeline, &TimelineBar::seekRequested);

  m_eventLog = new EventLogPanel(this);
  m_eventLogDock = addDebugDock(m_eventLog, tr("Event Log"), QStringLiteral("eventLogDock"));
  // The log's own selection moves the cursor, and is not moved back by it.
  connect(m_eventLog, &EventLogPanel::timeRequested, this, &MainWindow::moveTo);
  connect(m_eventLog, &EventLogPanel::traceRequested, this, &MainWindow::showTrace);
  connect(m_eventLogDock, &QDockWidget::visibilityChanged, this, &MainWindow::showEventLogIfSeen);

  m_deadLetters = new DeadLetterPanel(this);
  m_deadLettersDock =
      addDebugDock(m_deadLetters, tr("Dead Letters"), QStringLiteral("deadLettersDock"));
  connect(m_deadLetters, &DeadLetterPanel::timeRequested, m_timeline, &TimelineBar::seekRequested);
  connect(m_deadLetters, &DeadLetterPanel::traceRequested, this, &MainWindow::showTrace);
  connect(m_deadLetters, &DeadLetterPanel::redriveRequested, this, &MainWindow::redrive);
  connect(m_deadLettersDock, &QDockWidget::visibilityChanged, this,
          &MainWindow::showDeadLettersIfSeen);
  connect(m_trace, &TracePanel::pathChanged, this,
          [this](const std::vector<std::string>& names) { m_scene->highlight(names); });
  connect(m_scene, &TopologyScene::tokenClicked, this,
          [this](std::uint64_t correlation) { showTrace(correlation); });
  auto* findTrace = new QAction(tr("Find &Trace…"), this);
  findTrace->setObjectName(QStringLiteral("findTrace"));
  findTrace->setShortcut(QKeySequence(tr("Ctrl+T")));
  findTrace->setToolTip(tr("Show the trace of a correlation id or an event id (Ctrl+T)"));
  connect(findTrace, &QAction::triggered, this, [this] {
    bool ok = false;
    const QString text = QInputDialog::getText(
        this, tr("Find a trace"), tr("Correlation id or event id:"), QLineEdit::Normal, {}, &ok);
    if (!ok || text.trimmed().isEmpty()) return;
    m_traceDock->show();
    m_traceDock->raise();
    m_trace->search(text.trimmed());
  });
  addAction(findTrace);
}

void MainWindow::moveTo(core::SimTime t) {
  if (m_recordingMode) {
    m_player->pause();
    m_player->seek(t);
  } else {
    seekLive(t);
  }
}

void MainWindow::addExchangeActions(QMenu* file) {
  auto* import = new QAction(tr("&Import CloudEvents…"), this);
  import->setObjectName(QStringLiteral("importCloudEvents"));
  import->setToolTip(
      tr("Make a recording from CloudEvents (JSON batch or JSON Lines) and open it"));
  connect(import, &QAction::triggered, this, [this] {
    if (!maybeSave()) return;
    const QString recording = importCloudEventsInteractive(this);
    if (!recording.isEmpty()) openRecording(recording);
  });
  auto* exportRecording = new QAction(tr("&Export Recording…"), this);
  exportRecording->setObjectName(QStringLiteral("exportRecording"));
  exportRecording->setToolTip(tr("Write the recording as CloudEvents, OTLP, Jaeger, CSV or DOT"));
  connect(exportRecording, &QAction::triggered, this, [this] {
    const QString path = m_recordingMode ? m_player->path() : m_lastRecording;
    const QString written = exportRecordingInteractive(this, path);
    if (!written.isEmpty()) statusBar()->showMessage(tr("Exported to %1").arg(written), 8000);
  });
  file->addAction(import);
  file->addAction(exportRecording);
  QMenu* images = file->addMenu(tr("Export &Image"));
  images->setObjectName(QStringLiteral("exportImageMenu"));
  connect(images->addAction(tr("&Topology…")), &QAction::triggered, this,
          [this] { exportImage(m_view, tr("Topology")); });
  connect(images->addAction(tr("&Charts…")), &QAction::triggered, this, &MainWindow::exportChart);
  connect(images->addAction(tr("T&race…")), &QAction::triggered, this,
          [this] { exportImage(m_trace, tr("Trace")); });
  updateExchangeActions();
}

void MainWindow::exportImage(QWidget* widget, const QString& what) {
  const QString path = QFileDialog::getSaveFileName(this, tr("Export the %1").arg(what.toLower()),
                                                    what.toLower() + QStringLiteral(".png"),
                                                    tr("PNG image (*.png);;SVG drawing (*.svg)"));
  if (path.isEmpty()) return;
  QString error;
  if (!saveWidgetImage(widget, path, what, &error))
    QMessageBox::warning(this, tr("Not exported"), error);
  else
    statusBar()->showMessage(tr("Saved %1").arg(path), 6000);
}

void MainWindow::updateExchangeActions() {
  if (QAction* a = action(QStringLiteral("exportRecording")))
    a->setEnabled(m_recordingMode || (!m_lastRecording.isEmpty() && !m_controller->recording()));
}

void MainWindow::showEventLogIfSeen() {
  if (!m_eventLogPending || !m_recordingMode || m_eventLog->visibleRegion().isEmpty()) return;
  m_eventLogPending = false;
  m_eventLog->setRecording(m_player->recording());
  m_eventLog->selectEventAt(m_player->time());
}

void MainWindow::showDeadLettersIfSeen() {
  if (!m_deadLettersPending || !m_recordingMode || m_deadLetters->visibleRegion().isEmpty()) return;
  m_deadLettersPending = false;
  m_deadLetters->setRecording(m_player->recording());
}

void MainWindow::redrive(const std::vector<std::uint64_t>& ids) {
  if (m_recordingMode) {
    if (m_player->derivedModel() || !m_runnable) {
      statusBar()->showMessage(tr("This recording's model cannot run: redrive needs a live run"),
                               8000);
      return;
    }
    // A dead letter published at exactly the cursor's time is included.
    const core::SimTime at = m_player->time() + 1;
    leaveRecording();
    m_controller->advanceTo(at);
    statusBar()->showMessage(
        tr("The recording's model now runs live from t = %1; press Run to watch the redriven "
           "events flow")
            .arg(simClock(at, at)),
        10000);
  }
  m_controller->redrive(ids);
}

void MainWindow::showTrace(std::uint64_t correlation) {
  m_traceDock->show();
  m_traceDock->raise();
  m_trace->showTrace(correlation);
}

bool MainWindow::openRecording(const QString& path, QString* error, bool quiet) {
  QString message;
  if (!m_player->open(path, &message)) {
    if (error != nullptr) *error = message;
    if (!quiet) showOpenError(path, message);
    return false;
  }
  const RecordedFrames& frames = *m_player->frames();
  bool opened = false;
  if (!m_player->derivedModel()) opened = m_document->open(path, &message);
  if (!opened)
    opened = m_document->openText(core::writeScenario(frames.scenario()),
                                  QFileInfo(path).completeBaseName(), &message);
  if (!opened) {
    m_player->close();
    if (error != nullptr) *error = message;
    if (!quiet) showOpenError(path, message);
    return false;
  }
  m_document->undoStack()->clear();
  endWhatIf();
  setRecordingMode(true);
  m_trace->setRecording(m_player->recording());
  m_eventLog->setLive(false);
  m_eventLogPending = true;  // a table of 10 M rows costs ~0.3 s to set up: when it is seen
  showEventLogIfSeen();
  // Listing a recording's dead letters scans it for them (seconds on 10 M events): only once
  // the dock is looked at.
  m_deadLettersPending = true;
  showDeadLettersIfSeen();
  m_deadLetters->setRecordingRedrivable(!m_player->derivedModel() && m_runnable);
  addRecent(path);
  showCanvas();
  m_view->fitModel();
  return true;
}

void MainWindow::setRecordingMode(bool on) {
  m_recordingMode = on;
  m_controller->pause();
  for (const char* name : kEditActions)
    if (QAction* a = action(QString::fromLatin1(name))) a->setEnabled(!on);
  m_properties->setEnabled(!on);
  m_scene->tokenLayer()->setFrozen(false);
  m_scene->clearTokens();
  m_charts->clear();
  m_shown.reset();
  if (on) {
    m_timeline->setEnd(m_player->end());
    m_timeline->setTime(m_player->time());
    m_timeline->setStepToolTips(tr("Step back to the previous event"),
                                tr("Step forward to the next event"));
    m_timeline->setStepBackEnabled(true);
    markTimeline();
    m_charts->update(*m_player->frames()->series(), m_player->end(), m_player->end());
  } else {
    m_player->close();
    m_trace->setRecording(nullptr);
    m_eventLogPending = false;
    if (!m_eventLog->isLive()) m_eventLog->setRecording(nullptr);
    m_deadLettersPending = false;
    m_deadLetters->clear();
    m_deadLetters->setRecordingRedrivable(false);
    m_timeline->track()->setMarks({});
    m_timeline->track()->setActivity({}, 0);
    m_timeline->setStepToolTips(tr("Step back: not in a live run (scrub back instead)"),
                                tr("Process the next thing that happens, then pause"));
    m_timeline->setStepBackEnabled(false);
    m_charts->setCursorTime(std::nullopt);
  }
  m_timeline->setPlaying(false);
  updateExchangeActions();
  updateWhatIfActions();
  updateTitle();
  onStateChanged(m_controller->state());
}

void MainWindow::leaveRecording() {
  if (m_recordingMode) setRecordingMode(false);
}

// The activity strip (acks per bucket over every service) and marks where instances went
// down and where events were dead-lettered, so the moments worth a look are easy to find.
void MainWindow::markTimeline() {
  const core::TimeSeries& series = *m_player->frames()->series();
  std::vector<float> activity(series.bucketCount(), 0);
  std::vector<TimelineTrack::Mark> marks;
  for (std::size_t s = 0; s < series.services.size(); ++s) {
    const auto& samples = series.services[s];
    const QString name = QString::fromStdString(series.serviceNames[s]);
    for (std::size_t b = 0; b < samples.size(); ++b) {
      activity[b] += static_cast<float>(samples[b].acked);
      const core::SimTime t = static_cast<core::SimTime>(b) * series.bucketWidth;
      if (b > 0 && samples[b].instances < samples[b - 1].instances)
        marks.push_back({t, QColor(0xd3, 0x2f, 0x2f),
                         tr("%1: %2 of %3 instances up")
                             .arg(name)
                             .arg(samples[b].instances)
                             .arg(samples[b - 1].instances)});
      if (samples[b].deadLettered > 0 && (b == 0 || samples[b - 1].deadLettered == 0))
        marks.push_back({t, QColor(0x8e, 0x24, 0xaa), tr("%1: dead letters from here").arg(name)});
    }
  }
  m_timeline->track()->setActivity(std::move(activity), series.bucketWidth);
  m_timeline->track()->setMarks(std::move(marks));
}

void MainWindow::showRecorded() {
  const double now = wallNow();
  std::shared_ptr<const LiveSnapshot> latest = m_player->latest();
  if (!latest || latest == m_shown) {
    m_scene->animate(now);
    return;
  }
  m_shown = latest;
  // A still picture keeps its tokens where they are (click one to see its trace); playing moves
  // them on.
  m_scene->tokenLayer()->setFrozen(false);
  if (m_player->still()) m_scene->clearTokens();
  m_scene->applySnapshot(*latest, now, m_player->still());
  m_scene->tokenLayer()->setFrozen(m_player->still());
  m_charts->setCursorTime(latest->now);
  m_timeline->setTime(latest->now);
  m_timeLabel->setText(
      tr("t = %1 of %2")
          .arg(simClock(latest->now, latest->end), simClock(latest->end, latest->end)));
  m_rateLabel->setText(tr("%1 tokens").arg(latest->tokens.size()));
  m_speedLabel->setText(m_player->playing() ? tr("playing the recording")
                                            : tr("recording, paused"));
}

// The live run moves back by running the model again from time 0 to t: the engine is
// deterministic, so the run it reaches is the one that happened.
void MainWindow::seekLive(core::SimTime t) {
  if (!m_runnable) return;
  m_liveSeekTarget = t;
  m_timeline->setTime(t);
  if (m_timeline->track()->isDragging()) return;  // applied when the drag ends
  m_liveSeekTarget = -1;
  m_controller->pause();
  const core::SimTime now = m_shown ? m_shown->now : 0;
  if (t < now) {
    m_scene->clearTokens();
    m_charts->clear();
    m_controller->rewindTo(t);
  } else {
    m_controller->advanceTo(t);
  }
  statusBar()->showMessage(t < now ? tr("Back to t = %1: the model ran again from 0 with your "
                                        "faults before then (it is deterministic: the same "
                                        "run); faults after then are dropped")
                                         .arg(simClock(t, m_shown ? m_shown->end : t))
                                   : tr("Forward to t = %1").arg(simClock(t, t)),
                           6000);
}

}  // namespace eventscope::ui
