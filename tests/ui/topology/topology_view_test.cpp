#include "ui/topology/topology_view.h"

#include <gtest/gtest.h>

#include <QTest>

#include "ui/editor/model_editor.h"
#include "ui/editor/scenario_document.h"
#include "ui/topology/topology_scene.h"

namespace eventscope::ui {
namespace {

// The gestures a person makes with the mouse, sent to the real view.
class TopologyViewTest : public ::testing::Test {
 protected:
  void SetUp() override {
    document.newModel();
    topic = editor.addNode(core::NodeKind::Topic, QPointF(0, 0));
    service = editor.addNode(core::NodeKind::Service, QPointF(300, 0));
    view.resize(900, 500);
    view.show();
    view.centerOn(150, 0);
  }
  QPoint onView(QPointF scenePos) { return view.mapFromScene(scenePos); }

  ScenarioDocument document;
  TopologyScene scene;
  ModelEditor editor{&document, &scene};
  TopologyView view{&scene};
  core::NodeRef topic, service;
};

TEST_F(TopologyViewTest, DraggingFromAPortToANodeConnectsThem) {
  NodeItem* from = scene.node(topic);
  const QPointF port = from->scenePos() + from->portRect().center();
  const QPointF target = scene.node(service)->scenePos();
  QTest::mousePress(view.viewport(), Qt::LeftButton, {}, onView(port));
  QTest::mouseMove(view.viewport(), onView((port + target) / 2));
  QTest::mouseMove(view.viewport(), onView(target));
  QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, onView(target));
  ASSERT_EQ(document.scenario().services.size(), 1u);
  EXPECT_EQ(document.scenario().services[0].subscribes, std::vector<std::string>{"topic-1"});
  EXPECT_EQ(scene.edges().size(), 1u);
}

TEST_F(TopologyViewTest, DraggingANodeMovesItAndWritesItsPosition) {
  NodeItem* item = scene.node(service);
  const QPointF grab = item->scenePos() + QPointF(-40, 10);  // inside the box, not on the port
  QTest::mousePress(view.viewport(), Qt::LeftButton, {}, onView(grab));
  QTest::mouseMove(view.viewport(), onView(grab + QPointF(20, 40)));
  QTest::mouseMove(view.viewport(), onView(grab + QPointF(40, 80)));
  QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, onView(grab + QPointF(40, 80)));
  const core::LayoutEntry* entry = nullptr;
  for (const auto& e : document.scenario().layout)
    if (e.node == "service-1") entry = &e;
  ASSERT_NE(entry, nullptr);
  EXPECT_NEAR(entry->x, 340, 10);  // snapped to the 10-unit grid
  EXPECT_NEAR(entry->y, 80, 10);
  document.undoStack()->undo();
  EXPECT_EQ(scene.node(service)->pos(), QPointF(300, 0));
}

}  // namespace
}  // namespace eventscope::ui
