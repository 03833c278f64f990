#include "ui/topology/edge_item.h"

#include <QGraphicsScene>
#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>
#include <cmath>

#include "ui/topology/topology_geometry.h"

namespace eventscope::ui {

EdgeItem::EdgeItem(NodeItem* from, NodeItem* to, Kind kind) : m_from(from), m_to(to), m_kind(kind) {
  setZValue(0);
  adjust();
}

void EdgeItem::adjust() {
  prepareGeometryChange();
  m_line = geometry::edgeBetween(geometry::nodeRect(m_from->ref().kind, m_from->pos()),
                                 geometry::nodeRect(m_to->ref().kind, m_to->pos()));
}

QRectF EdgeItem::boundingRect() const {
  return QRectF(m_line.p1(), m_line.p2()).normalized().adjusted(-10, -10, 10, 10);
}

QPainterPath EdgeItem::shape() const {
  QPainterPath path(m_line.p1());
  path.lineTo(m_line.p2());
  QPainterPathStroker stroker;
  stroker.setWidth(8);
  return stroker.createStroke(path);
}

void EdgeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
  if (m_line.length() < 1) return;
  painter->setRenderHint(QPainter::Antialiasing);
  QColor color = (scene() != nullptr ? scene()->palette() : option->palette).color(QPalette::Mid);
  Qt::PenStyle style = Qt::SolidLine;
  if (m_kind == Kind::DeadLetter) {
    color = QColor(200, 60, 60);
    style = Qt::DashLine;
  }
  painter->setPen(QPen(color, 1.6, style));
  painter->drawLine(m_line);
  // Arrow head at the receiving end.
  const double angle = std::atan2(-m_line.dy(), m_line.dx());
  const QPointF tip = m_line.p2();
  const double size = 9;
  const QPointF left =
      tip - QPointF(std::sin(angle + M_PI / 3) * size, std::cos(angle + M_PI / 3) * size);
  const QPointF right = tip - QPointF(std::sin(angle + M_PI - M_PI / 3) * size,
                                      std::cos(angle + M_PI - M_PI / 3) * size);
  painter->setPen(Qt::NoPen);
  painter->setBrush(color);
  painter->drawPolygon(QPolygonF({tip, left, right}));
}

}  // namespace eventscope::ui
