#include "ui/topology/node_item.h"

#include <QGraphicsScene>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include "ui/topology/topology_geometry.h"

namespace eventscope::ui {

NodeItem::NodeItem(core::NodeRef ref, QString name) : m_ref(ref), m_name(std::move(name)) {
  setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges);
  setAcceptHoverEvents(true);
  setZValue(1);
  setToolTip(m_name);
}

QRectF NodeItem::box() const {
  return geometry::nodeRect(m_ref.kind, {0, 0});
}

QRectF NodeItem::boundingRect() const {
  return box().adjusted(-8, -8, 8, 8);
}

QRectF NodeItem::portRect() const {
  const QRectF b = box();
  return {b.right() - 7, b.center().y() - 7, 14, 14};
}

void NodeItem::setHighlighted(bool on) {
  if (m_highlighted == on) return;
  m_highlighted = on;
  update();
}

void NodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
  // The scene's palette, which follows the light or dark theme (the option's may not).
  const QPalette palette = scene() != nullptr ? scene()->palette() : option->palette;
  const QRectF b = box();
  painter->setRenderHint(QPainter::Antialiasing);
  if (m_highlighted) {
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(255, 200, 0, 110));
    painter->drawRoundedRect(b.adjusted(-7, -7, 7, 7), 12, 12);
  }
  const double radius = m_ref.kind == core::NodeKind::Topic ? 4 : 10;
  // Selection is an outline of its own, so the frame keeps showing pressure.
  if ((option->state & QStyle::State_Selected) != 0) {
    painter->setPen(QPen(palette.color(QPalette::Highlight), 2, Qt::DashLine));
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(b.adjusted(-5, -5, 5, 5), radius + 4, radius + 4);
  }
  painter->setBrush(palette.color(QPalette::Base));
  painter->setPen(QPen(accent(), 2));
  painter->drawRoundedRect(b, radius, radius);

  // Title: kind label and name.
  QFont font = painter->font();
  QFont small = font;
  small.setPointSizeF(font.pointSizeF() * 0.8);
  painter->setFont(small);
  painter->setPen(palette.color(QPalette::PlaceholderText));
  const QRectF title(b.left() + 8, b.top() + 3, b.width() - 16, 14);
  painter->drawText(title, Qt::AlignLeft | Qt::AlignVCenter, kindLabel());
  QFont bold = font;
  bold.setBold(true);
  painter->setFont(bold);
  painter->setPen(palette.color(QPalette::Text));
  const QRectF nameRect(b.left() + 8, b.top() + 16, b.width() - 16, 18);
  painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                    painter->fontMetrics().elidedText(m_name, Qt::ElideRight,
                                                      static_cast<int>(nameRect.width())));
  painter->setFont(font);
  paintBody(painter, QRectF(b.left() + 8, b.top() + 36, b.width() - 16, b.bottom() - b.top() - 40));

  painter->setPen(QPen(palette.color(QPalette::Mid), 1));
  painter->setBrush(palette.color(QPalette::Button));
  painter->drawEllipse(portRect().adjusted(2, 2, -2, -2));
}

void NodeItem::paintBadge(QPainter* painter, const QString& text, const QColor& color) const {
  const QRectF b = box();
  const double width = painter->fontMetrics().horizontalAdvance(text) + 14;
  const QRectF badge(b.right() - width - 10, b.top() - 8, width, 16);
  painter->setPen(Qt::NoPen);
  painter->setBrush(color);
  painter->drawRoundedRect(badge, 8, 8);
  painter->setPen(Qt::white);
  painter->drawText(badge, Qt::AlignCenter, text);
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant& value) {
  if (change == ItemPositionChange) return geometry::snapped(value.toPointF());
  return QGraphicsItem::itemChange(change, value);
}

}  // namespace eventscope::ui
