#pragma once

#include <QGraphicsItem>
#include <QString>

#include "core/model/node_ref.h"
#include "ui/controller/live_snapshot.h"

namespace eventscope::ui {

// Item type ids: one QGraphicsItem class per visual concept (DESIGN.md §7).
enum ItemType {
  kProducerItemType = QGraphicsItem::UserType + 1,
  kTopicItemType,
  kServiceItemType,
  kEdgeItemType,
  kTokenLayerType,
};

// A producer, topic or service box on the canvas: name, what it is, and its live state. The
// port on the right edge is where a drag starts a new connection.
class NodeItem : public QGraphicsItem {
 public:
  NodeItem(core::NodeRef ref, QString name);

  core::NodeRef ref() const { return m_ref; }
  const QString& name() const { return m_name; }
  QRectF boundingRect() const override;
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
  // The connection port, in item coordinates.
  QRectF portRect() const;
  // Highlighted (a lesson or a trace names this node).
  void setHighlighted(bool on);
  bool isHighlighted() const { return m_highlighted; }
  // The live state in a snapshot changed; repaints.
  virtual void setLive(const LiveSnapshot& snapshot) = 0;

 protected:
  QRectF box() const;
  // The frame's colour: pressure for topics and services, neutral for producers.
  virtual QColor accent() const = 0;
  virtual QString kindLabel() const = 0;
  // Everything below the title line.
  virtual void paintBody(QPainter* painter, const QRectF& body) const = 0;
  // A state badge ("slow ×5", "paused") on the top border, right-aligned, over no text.
  void paintBadge(QPainter* painter, const QString& text, const QColor& color) const;
  QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;

 private:
  core::NodeRef m_ref;
  QString m_name;
  bool m_highlighted = false;
};

}  // namespace eventscope::ui
