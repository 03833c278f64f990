#include "ui/topology/topology_scene.h"

#include <gtest/gtest.h>

#include <QGraphicsSceneMouseEvent>
#include <QSignalSpy>

#include "core/io/scenario_writer.h"
#include "support/ui_test_support.h"
#include "ui/editor/model_editor.h"
#include "ui/editor/scenario_document.h"
#include "ui/topology/topology_geometry.h"

namespace eventscope::ui {
namespace {

int countOfType(const QGraphicsScene& scene, int type) {
  int count = 0;
  for (QGraphicsItem* item : scene.items())
    count += item->type() == type ? 1 : 0;
  return count;
}

class TopologySceneTest : public ::testing::Test {
 protected:
  void SetUp() override {
    QString error;
    ASSERT_TRUE(document.open(QStringLiteral(EVENTSCOPE_SOURCE_DIR) +
                                  QStringLiteral("/resources/scenarios/order-pipeline.yaml"),
                              &error));
  }
  ScenarioDocument document;
  TopologyScene scene;
  ModelEditor editor{&document, &scene};
};

TEST_F(TopologySceneTest, OneItemPerNodeAndOneArrowPerFlow) {
  const core::Scenario& s = document.scenario();
  EXPECT_EQ(countOfType(scene, kProducerItemType), static_cast<int>(s.producers.size()));
  EXPECT_EQ(countOfType(scene, kTopicItemType), static_cast<int>(s.topics.size()));
  EXPECT_EQ(countOfType(scene, kServiceItemType), static_cast<int>(s.services.size()));
  EXPECT_EQ(countOfType(scene, kTokenLayerType), 1);
  // checkout->orders; orders->billing, inventory, notifications, analytics; billing->payments,
  // billing->orders.dlq; payments->shipping, analytics; shipping->shipments; shipments->analytics.
  int deadLetters = 0;
  for (EdgeItem* edge : scene.edges())
    deadLetters += edge->kind() == EdgeItem::Kind::DeadLetter ? 1 : 0;
  EXPECT_EQ(scene.edges().size(), 11u);
  EXPECT_EQ(deadLetters, 1);
  // Nothing overlaps: the automatic layout keeps boxes apart.
  const auto nodes = scene.nodes();
  for (std::size_t a = 0; a < nodes.size(); ++a)
    for (std::size_t b = a + 1; b < nodes.size(); ++b)
      EXPECT_FALSE(geometry::nodeRect(nodes[a]->ref().kind, nodes[a]->pos())
                       .adjusted(-10, -10, 10, 10)
                       .intersects(geometry::nodeRect(nodes[b]->ref().kind, nodes[b]->pos())))
          << nodes[a]->name().toStdString() << " / " << nodes[b]->name().toStdString();
}

TEST_F(TopologySceneTest, EditsShowAndUndoRestoresTheSameScene) {
  const int services = countOfType(scene, kServiceItemType);
  const core::NodeRef added = editor.addNode(core::NodeKind::Service, QPointF(900, 300));
  EXPECT_EQ(countOfType(scene, kServiceItemType), services + 1);
  ASSERT_TRUE(scene.selectedNode().has_value());
  EXPECT_EQ(*scene.selectedNode(), added);
  EXPECT_EQ(scene.node(added)->pos(), QPointF(900, 300));
  // Connect orders -> the new service by the same request a drag makes.
  const std::size_t edges = scene.edges().size();
  Q_EMIT scene.connectRequested({core::NodeKind::Topic, 0}, added);
  EXPECT_EQ(scene.edges().size(), edges + 1);
  EXPECT_EQ(document.scenario().services[added.index].subscribes,
            std::vector<std::string>{"orders"});
  document.undoStack()->undo();
  document.undoStack()->undo();
  EXPECT_EQ(countOfType(scene, kServiceItemType), services);
  EXPECT_EQ(scene.edges().size(), edges);
}

TEST_F(TopologySceneTest, NodesAddedNearTheSamePointDoNotCoverEachOther) {
  document.newModel();
  std::vector<core::NodeRef> added;
  for (auto kind : {core::NodeKind::Topic, core::NodeKind::Producer, core::NodeKind::Service,
                    core::NodeKind::Topic, core::NodeKind::Service})
    added.push_back(editor.addNodeNear(kind, QPointF(0, 0)));
  for (std::size_t a = 0; a < added.size(); ++a)
    for (std::size_t b = a + 1; b < added.size(); ++b)
      EXPECT_FALSE(geometry::nodeRect(added[a].kind, scene.node(added[a])->pos())
                       .intersects(geometry::nodeRect(added[b].kind, scene.node(added[b])->pos())));
  // Producers to the left of topics, services to the right: the way events flow.
  EXPECT_LT(scene.node(added[1])->pos().x(), scene.node(added[0])->pos().x());
  EXPECT_GT(scene.node(added[2])->pos().x(), scene.node(added[0])->pos().x());
}

TEST_F(TopologySceneTest, ImpossibleConnectionsAreRefusedWithAReason) {
  QSignalSpy refused(&editor, &ModelEditor::refused);
  const std::string before = core::writeScenario(document.scenario());
  Q_EMIT scene.connectRequested({core::NodeKind::Producer, 0}, {core::NodeKind::Service, 0});
  ASSERT_EQ(refused.count(), 1);
  EXPECT_TRUE(refused.at(0).at(0).toString().contains("topic"));
  EXPECT_EQ(core::writeScenario(document.scenario()), before);
}

TEST_F(TopologySceneTest, MovingANodeWritesTheLayoutAndUndoPutsItBack) {
  NodeItem* billing = scene.node({core::NodeKind::Service, 0});
  const QPointF before = billing->pos();
  Q_EMIT scene.nodesMoved({{billing->ref(), before + QPointF(100, 50)}});
  // The editor writes every node's shown position (the moved item is where the scene says).
  EXPECT_EQ(document.scenario().layout.size(), scene.nodes().size());
  document.undoStack()->undo();
  EXPECT_TRUE(document.scenario().layout.empty());
  EXPECT_EQ(scene.node({core::NodeKind::Service, 0})->pos(), before);
}

TEST_F(TopologySceneTest, DeletingATopicRemovesItsArrowsAndKeepsItsProducer) {
  editor.removeNodes({{core::NodeKind::Topic, 0}});
  EXPECT_EQ(countOfType(scene, kProducerItemType), 1);
  for (EdgeItem* edge : scene.edges())
    EXPECT_NE(edge->from()->name(), QStringLiteral("orders"));
  document.undoStack()->undo();
  EXPECT_EQ(countOfType(scene, kProducerItemType), 1);
}

TEST_F(TopologySceneTest, SnapshotsMoveTokensAlongEdges) {
  LiveSnapshot snapshot;
  snapshot.services.resize(document.scenario().services.size());
  snapshot.topics.resize(document.scenario().topics.size());
  snapshot.producers.resize(1);
  snapshot.tokens = {
      {{core::NodeKind::Producer, 0}, {core::NodeKind::Topic, 0}, TokenKind::Publish},
      {{core::NodeKind::Topic, 0}, {core::NodeKind::Service, 0}, TokenKind::Retry}};
  scene.applySnapshot(snapshot, 100.0);
  EXPECT_EQ(scene.tokenLayer()->size(), 2u);
  scene.animate(100.0 + TokenLayer::kTokenLifetime + 0.1);
  EXPECT_EQ(scene.tokenLayer()->size(), 0u);
}

}  // namespace
}  // namespace eventscope::ui

