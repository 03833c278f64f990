#pragma once

#include <QHash>
#include <QMainWindow>
#include <memory>
#include <optional>

#include "core/model/node_ref.h"
#include "ui/controller/live_snapshot.h"
#include "ui/controller/run_controller.h"

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;
class QStackedWidget;
class QTimer;

namespace eventscope::ui {

class ChartsPanel;
class ModelEditor;
class PropertiesPanel;
class RecordingPlayer;
class TimelineBar;
class TracePanel;
class EventLogPanel;
class DeadLetterPanel;
class ComparisonPanel;
class WhatIfRunner;
class ScenarioDocument;
class LessonsPanel;
class TopologyScene;
class TopologyView;
class WelcomePage;

// Whether a file is a recording (an SQLite database) rather than a scenario.
bool isRecordingFile(const QString& path);

// The main window: assembles the canvas, the docks, the actions and the controllers, and
// keeps the window's layout, recent files and palette in QSettings. The work itself lives in
// the document, the editor, the run controller and the views.
class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  // Opens a scenario file (or a bundled demo, ":/scenarios/..."); on failure shows the errors
  // in a dialog (unless quiet) and changes nothing.
  bool openFile(const QString& path, QString* error = nullptr, bool quiet = false);
  void showCanvas();
  void showWelcome();
  // The dialog for a file that could not be opened: what failed, every problem in details.
  void showOpenError(const QString& path, const QString& error);

  ScenarioDocument* document() const { return m_document; }
  RunController* controller() const { return m_controller; }
  TopologyScene* scene() const { return m_scene; }
  TopologyView* view() const { return m_view; }
  ModelEditor* editor() const { return m_editor; }
  ChartsPanel* charts() const { return m_charts; }
  PropertiesPanel* properties() const { return m_properties; }
  QAction* action(const QString& name) const;
  // Pulls the latest snapshot and shows it now (the frame timer does this 60 times a second).
  // With spreadTokens, tokens are spread along their edges (a still picture).
  void showLatest(bool spreadTokens = false);
  // Whether the model has no problems and can run.
  bool runnable() const { return m_runnable; }
  // Opens a recording in the debugger views (timeline, event log, traces, dead letters); on
  // failure shows why (unless quiet) and changes nothing.
  bool openRecording(const QString& path, QString* error = nullptr, bool quiet = false);
  // Shows the chain of this correlation id in the Trace dock.
  void showTrace(std::uint64_t correlation);
  // Whether the window shows a recording (else the model and its live run).
  bool recordingMode() const { return m_recordingMode; }
  RecordingPlayer* player() const { return m_player; }
  TimelineBar* timeline() const { return m_timeline; }
  TracePanel* trace() const { return m_trace; }
  EventLogPanel* eventLog() const { return m_eventLog; }
  DeadLetterPanel* deadLetters() const { return m_deadLetters; }
  ComparisonPanel* comparison() const { return m_comparison; }
  WhatIfRunner* whatIf() const { return m_whatIf; }
  // Replay with Changes: the open recording's model goes into the editor.
  void beginWhatIf();
  // Run What-If: the recording's inputs into the edited model, then A and B compared.
  void runWhatIf();
  // Redrives dead letters: in the live run, or from a recording by running its model live to
  // the time cursor first (the engine is deterministic: the same run, the same event ids).
  void redrive(const std::vector<std::uint64_t>& ids);
  // Moves the time cursor: seeks the recording, or runs the live model there.
  void moveTo(core::SimTime t);
  // Shows the Lessons dock (it opens the lesson the learner last had).
  void showLessons();
  // Help > Guide: the built-in guide in a dock beside the canvas.
  void showGuide();
  LessonsPanel* lessons() const { return m_lessons; }

 protected:
  void closeEvent(QCloseEvent* event) override;
  // A scenario or recording dropped on the window opens.
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  // main_window.cpp: assembly, files, settings
  void createDocks();
  void createFileActions();
  void createEditActions();
  void createViewActions();
  void updateTitle();
  bool maybeSave();
  bool save();
  bool saveAs();
  void openDialog(bool recordingsFirst = false);
  void addRecent(const QString& path);
  void rebuildRecentMenu();
  void applyPalette(bool dark);
  void restoreSettings();

