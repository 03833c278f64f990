#pragma once

#include <QGraphicsItem>
#include <QLineF>

#include "ui/topology/node_item.h"

namespace eventscope::ui {

// An arrow between two nodes: a producer publishing to a topic, a service subscribing to a
// topic, a service emitting to a topic, or a service's dead-letter topic (dashed, red).
class EdgeItem final : public QGraphicsItem {
 public:
  enum class Kind { Publish, Subscribe, Emit, DeadLetter };
  EdgeItem(NodeItem* from, NodeItem* to, Kind kind);

  int type() const override { return kEdgeItemType; }
  NodeItem* from() const { return m_from; }
  NodeItem* to() const { return m_to; }
  Kind kind() const { return m_kind; }
  // The line between the two boxes' borders, in scene coordinates.
  QLineF line() const { return m_line; }
  // Follows the nodes after one of them moved.
  void adjust();

  QRectF boundingRect() const override;
  QPainterPath shape() const override;
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

 private:
  NodeItem* m_from;
  NodeItem* m_to;
  Kind m_kind;
  QLineF m_line;
};

}  // namespace eventscope::ui
