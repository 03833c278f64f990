// MainWindow: the Lessons dock and what it asks of the window (a model, highlights, a run), and
// the Guide dock beside it.
#include <QAction>
#include <QDockWidget>
#include <QMenuBar>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <algorithm>

#include "core/io/scenario_writer.h"
#include "ui/charts/charts_panel.h"
#include "ui/controller/run_controller.h"
#include "ui/editor/scenario_document.h"
#include "ui/lessons/lessons_panel.h"
#include "ui/topology/topology_scene.h"
#include "ui/topology/topology_view.h"
#include "ui/window/guide_panel.h"
#include "ui/window/main_window.h"

namespace eventscope::ui {

void MainWindow::createLessons() {
  m_lessons = new LessonsPanel(this);
  m_lessonsDock = new QDockWidget(tr("Lessons"), this);
  m_lessonsDock->setObjectName(QStringLiteral("lessonsDock"));
  m_lessonsDock->setWidget(m_lessons);
  addDockWidget(Qt::LeftDockWidgetArea, m_lessonsDock);
  // The lesson reads down the whole left side; the charts keep the width beside it.
  setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
  m_lessonsDock->hide();
  m_dockShown[m_lessonsDock] = false;  // it comes when asked for (Help > Lessons, the welcome)
  connect(m_lessons, &LessonsPanel::modelRequested, this, &MainWindow::openLessonModel);
  connect(m_lessons, &LessonsPanel::highlightRequested, this,
          [this](const std::vector<std::string>& names) { m_scene->highlight(names); });
  connect(m_lessons, &LessonsPanel::runRequested, this, [this] {
    if (!m_runnable) return;
    m_scene->clearTokens();
    m_charts->clear();
    m_controller->reset();
    m_controller->run();
  });
  // The lesson the learner last had open comes back with the dock.
  connect(m_lessonsDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
    if (!visible || m_lessons->currentLesson() >= 0) return;
    if (m_lessons->lessonCount() == 0) m_lessons->loadLessons();
    m_lessons->openLesson(QSettings().value(QStringLiteral("lessons/current"), 0).toInt());
  });
  connect(m_lessons, &LessonsPanel::modelRequested, this, [this] {
    QSettings().setValue(QStringLiteral("lessons/current"), m_lessons->currentLesson());
  });
}

void MainWindow::createGuide() {
  m_guideDock = new QDockWidget(tr("Guide"), this);
  m_guideDock->setObjectName(QStringLiteral("guideDock"));
  m_guideDock->setWidget(new GuidePanel(this));
  addDockWidget(Qt::LeftDockWidgetArea, m_guideDock);
  tabifyDockWidget(m_lessonsDock, m_guideDock);
  m_guideDock->hide();
  m_dockShown[m_guideDock] = false;
}

void MainWindow::showReadingDock(QDockWidget* dock) {
  const bool first = dock->isHidden();
  m_dockShown[dock] = true;
  showCanvas();
  dock->show();
  dock->raise();
  // Wide enough to read beside the canvas.
  if (first) resizeDocks({dock}, {std::max(420, width() / 4)}, Qt::Horizontal);
}

void MainWindow::showGuide() {
  showReadingDock(m_guideDock);
}

void MainWindow::showLessons() {
  showReadingDock(m_lessonsDock);
}

void MainWindow::openLessonModel(const core::Scenario& scenario, const QString& title) {
  // A lesson's models replace each other without asking; anything else is saved first.
  if (!m_lessonModelShown && !maybeSave()) return;
  QString error;
  if (!m_document->openText(core::writeScenario(scenario), title, &error)) {
    statusBar()->showMessage(tr("The lesson's model did not open: %1").arg(error), 8000);
    return;
  }
  m_lessonModelShown = true;
  leaveRecording();
  endWhatIf();
  showCanvas();
  // Again once the docks have their sizes: the whole model in view.
  m_view->fitModel();
  QTimer::singleShot(0, m_view, [this] { m_view->fitModel(); });
}

}  // namespace eventscope::ui