  // main_window_run.cpp: running, faults, status bar, context menus
  void createRunActions();
  void onModelChanged();
  void onStateChanged(RunController::State state);
  void frame();
  void updateStatus(const LiveSnapshot& snapshot);
  void showContextMenu(std::optional<core::NodeRef> node, QPointF scenePos, QPoint screenPos);
  void recordDialog();
  void exportChart();
  // main_window_debug.cpp: recordings, the timeline, the debugger docks
  void createTimeline();
  void createDebugDocks();
  void addExchangeActions(QMenu* file);
  void exportImage(QWidget* widget, const QString& what);
  void updateExchangeActions();
  void showDeadLettersIfSeen();
  void showEventLogIfSeen();
  // main_window_lessons.cpp: the Lessons dock
  void createLessons();
  void createGuide();
  // Shows a left-side dock to read (lessons, guide) beside the canvas, 420 px wide at first.
  void showReadingDock(QDockWidget* dock);
  void openLessonModel(const core::Scenario& scenario, const QString& title);
  // main_window_whatif.cpp: replay with changes, compare
  void createWhatIf();
  void endWhatIf();
  void updateWhatIfActions();
  void whatIfFinished(const QString& output, const QString& error, const QStringList& notes);
  void removeWhatIfOutputs();
  QDockWidget* addDebugDock(QWidget* panel, const QString& title, const QString& name);
  void setRecordingMode(bool on);
  void leaveRecording();
  void showRecorded();
  void seekLive(core::SimTime t);
  void markTimeline();

  ScenarioDocument* m_document;
  TopologyScene* m_scene;
  TopologyView* m_view;
  ModelEditor* m_editor;
  RunController* m_controller;
  WelcomePage* m_welcome;
  QStackedWidget* m_center;
  QWidget* m_canvasPage;  // the canvas above the timeline
  TimelineBar* m_timeline;
  RecordingPlayer* m_player;
  bool m_recordingMode = false;
  bool m_freshLayout = false;         // no saved layout: the docks get their first sizes
  bool m_deadLettersPending = false;  // the open recording's dead letters are not listed yet
  bool m_eventLogPending = false;     // the open recording's events are not in the log yet
  QString m_lastRecording;  // the last recording a live run completed (for Export Recording)
  TracePanel* m_trace;
  QDockWidget* m_traceDock;  // tabbed with the charts, like the event log and dead letters
  EventLogPanel* m_eventLog;
  QDockWidget* m_eventLogDock;
  DeadLetterPanel* m_deadLetters;
  QDockWidget* m_deadLettersDock;
  WhatIfRunner* m_whatIf;
  ComparisonPanel* m_comparison;
  QDockWidget* m_comparisonDock;
  QLabel* m_whatIfLabel;
  QString m_whatIfBase;         // the recording a what-if replays (set by Replay with Changes)
  QStringList m_whatIfOutputs;  // their results: temporary recordings
  core::SimTime m_liveSeekTarget = -1;  // a scrub of the live run waiting to be applied
  PropertiesPanel* m_properties;
  ChartsPanel* m_charts;
  QDockWidget* m_propertiesDock;
  QDockWidget* m_chartsDock;
  QDockWidget* m_legendDock;
  QMenu* m_recentMenu;
  QMenu* m_faultsMenu;
  QLabel* m_timeLabel;
  QLabel* m_rateLabel;
  QLabel* m_speedLabel;
  QTimer* m_frameTimer;
  std::shared_ptr<const LiveSnapshot> m_shown;
  std::string m_runModel;  // the model the controller runs, as text without its layout
  bool m_runnable = false;
  double m_chartsShownAt = 0;             // wall-clock seconds of the last chart refresh
  bool m_announceStep = false;            // say what a Step did once its snapshot arrives
  QHash<QDockWidget*, bool> m_dockShown;  // docks' visibility, kept while the welcome page shows
  LessonsPanel* m_lessons = nullptr;
  QDockWidget* m_lessonsDock = nullptr;
  QDockWidget* m_guideDock = nullptr;
  bool m_lessonModelShown = false;  // the document holds a lesson's model (replaced unasked)
};

}  // namespace eventscope::ui
