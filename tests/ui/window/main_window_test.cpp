#include "ui/window/main_window.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QChart>
#include <QLineSeries>
#include <QTemporaryDir>

#include "support/ui_test_support.h"
#include "ui/charts/charts_panel.h"
#include "ui/editor/model_editor.h"
#include "ui/editor/scenario_document.h"
#include "ui/models/property_model.h"
#include "ui/models/series_model.h"
#include "ui/topology/topology_scene.h"
#include "ui/window/properties_panel.h"

namespace eventscope::ui {
namespace {

using testing::waitUntil;

TEST(MainWindowTest, OpensTheDemoRunsItAndChartsTheBacklog) {
  MainWindow window;
  window.resize(1400, 900);
  window.show();
  ASSERT_TRUE(window.openFile(QStringLiteral(":/scenarios/order-pipeline.yaml"), nullptr, true));
  EXPECT_TRUE(window.runnable());
  EXPECT_FALSE(window.scene()->nodes().empty());
  window.controller()->setSpeed(RunController::kMaxSpeed);
  window.action("run")->trigger();
  ASSERT_TRUE(waitUntil(
      [&] {
        const auto latest = window.controller()->latest();
        return latest && latest->now > 10 * core::kSecond;
      },
      20000));
  window.action("run")->trigger();  // pause
  window.controller()->sync();
  window.showLatest();
  // Backlog lines for every service, decimated: never more than 2 points per pixel column.
  const ChartsPanel* charts = window.charts();
  EXPECT_EQ(charts->seriesModel()->rowCount(), 5);
  EXPECT_GT(charts->lastPointCount(), 0);
  const auto series = charts->chart()->series();
  ASSERT_FALSE(series.isEmpty());
  const double columns = charts->chart()->plotArea().width();
  for (QAbstractSeries* line : series)
    EXPECT_LE(static_cast<QLineSeries*>(line)->count(), 2 * columns + 2);
}

TEST(MainWindowTest, ABrokenFileLeavesTheOpenModelAlone) {
  QTemporaryDir dir;
  const QString broken = dir.filePath("broken.yaml");
  QFile file(broken);
  ASSERT_TRUE(file.open(QIODevice::WriteOnly));
  file.write("eventscope: 1\nservices:\n  - name: billing\n    subscribes: nowhere\n");
  file.close();
  MainWindow window;
  ASSERT_TRUE(window.openFile(QStringLiteral(":/scenarios/work-queue.yaml"), nullptr, true));
  const auto nodes = window.scene()->nodes().size();
  QString error;
  EXPECT_FALSE(window.openFile(broken, &error, true));
  EXPECT_TRUE(error.contains("nowhere")) << error.toStdString();
  EXPECT_EQ(window.scene()->nodes().size(), nodes);
  EXPECT_EQ(window.document()->displayName(), QStringLiteral("work-queue.yaml"));
}

TEST(MainWindowTest, BuildingAModelFromScratchMakesItRunnable) {
  MainWindow window;
  window.document()->newModel();
  EXPECT_FALSE(window.runnable());
  ModelEditor* editor = window.editor();
  const auto topic = editor->addNode(core::NodeKind::Topic, {0, 0});
  const auto producer = editor->addNode(core::NodeKind::Producer, {-250, 0});
  const auto service = editor->addNode(core::NodeKind::Service, {250, 0});
  EXPECT_FALSE(window.runnable());  // the service subscribes to nothing yet
  EXPECT_GT(window.properties()->problemCount(), 0);
  editor->connectNodes(producer, topic);
  editor->connectNodes(topic, service);
  EXPECT_TRUE(window.runnable());
  EXPECT_EQ(window.properties()->problemCount(), 0);
  EXPECT_TRUE(window.action("run")->isEnabled());
  // Every step is undoable, back to the empty model.
  for (int i = 0; i < 5; ++i)
    window.document()->undoStack()->undo();
  EXPECT_TRUE(window.document()->scenario().topics.empty());
  EXPECT_FALSE(window.document()->isModified());
}

TEST(MainWindowTest, EveryToolbarActionExplainsItself) {
  MainWindow window;
  for (const char* name : {"new", "open", "save", "undo", "redo", "addProducer", "addTopic",
                           "addService", "delete", "run", "step", "reset", "record", "fit"}) {
    QAction* action = window.action(QString::fromLatin1(name));
    ASSERT_NE(action, nullptr) << name;
    EXPECT_FALSE(action->toolTip().isEmpty()) << name;
  }
}

}  // namespace
}  // namespace eventscope::ui

