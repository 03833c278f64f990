#include "ui/editor/model_editor.h"

#include <algorithm>

#include "core/io/node_fields.h"
#include "core/model/scenario_edits.h"
#include "ui/editor/scenario_document.h"
#include "ui/topology/topology_geometry.h"
#include "ui/topology/topology_scene.h"

namespace eventscope::ui {

namespace {
QString kindName(core::NodeKind kind) {
  switch (kind) {
    case core::NodeKind::Producer:
      return QObject::tr("producer");
    case core::NodeKind::Topic:
      return QObject::tr("topic");
    case core::NodeKind::Service:
      return QObject::tr("service");
  }
  return {};
}
}  // namespace

ModelEditor::ModelEditor(ScenarioDocument* document, TopologyScene* scene, QObject* parent)
    : QObject(parent), m_document(document), m_scene(scene) {
  connect(document, &ScenarioDocument::modelChanged, this, &ModelEditor::rebuildScene);
  connect(scene, &TopologyScene::nodesMoved, this, &ModelEditor::moveNodes);
  connect(scene, &TopologyScene::connectRequested, this, &ModelEditor::connectNodes);
  rebuildScene();
}

void ModelEditor::rebuildScene() {
  m_scene->setScenario(m_document->scenario());
}

QPointF ModelEditor::freeSpot(core::NodeKind kind, QPointF near) const {
  // Producers to the left, services to the right of where the person looks, as events flow;
  // then down a row at a time until nothing is in the way.
  const double column = kind == core::NodeKind::Producer  ? -250
                        : kind == core::NodeKind::Service ? 250
                                                          : 0;
  QPointF spot = geometry::snapped(near + QPointF(column, 0));
  for (int tries = 0; tries < 50; ++tries) {
    const QRectF box = geometry::nodeRect(kind, spot).adjusted(-20, -20, 20, 20);
    bool taken = false;
    for (NodeItem* item : m_scene->nodes())
      taken |= box.intersects(geometry::nodeRect(item->ref().kind, item->pos()));
    if (!taken) return spot;
    spot += QPointF(0, 130);
  }
  return spot;
}

core::NodeRef ModelEditor::addNodeNear(core::NodeKind kind, QPointF near) {
  return addNode(kind, freeSpot(kind, near));
}

core::NodeRef ModelEditor::addNode(core::NodeKind kind, QPointF position) {
  core::Scenario next = m_document->scenario();
  const core::NodeRef node = core::addNode(next, kind, position.x(), position.y());
  m_document->edit(
      next,
      tr("Add %1 %2").arg(kindName(kind), QString::fromStdString(core::nodeName(next, node))));
  m_scene->selectNode(node);
  return node;
}

void ModelEditor::connectNodes(core::NodeRef from, core::NodeRef to) {
  core::Scenario next = m_document->scenario();
  const std::string error = core::connectNodes(next, from, to);
  if (!error.empty()) {
    Q_EMIT refused(QString::fromStdString(error));
    return;
  }
  m_document->edit(next, tr("Connect %1 to %2")
                             .arg(QString::fromStdString(core::nodeName(next, from)),
                                  QString::fromStdString(core::nodeName(next, to))));
}

void ModelEditor::removeNodes(const std::vector<core::NodeRef>& nodes) {
  if (nodes.empty()) return;
  core::Scenario next = m_document->scenario();
  // By name: indices shift as nodes go.
  std::vector<std::pair<core::NodeKind, std::string>> names;
  for (const auto& node : nodes)
    names.emplace_back(node.kind, core::nodeName(next, node));
  for (const auto& [kind, name] : names) {
    const auto find = [&, kind = kind, name = name]() -> std::optional<core::NodeRef> {
      const auto index = [&](const auto& items) -> std::optional<core::NodeRef> {
        for (std::uint32_t i = 0; i < items.size(); ++i)
          if (items[i].name == name) return core::NodeRef{kind, i};
        return std::nullopt;
      };
      switch (kind) {
        case core::NodeKind::Producer:
          return index(next.producers);
        case core::NodeKind::Topic:
          return index(next.topics);
        case core::NodeKind::Service:
          return index(next.services);
      }
      return std::nullopt;
    };
    // A producer may already be gone with its topic.
    if (const auto node = find()) core::removeNode(next, *node);
  }
  core::syncImplicitTopics(next);
  m_document->edit(next, names.size() == 1
                             ? tr("Delete %1").arg(QString::fromStdString(names.front().second))
                             : tr("Delete %1 nodes").arg(names.size()));
}

void ModelEditor::removeSelected() {
  std::vector<core::NodeRef> nodes;
  for (QGraphicsItem* item : m_scene->selectedItems())
    if (auto* node = dynamic_cast<NodeItem*>(item)) nodes.push_back(node->ref());
  removeNodes(nodes);
}

void ModelEditor::moveNodes(const std::vector<std::pair<core::NodeRef, QPointF>>& moves) {
  core::Scenario next = m_document->scenario();
  // Every node's position is written, so nodes placed automatically stay where they are seen.
  for (NodeItem* item : m_scene->nodes())
    core::placeNode(next, item->ref(), item->pos().x(), item->pos().y());
  m_document->edit(next, moves.size() == 1 ? tr("Move %1").arg(QString::fromStdString(
                                                 core::nodeName(next, moves.front().first)))
                                           : tr("Move %1 nodes").arg(moves.size()));
}

void ModelEditor::layoutAgain() {
  core::Scenario next = m_document->scenario();
  if (next.layout.empty()) return;
  next.layout.clear();
  m_document->edit(next, tr("Lay out automatically"));
}

}  // namespace eventscope::ui