namespace eventscope::ui {
namespace {

// A recording's tokens know their event chain: a frozen token clicked says which.
TEST_F(TopologySceneTest, AClickedTokenNamesItsChain) {
  const core::NodeRef producer{core::NodeKind::Producer, 0}, topic{core::NodeKind::Topic, 0};
  LiveSnapshot snapshot;
  snapshot.tokens.push_back({producer, topic, TokenKind::Publish, 11});
  snapshot.tokens.push_back({producer, topic, TokenKind::Publish, 4242});
  scene.tokenLayer()->setFrozen(false);
  scene.applySnapshot(snapshot, 100.0, true);
  scene.tokenLayer()->setFrozen(true);
  scene.animate(200.0);  // frozen: still there
  ASSERT_EQ(scene.tokenLayer()->size(), 2u);
  const QLineF edge =
      geometry::edgeBetween(geometry::nodeRect(producer.kind, scene.node(producer)->pos()),
                            geometry::nodeRect(topic.kind, scene.node(topic)->pos()));
  // Spread along their edge: the first at its start, the second half way (0.98 / 2 of it).
  const QPointF at = geometry::pointAlong(edge, 0.49);
  EXPECT_EQ(scene.tokenLayer()->correlationAt(at, 7), 4242u);
  EXPECT_EQ(scene.tokenLayer()->correlationAt(at + QPointF(50, 50), 7), 0u);

  QSignalSpy clicked(&scene, &TopologyScene::tokenClicked);
  QGraphicsSceneMouseEvent press(QEvent::GraphicsSceneMousePress);
  press.setButton(Qt::LeftButton);
  press.setButtons(Qt::LeftButton);
  press.setScenePos(at);
  QCoreApplication::sendEvent(&scene, &press);
  ASSERT_EQ(clicked.count(), 1);
  EXPECT_EQ(clicked.front().at(0).toULongLong(), 4242u);
}

}  // namespace
}  // namespace eventscope::ui