namespace eventscope::ui {
namespace {

// The "done when", through the window: build a model from nothing, run it, crash its
// service, watch the backlog grow and drain, undo an edit, save, and reopen the file.
TEST(MainWindowTest, BuildRunCrashSaveAndReopen) {
  QTemporaryDir dir;
  const QString path = dir.filePath("built.yaml");
  MainWindow window;
  window.resize(1400, 900);
  window.show();
  window.document()->newModel();
  window.showCanvas();
  window.action("addTopic")->trigger();
  window.action("addProducer")->trigger();
  window.action("addService")->trigger();
  const core::Scenario& model = window.document()->scenario();
  ASSERT_EQ(model.topics.size(), 1u);
  ASSERT_EQ(model.producers.size(), 1u);
  ASSERT_EQ(model.services.size(), 1u);
  EXPECT_EQ(model.producers[0].topic, "topic-1");  // a producer starts on the first topic
  window.editor()->connectNodes({core::NodeKind::Topic, 0}, {core::NodeKind::Service, 0});
  ASSERT_TRUE(window.runnable());

  // Properties: 400 events/s into two instances of 4 ms each (utilization 0.8).
  PropertyModel* properties = window.properties()->model();
  window.scene()->selectNode({core::NodeKind::Producer, 0});
  ASSERT_TRUE(properties->setField("rate", "400/s"));
  window.scene()->selectNode({core::NodeKind::Service, 0});
  ASSERT_TRUE(properties->setField("instances", "2"));
  ASSERT_TRUE(properties->setField("service_time", "{exponential: 4ms}"));
  ASSERT_TRUE(properties->setField("instances", "3"));
  window.document()->undoStack()->undo();  // back to 2 instances
  EXPECT_EQ(window.document()->scenario().services[0].instances, 2);

  RunController* controller = window.controller();
  controller->sync();
  controller->advanceTo(2 * core::kSecond);
  controller->inject({LiveFault::Kind::Crash, 0});
  controller->inject({LiveFault::Kind::Crash, 0});
  controller->advanceTo(5 * core::kSecond);
  controller->sync();
  window.showLatest();
  const std::uint64_t backlog = controller->latest()->services[0].waiting;
  EXPECT_GT(backlog, 800u);  // 3 s of 400/s with nobody working
  controller->inject({LiveFault::Kind::Recover, 0});
  controller->inject({LiveFault::Kind::Recover, 0});
  controller->advanceTo(30 * core::kSecond);
  controller->sync();
  window.showLatest();
  EXPECT_LT(controller->latest()->services[0].waiting, backlog / 20);
  // The chart saw the backlog rise and fall.
  EXPECT_GT(window.charts()->data().range(ChartMetric::Backlog, {0, 0}, 0, 1000).second, 100);

  QString error;
  ASSERT_TRUE(window.document()->save(path, &error)) << error.toStdString();
  MainWindow reopened;
  ASSERT_TRUE(reopened.openFile(path, &error, true)) << error.toStdString();
  const core::Scenario& again = reopened.document()->scenario();
  EXPECT_EQ(again.producers[0].ratePerSecond, 400);
  EXPECT_EQ(again.services[0].instances, 2);
  EXPECT_EQ(again.services[0].subscribes, std::vector<std::string>{"topic-1"});
  EXPECT_EQ(again.layout.size(), 3u);  // every node where it was placed
}

}  // namespace
}  // namespace eventscope::ui
