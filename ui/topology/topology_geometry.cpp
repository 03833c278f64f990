#include "ui/topology/topology_geometry.h"

#include <algorithm>
#include <cmath>

namespace eventscope::ui::geometry {

QSizeF nodeSize(core::NodeKind kind) {
  switch (kind) {
    case core::NodeKind::Producer:
      return {160, 70};
    case core::NodeKind::Topic:
      return {170, 74};
    case core::NodeKind::Service:
      return {180, 96};
  }
  return {150, 60};
}

QRectF nodeRect(core::NodeKind kind, QPointF centre) {
  const QSizeF size = nodeSize(kind);
  return {centre.x() - size.width() / 2, centre.y() - size.height() / 2, size.width(),
          size.height()};
}

namespace {
// Where the ray from the box's centre towards `target` crosses the box's border.
QPointF borderPoint(const QRectF& box, QPointF target) {
  const QPointF c = box.center();
  const double dx = target.x() - c.x(), dy = target.y() - c.y();
  if (dx == 0 && dy == 0) return c;
  const double sx = dx == 0 ? INFINITY : (box.width() / 2) / std::abs(dx);
  const double sy = dy == 0 ? INFINITY : (box.height() / 2) / std::abs(dy);
  const double s = std::min(sx, sy);
  return {c.x() + dx * s, c.y() + dy * s};
}
}  // namespace

QLineF edgeBetween(const QRectF& from, const QRectF& to) {
  if (from == to) return {from.center(), to.center()};
  // Left to right, the way events flow and the layout places nodes: from the sender's port on
  // its right edge to the middle of the receiver's left edge. Otherwise (a node placed behind
  // or under another) the line between the centres, cut at the borders.
  if (to.left() >= from.right() + 10) {
    return {QPointF(from.right(), from.center().y()), QPointF(to.left(), to.center().y())};
  }
  return {borderPoint(from, to.center()), borderPoint(to, from.center())};
}

QPointF pointAlong(const QLineF& edge, double t) {
  t = std::clamp(t, 0.0, 1.0);
  if (edge.p1() == edge.p2()) {
    // A loop of radius 18 above the point, once around.
    const double angle = t * 2 * M_PI;
    return {edge.p1().x() + 18 * std::sin(angle), edge.p1().y() - 18 * (1 - std::cos(angle))};
  }
  return edge.pointAt(t);
}

double servicePressure(std::uint64_t waiting, std::size_t instancesUp) {
  if (waiting == 0) return 0;
  if (instancesUp == 0) return 1;  // work waits and nobody can take it
  const double perInstance = static_cast<double>(waiting) / static_cast<double>(instancesUp);
  return std::clamp(std::log10(1 + perInstance) / 3, 0.0, 1.0);
}

double topicPressure(std::uint64_t deepestPartition, std::uint64_t capacity) {
  if (capacity == 0) return servicePressure(deepestPartition, 1);
  return std::clamp(static_cast<double>(deepestPartition) / static_cast<double>(capacity), 0.0,
                    1.0);
}

QColor pressureColor(double pressure) {
  pressure = std::clamp(pressure, 0.0, 1.0);
  // Hue from 120 (green) through 40 (amber) to 0 (red).
  const double hue = pressure < 0.5 ? 120 - 160 * pressure : 80 - 80 * pressure;
  return QColor::fromHsvF(static_cast<float>(hue / 360.0), 0.75f, 0.85f);
}

QPointF snapped(QPointF position) {
  return {std::round(position.x() / kGrid) * kGrid, std::round(position.y() / kGrid) * kGrid};
}

}  // namespace eventscope::ui::geometry
