#pragma once

#include <QGraphicsScene>
#include <map>
#include <optional>
#include <vector>

#include "core/model/scenario.h"
#include "ui/controller/live_snapshot.h"
#include "ui/topology/edge_item.h"
#include "ui/topology/node_item.h"
#include "ui/topology/token_layer.h"

class QGraphicsLineItem;

namespace eventscope::ui {

// The topology canvas: one item per producer, topic and service at its layout position (or an
// automatic one), arrows for what flows where, and the token layer. It shows live snapshots
// and turns mouse gestures into requests (move, connect, context menu) that the editor turns
// into undoable edits; it never edits the model itself.
class TopologyScene : public QGraphicsScene {
  Q_OBJECT

 public:
  explicit TopologyScene(QObject* parent = nullptr);

  // Rebuilds every item for the model; keeps the selection by node where it still exists.
  void setScenario(const core::Scenario& scenario);
  // Shows the live state and starts the snapshot's tokens at wall-clock time `now` (seconds),
  // spread over one frame; with spreadAlong, spread over their whole trip instead (a still
  // picture shows them all along their edges).
  void applySnapshot(const LiveSnapshot& snapshot, double now, bool spreadAlong = false);
  // Shows the live state of the nodes without adding tokens (after the canvas was rebuilt).
  void showState(const LiveSnapshot& snapshot);
  // Moves the tokens to wall-clock time `now`.
  void animate(double now);
  void clearTokens() {
    m_tokens->clear();
    m_lastToken.clear();
  }

  NodeItem* node(core::NodeRef ref) const;
  std::vector<NodeItem*> nodes() const;
  const std::vector<EdgeItem*>& edges() const { return m_edges; }
  TokenLayer* tokenLayer() const { return m_tokens; }
  std::optional<core::NodeRef> selectedNode() const;
  void selectNode(core::NodeRef ref);
  // Highlights the nodes with these names (a lesson or a trace points at them).
  void highlight(const std::vector<std::string>& names);
  // The bounding box of the nodes, with a margin.
  QRectF contentRect() const;

 signals:
  void nodesMoved(const std::vector<std::pair<eventscope::core::NodeRef, QPointF>>& moves);
  void connectRequested(eventscope::core::NodeRef from, eventscope::core::NodeRef to);
  void contextMenuRequested(std::optional<eventscope::core::NodeRef> node, QPointF scenePos,
                            QPoint screenPos);
  // A token of a known event chain was clicked (a recording's tokens know theirs).
  void tokenClicked(std::uint64_t correlation);

 protected:
  void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
  void mouseMoveEvent(QGraphicsSceneMouseEvent* event) override;
  void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;
  void contextMenuEvent(QGraphicsSceneContextMenuEvent* event) override;

 private:
  NodeItem* nodeAt(QPointF scenePos) const;
  void addEdge(core::NodeRef from, core::NodeRef to, EdgeItem::Kind kind);
  void adjustEdges();

  // Ordinary tokens shown per edge and second at most: more would merge into a solid line.
  static constexpr double kTokensPerEdgePerSecond = 14;

  std::map<core::NodeRef, NodeItem*> m_nodes;
  std::map<std::pair<core::NodeRef, core::NodeRef>, double> m_lastToken;  // wall time, per edge
  std::vector<EdgeItem*> m_edges;
  TokenLayer* m_tokens = nullptr;
  // Connecting by drag: the node the drag started at and the rubber-band line.
  NodeItem* m_connectFrom = nullptr;
  QGraphicsLineItem* m_rubberBand = nullptr;
  std::map<NodeItem*, QPointF> m_pressPositions;  // to tell a move from a click
};

}  // namespace eventscope::ui
