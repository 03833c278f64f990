#include "ui/topology/topology_scene.h"

#include <QGraphicsLineItem>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneMouseEvent>
#include <QPen>
#include <algorithm>
#include <cmath>

#include "core/model/auto_layout.h"
#include "ui/topology/producer_item.h"
#include "ui/topology/service_item.h"
#include "ui/topology/topic_item.h"
#include "ui/topology/topology_geometry.h"

namespace eventscope::ui {

using core::NodeKind;
using core::NodeRef;

TopologyScene::TopologyScene(QObject* parent) : QGraphicsScene(parent) {
  m_tokens = new TokenLayer;
  addItem(m_tokens);
  setItemIndexMethod(QGraphicsScene::NoIndex);  // the token layer changes every frame
  // A fixed, generous canvas: a rect that followed the items would scroll the view by itself
  // whenever an edit rebuilds them.
  setSceneRect(-20'000, -20'000, 40'000, 40'000);
}

void TopologyScene::setScenario(const core::Scenario& scenario) {
  const std::optional<NodeRef> selected = selectedNode();
  for (auto* edge : m_edges)
    delete edge;
  m_edges.clear();
  for (auto& [ref, item] : m_nodes)
    delete item;
  m_nodes.clear();
  m_tokens->clear();

  const std::vector<core::LayoutEntry> layout = core::autoLayout(scenario);
  std::map<std::string, QPointF> position;
  for (const auto& entry : layout)
    position.emplace(entry.node, QPointF(entry.x, entry.y));
  const auto place = [&](NodeItem* item, const std::string& name) {
    addItem(item);
    item->setPos(geometry::snapped(position[name]));
    m_nodes.emplace(item->ref(), item);
  };
  for (std::uint32_t i = 0; i < scenario.producers.size(); ++i)
    place(new ProducerItem(i, scenario.producers[i]), scenario.producers[i].name);
  for (std::uint32_t i = 0; i < scenario.topics.size(); ++i) {
    const std::string& name = scenario.topics[i].name;
    const bool read = std::any_of(
        scenario.services.begin(), scenario.services.end(), [&](const core::ServiceSpec& service) {
          return std::find(service.subscribes.begin(), service.subscribes.end(), name) !=
                 service.subscribes.end();
        });
    place(new TopicItem(i, scenario.topics[i], read), name);
  }
  for (std::uint32_t i = 0; i < scenario.services.size(); ++i)
    place(new ServiceItem(i, scenario.services[i]), scenario.services[i].name);

  const auto topicIndex = [&](const std::string& name) -> std::optional<std::uint32_t> {
    for (std::uint32_t t = 0; t < scenario.topics.size(); ++t)
      if (scenario.topics[t].name == name) return t;
    return std::nullopt;
  };
  for (std::uint32_t p = 0; p < scenario.producers.size(); ++p)
    if (auto t = topicIndex(scenario.producers[p].topic))
      addEdge({NodeKind::Producer, p}, {NodeKind::Topic, *t}, EdgeItem::Kind::Publish);
  for (std::uint32_t s = 0; s < scenario.services.size(); ++s) {
    const core::ServiceSpec& service = scenario.services[s];
    for (const auto& topic : service.subscribes)
      if (auto t = topicIndex(topic))
        addEdge({NodeKind::Topic, *t}, {NodeKind::Service, s}, EdgeItem::Kind::Subscribe);
    for (const auto& emit : service.emits)
      if (auto t = topicIndex(emit.topic))
        addEdge({NodeKind::Service, s}, {NodeKind::Topic, *t}, EdgeItem::Kind::Emit);
    if (service.deadLetter)
      if (auto t = topicIndex(*service.deadLetter))
        addEdge({NodeKind::Service, s}, {NodeKind::Topic, *t}, EdgeItem::Kind::DeadLetter);
  }
  m_tokens->setBounds(contentRect());
  if (selected) selectNode(*selected);
}

void TopologyScene::addEdge(NodeRef from, NodeRef to, EdgeItem::Kind kind) {
  NodeItem* a = node(from);
  NodeItem* b = node(to);
  if (a == nullptr || b == nullptr) return;
  for (auto* edge : m_edges)
    if (edge->from() == a && edge->to() == b) return;  // one arrow per pair
  auto* edge = new EdgeItem(a, b, kind);
  addItem(edge);
  m_edges.push_back(edge);
}

void TopologyScene::adjustEdges() {
  for (auto* edge : m_edges)
    edge->adjust();
  m_tokens->setBounds(contentRect());
}

NodeItem* TopologyScene::node(NodeRef ref) const {
  const auto it = m_nodes.find(ref);
  return it == m_nodes.end() ? nullptr : it->second;
}

std::vector<NodeItem*> TopologyScene::nodes() const {
  std::vector<NodeItem*> all;
  for (const auto& [ref, item] : m_nodes)
    all.push_back(item);
  return all;
}

std::optional<NodeRef> TopologyScene::selectedNode() const {
  for (QGraphicsItem* item : selectedItems())
    if (auto* n = dynamic_cast<NodeItem*>(item)) return n->ref();
  return std::nullopt;
}

void TopologyScene::selectNode(NodeRef ref) {
  clearSelection();
  if (NodeItem* item = node(ref)) item->setSelected(true);
}

void TopologyScene::highlight(const std::vector<std::string>& names) {
  for (auto& [ref, item] : m_nodes)
    item->setHighlighted(std::find(names.begin(), names.end(), item->name().toStdString()) !=
                         names.end());
}

QRectF TopologyScene::contentRect() const {
  QRectF rect;
  for (const auto& [ref, item] : m_nodes)
    rect |= item->sceneBoundingRect();
  return rect.adjusted(-60, -60, 60, 60);
}

void TopologyScene::showState(const LiveSnapshot& snapshot) {
  for (auto& [ref, item] : m_nodes)
    item->setLive(snapshot);
}

void TopologyScene::applySnapshot(const LiveSnapshot& snapshot, double now, bool spreadAlong) {
  for (auto& [ref, item] : m_nodes)
    item->setLive(snapshot);
  const std::size_t count = snapshot.tokens.size();
  for (std::size_t i = 0; i < count; ++i) {
    const Token& token = snapshot.tokens[i];
    NodeItem* from = node(token.from);
    NodeItem* to = node(token.to);
    if (from == nullptr || to == nullptr) continue;
    // Spread the window's tokens so they do not move in lockstep.
    const double spread = spreadAlong ? TokenLayer::kTokenLifetime * 0.98 : 1.0 / 60.0;
    const double born = now - spread * static_cast<double>(i) / static_cast<double>(count);
    // Ordinary tokens are thinned to a readable stream per edge; the rare kinds always show.
    const bool common = token.kind == TokenKind::Publish || token.kind == TokenKind::Deliver ||
                        token.kind == TokenKind::Emit;
    double& last = m_lastToken[{token.from, token.to}];
    if (common && std::abs(born - last) < 1.0 / kTokensPerEdgePerSecond) continue;
    if (common) last = born;
    const QLineF path = geometry::edgeBetween(geometry::nodeRect(token.from.kind, from->pos()),
                                              geometry::nodeRect(token.to.kind, to->pos()));
    m_tokens->add(path, token.kind, born, token.correlation);
  }
  m_tokens->advance(now);
}

void TopologyScene::animate(double now) {
  m_tokens->advance(now);
}

NodeItem* TopologyScene::nodeAt(QPointF scenePos) const {
  for (QGraphicsItem* item : items(scenePos))
    if (auto* n = dynamic_cast<NodeItem*>(item)) return n;
  return nullptr;
}

void TopologyScene::mousePressEvent(QGraphicsSceneMouseEvent* event) {
  if (event->button() == Qt::LeftButton) {
    NodeItem* item = nodeAt(event->scenePos());
    if (item == nullptr) {
      if (const std::uint64_t correlation = m_tokens->correlationAt(event->scenePos(), 7)) {
        Q_EMIT tokenClicked(correlation);
        event->accept();
        return;
      }
    }
    if (item != nullptr && item->portRect().contains(item->mapFromScene(event->scenePos()))) {
      m_connectFrom = item;
      m_rubberBand = addLine(QLineF(event->scenePos(), event->scenePos()),
                             QPen(QColor(70, 130, 200), 2, Qt::DashLine));
      m_rubberBand->setZValue(3);
      event->accept();
      return;
    }
  }
  QGraphicsScene::mousePressEvent(event);
  m_pressPositions.clear();
  for (QGraphicsItem* item : selectedItems())
    if (auto* n = dynamic_cast<NodeItem*>(item)) m_pressPositions[n] = n->pos();
}

void TopologyScene::mouseMoveEvent(QGraphicsSceneMouseEvent* event) {
  if (m_rubberBand != nullptr) {
    m_rubberBand->setLine(
        QLineF(m_connectFrom->scenePos() + m_connectFrom->portRect().center(), event->scenePos()));
    return;
  }
  QGraphicsScene::mouseMoveEvent(event);
  if (!m_pressPositions.empty()) adjustEdges();
}

void TopologyScene::mouseReleaseEvent(QGraphicsSceneMouseEvent* event) {
  if (m_rubberBand != nullptr) {
    delete m_rubberBand;
    m_rubberBand = nullptr;
    NodeItem* from = m_connectFrom;
    m_connectFrom = nullptr;
    NodeItem* to = nodeAt(event->scenePos());
    if (to != nullptr && to != from) Q_EMIT connectRequested(from->ref(), to->ref());
    return;
  }
  QGraphicsScene::mouseReleaseEvent(event);
  std::vector<std::pair<NodeRef, QPointF>> moves;
  for (const auto& [item, before] : m_pressPositions)
    if (item->pos() != before) moves.emplace_back(item->ref(), item->pos());
  m_pressPositions.clear();
  if (!moves.empty()) Q_EMIT nodesMoved(moves);
}

void TopologyScene::contextMenuEvent(QGraphicsSceneContextMenuEvent* event) {
  NodeItem* item = nodeAt(event->scenePos());
  if (item != nullptr && !item->isSelected()) {
    clearSelection();
    item->setSelected(true);
  }
  Q_EMIT contextMenuRequested(item ? std::optional<NodeRef>(item->ref()) : std::nullopt,
                              event->scenePos(), event->screenPos());
  event->accept();
}

}  // namespace eventscope::ui
