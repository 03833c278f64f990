#include "ui/window/main_window.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QStyleFactory>
#include <QTimer>
#include <QToolBar>
#include <QUrl>

#include "ui/charts/charts_panel.h"
#include "ui/charts/comparison_panel.h"
#include "ui/controller/recording_player.h"
#include "ui/editor/model_editor.h"
#include "ui/editor/scenario_document.h"
#include "ui/topology/topology_scene.h"
#include "ui/topology/topology_view.h"
#include "ui/window/legend_widget.h"
#include "ui/window/properties_panel.h"
#include "ui/window/welcome_page.h"

namespace eventscope::ui {

namespace {
constexpr int kMaxRecent = 8;

QAction* makeAction(QObject* parent, const QString& name, const QString& text, const QString& icon,
                    const QKeySequence& shortcut = {}, const QString& tip = {}) {
  auto* action = new QAction(
      icon.isEmpty() ? QIcon() : QIcon(QStringLiteral(":/icons/") + icon + QStringLiteral(".svg")),
      text, parent);
  action->setObjectName(name);
  if (!shortcut.isEmpty()) action->setShortcut(shortcut);
  QString toolTip =
      tip.isEmpty() ? QString(text).remove(QLatin1Char('&')).remove(QStringLiteral("…")) : tip;
  if (!shortcut.isEmpty())
    toolTip += QStringLiteral(" (%1)").arg(shortcut.toString(QKeySequence::NativeText));
  action->setToolTip(toolTip);
  action->setStatusTip(toolTip);
  return action;
}
}  // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      m_document(new ScenarioDocument(this)),
      m_scene(new TopologyScene(this)),
      m_controller(new RunController(this)),
      m_player(new RecordingPlayer(this)) {
  setWindowIcon(QIcon(QStringLiteral(":/icons/eventscope.svg")));
  m_view = new TopologyView(m_scene, this);
  m_editor = new ModelEditor(m_document, m_scene, this);
  m_welcome = new WelcomePage(this);
  m_center = new QStackedWidget(this);
  m_center->addWidget(m_welcome);
  createTimeline();
  m_center->addWidget(m_canvasPage);
  setCentralWidget(m_center);

  createDocks();
  createDebugDocks();
  createWhatIf();
  createLessons();
  createGuide();
  createFileActions();
  createEditActions();
  createRunActions();
  createViewActions();

  connect(m_document, &ScenarioDocument::modelChanged, this, &MainWindow::onModelChanged);
  connect(m_document, &ScenarioDocument::pathChanged, this, &MainWindow::updateTitle);
  connect(m_document->undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
  connect(m_editor, &ModelEditor::refused, this,
          [this](const QString& reason) { statusBar()->showMessage(reason, 6000); });
  connect(m_scene, &QGraphicsScene::selectionChanged, this,
          [this] { m_properties->showNode(m_scene->selectedNode()); });
  connect(m_properties, &PropertiesPanel::nodeRequested, this,
          [this](core::NodeRef node) { m_scene->selectNode(node); });
  connect(m_welcome, &WelcomePage::demoRequested, this,
          [this](const QString& demo) { openFile(demo); });
  connect(m_welcome, &WelcomePage::lessonsRequested, this, &MainWindow::showLessons);
  connect(m_welcome, &WelcomePage::newRequested, this, [this] {
    m_lessonModelShown = false;
    m_document->newModel();
    showCanvas();
  });
  connect(m_welcome, &WelcomePage::openRequested, this, [this] { openDialog(); });
  connect(m_welcome, &WelcomePage::openRecordingRequested, this, [this] { openDialog(true); });
  connect(m_welcome, &WelcomePage::importRequested, this,
          [this] { action(QStringLiteral("importCloudEvents"))->trigger(); });
  connect(m_welcome, &WelcomePage::recentRequested, this,
          [this](const QString& path) { openFile(path); });

  setAcceptDrops(true);
  restoreSettings();
  showWelcome();
  onModelChanged();
  updateTitle();
}

MainWindow::~MainWindow() {
  // QWidget deletes its children in creation order: the document goes before the scene, whose
  // items would otherwise report a last selection change to panels reading that document.
  m_scene->blockSignals(true);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  const QList<QUrl> urls = event->mimeData()->urls();
  if (!urls.isEmpty() && urls.front().isLocalFile()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
  const QList<QUrl> urls = event->mimeData()->urls();
  if (urls.isEmpty() || !urls.front().isLocalFile()) return;
  event->acceptProposedAction();
  const QString path = urls.front().toLocalFile();
  // Queued: a dialog (unsaved changes, an error) must not run inside the drop.
  QTimer::singleShot(0, this, [this, path] {
    if (maybeSave()) openFile(path);
  });
}

QAction* MainWindow::action(const QString& name) const {
  return findChild<QAction*>(name);
}

void MainWindow::createDocks() {
  m_properties = new PropertiesPanel(m_document, this);
  m_propertiesDock = new QDockWidget(tr("Properties"), this);
  m_propertiesDock->setObjectName(QStringLiteral("propertiesDock"));
  m_propertiesDock->setWidget(m_properties);
  addDockWidget(Qt::RightDockWidgetArea, m_propertiesDock);

  m_legendDock = new QDockWidget(tr("Legend"), this);
  m_legendDock->setObjectName(QStringLiteral("legendDock"));
  m_legendDock->setWidget(new LegendWidget(this));
  addDockWidget(Qt::RightDockWidgetArea, m_legendDock);
  tabifyDockWidget(m_propertiesDock, m_legendDock);
  m_propertiesDock->raise();

  m_charts = new ChartsPanel(this);
  m_chartsDock = new QDockWidget(tr("Charts"), this);
  m_chartsDock->setObjectName(QStringLiteral("chartsDock"));
  m_chartsDock->setWidget(m_charts);
  addDockWidget(Qt::BottomDockWidgetArea, m_chartsDock);
  connect(m_charts, &ChartsPanel::exportRequested, this, &MainWindow::exportChart);
}

void MainWindow::createFileActions() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  QToolBar* bar = addToolBar(tr("File"));
  bar->setObjectName(QStringLiteral("fileToolBar"));
  QAction* newAction =
      makeAction(this, "new", tr("&New"), "new", QKeySequence::New, tr("New empty model"));
  QAction* open = makeAction(this, "open", tr("&Open…"), "open", QKeySequence::Open,
                             tr("Open a scenario or a recording"));
  QAction* saveAction =
      makeAction(this, "save", tr("&Save"), "save", QKeySequence::Save, tr("Save the model"));
  QAction* saveAsAction = makeAction(this, "saveAs", tr("Save &As…"), {}, QKeySequence::SaveAs);
  QAction* quit = makeAction(this, "quit", tr("&Quit"), {}, QKeySequence::Quit);
  connect(newAction, &QAction::triggered, this, [this] {
    if (!maybeSave()) return;
    leaveRecording();
    endWhatIf();
    m_lessonModelShown = false;
    m_document->newModel();
    showCanvas();
  });
  connect(open, &QAction::triggered, this, [this] { openDialog(); });
  connect(saveAction, &QAction::triggered, this, &MainWindow::save);
  connect(saveAsAction, &QAction::triggered, this, &MainWindow::saveAs);
  connect(quit, &QAction::triggered, this, &QWidget::close);
  file->addAction(newAction);
  file->addAction(open);
  QMenu* demos = file->addMenu(tr("Open &Demo"));
  for (const QString& demo : WelcomePage::demoResources()) {
    QAction* item = demos->addAction(QFileInfo(demo).completeBaseName());
    connect(item, &QAction::triggered, this, [this, demo] {
      if (maybeSave()) openFile(demo);
    });
  }
  m_recentMenu = file->addMenu(tr("Open &Recent"));
  file->addSeparator();
  addExchangeActions(file);
  file->addSeparator();
  file->addAction(saveAction);
  file->addAction(saveAsAction);
  file->addSeparator();
  file->addAction(quit);
  bar->addAction(newAction);
  bar->addAction(open);
  bar->addAction(saveAction);
}

void MainWindow::createEditActions() {
  QMenu* edit = menuBar()->addMenu(tr("&Edit"));
  QToolBar* bar = addToolBar(tr("Model"));
  bar->setObjectName(QStringLiteral("modelToolBar"));
  QAction* undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
  undo->setObjectName(QStringLiteral("undo"));
  undo->setIcon(QIcon(QStringLiteral(":/icons/undo.svg")));
  undo->setShortcut(QKeySequence::Undo);
  QAction* redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
  redo->setObjectName(QStringLiteral("redo"));
  redo->setIcon(QIcon(QStringLiteral(":/icons/redo.svg")));
  redo->setShortcut(QKeySequence::Redo);
  // The undo stack renames them after each change ("Undo Add service"); the tooltips say more.
  undo->setToolTip(tr("Undo the last change to the model (%1)")
                       .arg(undo->shortcut().toString(QKeySequence::NativeText)));
  redo->setToolTip(tr("Redo the change undone last (%1)")
                       .arg(redo->shortcut().toString(QKeySequence::NativeText)));
  edit->addAction(undo);
  edit->addAction(redo);
  edit->addSeparator();
  const auto addNodeAction = [&](const char* name, const QString& text, const QString& icon,
                                 core::NodeKind kind, const QString& tip) {
    QAction* action = makeAction(this, name, text, icon, {}, tip);
    connect(action, &QAction::triggered, this, [this, kind] {
      showCanvas();
      const QPointF centre = m_view->mapToScene(m_view->viewport()->rect().center());
      m_editor->addNodeNear(kind, centre);
    });
    edit->addAction(action);
    bar->addAction(action);
  };
  addNodeAction("addProducer", tr("Add &Producer"), "producer", core::NodeKind::Producer,
                tr("Add a producer: it publishes events to a topic"));
  addNodeAction("addTopic", tr("Add &Topic"), "topic", core::NodeKind::Topic,
                tr("Add a topic: producers publish to it, services subscribe to it"));
  addNodeAction("addService", tr("Add &Service"), "service", core::NodeKind::Service,
                tr("Add a service: it consumes events from topics and may emit new ones"));
  QAction* remove = makeAction(this, "delete", tr("&Delete"), "delete", QKeySequence::Delete,
                               tr("Delete the selected nodes"));
  connect(remove, &QAction::triggered, m_editor, &ModelEditor::removeSelected);
  // Delete acts on the canvas only: in the property table it must stay a text key.
  remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
  m_view->addAction(remove);
  QAction* layout = makeAction(this, "layout", tr("&Lay Out Again"), "layout", {},
                               tr("Forget written positions and place every node automatically"));
  connect(layout, &QAction::triggered, m_editor, &ModelEditor::layoutAgain);
  edit->addSeparator();
  edit->addAction(remove);
  edit->addAction(layout);
  bar->addAction(remove);
  bar->addSeparator();
  bar->addAction(undo);
  bar->addAction(redo);
}

void MainWindow::createViewActions() {
  QMenu* view = menuBar()->addMenu(tr("&View"));
  QAction* fit = makeAction(this, "fit", tr("&Fit Model"), "fit", QKeySequence(tr("Ctrl+0")),
                            tr("Zoom to show the whole model"));
  connect(fit, &QAction::triggered, m_view, &TopologyView::fitModel);
  QAction* zoomIn = makeAction(this, "zoomIn", tr("Zoom &In"), {}, QKeySequence::ZoomIn);
  connect(zoomIn, &QAction::triggered, this, [this] { m_view->zoomBy(1.25); });
  QAction* zoomOut = makeAction(this, "zoomOut", tr("Zoom &Out"), {}, QKeySequence::ZoomOut);
  connect(zoomOut, &QAction::triggered, this, [this] { m_view->zoomBy(0.8); });
  QAction* dark = makeAction(this, "dark", tr("&Dark Palette"), {});
  dark->setCheckable(true);
  connect(dark, &QAction::toggled, this, [this](bool on) {
    applyPalette(on);
    QSettings().setValue(QStringLiteral("view/dark"), on);
  });
  view->addAction(fit);
  view->addAction(zoomIn);
  view->addAction(zoomOut);
  view->addSeparator();
  view->addAction(m_propertiesDock->toggleViewAction());
  view->addAction(m_chartsDock->toggleViewAction());
  view->addAction(m_legendDock->toggleViewAction());
  view->addAction(m_eventLogDock->toggleViewAction());
  view->addAction(m_traceDock->toggleViewAction());
  view->addAction(m_deadLettersDock->toggleViewAction());
  view->addAction(m_comparisonDock->toggleViewAction());
  view->addAction(m_lessonsDock->toggleViewAction());
  view->addAction(m_guideDock->toggleViewAction());
  view->addSeparator();
  view->addAction(dark);
  QMenu* help = menuBar()->addMenu(tr("&Help"));
  QAction* lessons = makeAction(this, "lessons", tr("&Lessons"), {}, QKeySequence(tr("Ctrl+L")),
                                tr("Learn event-driven architecture step by step on the live "
                                   "engine"));
  connect(lessons, &QAction::triggered, this, &MainWindow::showLessons);
  help->addAction(lessons);
  QAction* about = makeAction(this, "about", tr("&About Eventscope"), {});
  connect(about, &QAction::triggered, this, [this] {
    QMessageBox::about(
        this, tr("About Eventscope"),
        tr("<b>Eventscope %1</b><p>Simulate, debug and teach event-driven architectures.</p>"
           "<p>Copyright the Eventscope developers. License: GNU General Public License, "
           "version 3 or later (GPL-3.0-or-later). Built with Qt %2.</p>")
            .arg(QStringLiteral(EVENTSCOPE_VERSION), QString::fromLatin1(qVersion())));
  });
  QAction* guide = makeAction(this, "guide", tr("&Guide"), {}, QKeySequence::HelpContents,
                              tr("The built-in guide: modeling, running, faults, recordings, "
                                 "traces, what-if and lessons"));
  connect(guide, &QAction::triggered, this, &MainWindow::showGuide);
  help->insertAction(lessons, guide);
  help->addSeparator();
  help->addAction(about);
}

void MainWindow::showCanvas() {
  if (m_center->currentWidget() == m_canvasPage) return;
  m_center->setCurrentWidget(m_canvasPage);
  for (QDockWidget* dock : findChildren<QDockWidget*>())
    dock->setVisible(m_dockShown.value(dock, true));
  m_chartsDock->raise();  // the first tab of the docks below the canvas
  if (m_freshLayout) {
    // The canvas keeps two thirds of the height; the docks below share the rest.
    m_freshLayout = false;
    resizeDocks({m_chartsDock}, {height() / 3}, Qt::Vertical);
  }
  m_view->fitModel();
}

void MainWindow::showWelcome() {
  // The welcome page stands alone: docks about a model come back with the canvas.
  for (QDockWidget* dock : findChildren<QDockWidget*>()) {
    if (m_center->currentWidget() != m_welcome) m_dockShown[dock] = !dock->isHidden();
    dock->hide();
  }
  m_center->setCurrentWidget(m_welcome);
}

bool MainWindow::openFile(const QString& path, QString* error, bool quiet) {
  if (isRecordingFile(path)) return openRecording(path, error, quiet);
  QString message;
  if (!m_document->open(path, &message)) {
    if (error != nullptr) *error = message;
    if (!quiet) showOpenError(path, message);
    return false;
  }
  m_lessonModelShown = false;
  if (!path.startsWith(QLatin1Char(':')))
    addRecent(path);  // a bundled demo is saved under a new name
  leaveRecording();
  endWhatIf();
  showCanvas();
  m_view->fitModel();
  return true;
}

void MainWindow::showOpenError(const QString& path, const QString& error) {
  const QStringList lines = error.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
  QMessageBox box(QMessageBox::Critical, tr("Cannot open %1").arg(QFileInfo(path).fileName()),
                  tr("%1 was not opened; nothing changed.").arg(QFileInfo(path).fileName()),
                  QMessageBox::Ok, this);
  // Up to three problems in the dialog; all of them under Show Details when there are more.
  box.setInformativeText(lines.mid(0, 3).join(QLatin1Char('\n')));
  if (lines.size() > 3) box.setDetailedText(error);
  box.exec();
}

void MainWindow::openDialog(bool recordingsFirst) {
  if (!maybeSave()) return;
  const QString all = tr("Scenarios and recordings (*.yaml *.yml *.evrec *.sqlite)");
  const QString scenarios = tr("Scenarios (*.yaml *.yml)");
  const QString recordings = tr("Recordings (*.evrec *.sqlite)");
  const QString any = tr("All files (*)");
  const QStringList filters = recordingsFirst ? QStringList{recordings, all, scenarios, any}
                                              : QStringList{all, scenarios, recordings, any};
  const QString path = QFileDialog::getOpenFileName(
      this, recordingsFirst ? tr("Open a recording") : tr("Open a scenario or a recording"), {},
      filters.join(QStringLiteral(";;")));
  if (!path.isEmpty()) openFile(path);
}

bool MainWindow::save() {
  if (m_document->path().isEmpty() || m_document->path().startsWith(QLatin1Char(':')))
    return saveAs();
  QString error;
  if (!m_document->save(m_document->path(), &error)) {
    QMessageBox::critical(this, tr("Not saved"), error);
    return false;
  }
  statusBar()->showMessage(tr("Saved %1").arg(m_document->path()), 4000);
  return true;
}

bool MainWindow::saveAs() {
  QString path = QFileDialog::getSaveFileName(this, tr("Save the model"), m_document->displayName(),
                                              tr("Scenarios (*.yaml *.yml)"));
  if (path.isEmpty()) return false;
  if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".yaml");
  if (m_document->scenario().name == tr("Untitled").toStdString()) {
    // A model never named takes its file's name, as the reader would give a file without one.
    core::Scenario named = m_document->scenario();
    named.name = QFileInfo(path).completeBaseName().toStdString();
    m_document->edit(named, tr("Name the model %1").arg(QString::fromStdString(named.name)));
  }
  QString error;
  if (!m_document->save(path, &error)) {
    QMessageBox::critical(this, tr("Not saved"), error);
    return false;
  }
  addRecent(path);
  return true;
}

bool MainWindow::maybeSave() {
  if (!m_document->isModified()) return true;
  const auto answer = QMessageBox::warning(
      this, tr("Unsaved changes"),
      tr("%1 has changes that are not saved.").arg(m_document->displayName()),
      QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
  if (answer == QMessageBox::Save) return save();
  return answer == QMessageBox::Discard;
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (!maybeSave()) {
    event->ignore();
    return;
  }
  if (m_center->currentWidget() == m_welcome) {
    for (QDockWidget* dock : {m_propertiesDock, m_chartsDock, m_legendDock})
      dock->setVisible(m_dockShown.value(dock, true));  // save the docks as the person left them
  }
  removeWhatIfOutputs();
  QSettings settings;
  settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
  settings.setValue(QStringLiteral("window/state"), saveState());
  event->accept();
}

void MainWindow::updateTitle() {
  if (m_recordingMode) {
    setWindowTitle(
        tr("%1 (recording)[*] — Eventscope").arg(QFileInfo(m_player->path()).fileName()));
    setWindowModified(false);
    return;
  }
  setWindowTitle(QStringLiteral("%1[*] — Eventscope").arg(m_document->displayName()));
  setWindowModified(m_document->isModified());
}

void MainWindow::addRecent(const QString& path) {
  QSettings settings;
  QStringList recent = settings.value(QStringLiteral("files/recent")).toStringList();
  const QString absolute = QFileInfo(path).absoluteFilePath();
  recent.removeAll(absolute);
  recent.prepend(absolute);
  while (recent.size() > kMaxRecent)
    recent.removeLast();
  settings.setValue(QStringLiteral("files/recent"), recent);
  rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu() {
  const QStringList recent = QSettings().value(QStringLiteral("files/recent")).toStringList();
  m_recentMenu->clear();
  for (const QString& path : recent) {
    QAction* item = m_recentMenu->addAction(QFileInfo(path).fileName());
    item->setToolTip(path);
    connect(item, &QAction::triggered, this, [this, path] {
      if (maybeSave()) openFile(path);
    });
  }
  m_recentMenu->setEnabled(!recent.isEmpty());
  m_welcome->setRecentFiles(recent);
}

void MainWindow::applyPalette(bool dark) {
  qApp->setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
  if (!dark) {
    qApp->setPalette(qApp->style()->standardPalette());
  } else {
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(37, 40, 45));
    palette.setColor(QPalette::WindowText, QColor(225, 228, 232));
    palette.setColor(QPalette::Base, QColor(28, 30, 34));
    palette.setColor(QPalette::AlternateBase, QColor(45, 48, 54));
    palette.setColor(QPalette::Text, QColor(225, 228, 232));
    palette.setColor(QPalette::PlaceholderText, QColor(150, 155, 162));
    palette.setColor(QPalette::Button, QColor(50, 54, 60));
    palette.setColor(QPalette::ButtonText, QColor(225, 228, 232));
    palette.setColor(QPalette::Mid, QColor(110, 115, 122));
    palette.setColor(QPalette::Highlight, QColor(66, 133, 244));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::ToolTipBase, QColor(50, 54, 60));
    palette.setColor(QPalette::ToolTipText, QColor(225, 228, 232));
    qApp->setPalette(palette);
  }
  m_charts->setDarkTheme(dark);
  m_comparison->setDarkTheme(dark);
  // The scene keeps the palette it was made with: its items paint from it.
  m_scene->setPalette(qApp->palette());
}

void MainWindow::restoreSettings() {
  QSettings settings;
  resize(1280, 800);
  restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
  m_freshLayout = !restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
  const bool dark = settings.value(QStringLiteral("view/dark"), false).toBool();
  action(QStringLiteral("dark"))->setChecked(dark);
  applyPalette(dark);
  rebuildRecentMenu();
}

}  // namespace eventscope::ui
