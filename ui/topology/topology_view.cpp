#include "ui/topology/topology_view.h"

#include <QMouseEvent>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

#include "ui/topology/topology_geometry.h"
#include "ui/topology/topology_scene.h"

namespace eventscope::ui {

TopologyView::TopologyView(TopologyScene* scene, QWidget* parent)
    : QGraphicsView(scene, parent), m_scene(scene) {
  setRenderHint(QPainter::Antialiasing);
  setRenderHint(QPainter::TextAntialiasing);
  setViewportUpdateMode(QGraphicsView::BoundingRectViewportUpdate);
  setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
  setDragMode(QGraphicsView::RubberBandDrag);
  setOptimizationFlag(QGraphicsView::DontSavePainterState);
}

void TopologyView::fitModel() {
  const QRectF content = m_scene->contentRect();
  if (content.isEmpty()) {
    resetTransform();
    centerOn(0, 0);
    return;
  }
  fitInView(content, Qt::KeepAspectRatio);
  // Never blow a small model up past its natural size.
  if (zoom() > 1.0) {
    resetTransform();
    centerOn(content.center());
  }
}

void TopologyView::zoomBy(double factor) {
  const double target = std::clamp(zoom() * factor, 0.1, 4.0);
  const double applied = target / zoom();
  scale(applied, applied);
}

void TopologyView::wheelEvent(QWheelEvent* event) {
  if ((event->modifiers() & Qt::ControlModifier) != 0) {
    zoomBy(std::pow(1.0015, event->angleDelta().y()));
    event->accept();
    return;
  }
  QGraphicsView::wheelEvent(event);
}

void TopologyView::mousePressEvent(QMouseEvent* event) {
  if (event->button() == Qt::MiddleButton) {
    setDragMode(QGraphicsView::ScrollHandDrag);
    // The hand drag only starts on a left press: replay the press as one.
    QMouseEvent press(event->type(), event->position(), event->globalPosition(), Qt::LeftButton,
                      Qt::LeftButton, event->modifiers());
    QGraphicsView::mousePressEvent(&press);
    return;
  }
  QGraphicsView::mousePressEvent(event);
}

void TopologyView::mouseReleaseEvent(QMouseEvent* event) {
  if (event->button() == Qt::MiddleButton) {
    QMouseEvent release(event->type(), event->position(), event->globalPosition(), Qt::LeftButton,
                        Qt::NoButton, event->modifiers());
    QGraphicsView::mouseReleaseEvent(&release);
    setDragMode(QGraphicsView::RubberBandDrag);
    return;
  }
  QGraphicsView::mouseReleaseEvent(event);
}

void TopologyView::drawBackground(QPainter* painter, const QRectF& rect) {
  painter->fillRect(rect, palette().color(QPalette::Window));
  // A light dot grid at the snap spacing x4, only when zoomed in enough to be useful.
  if (zoom() < 0.5) return;
  const double step = geometry::kGrid * 4;
  QColor dot = palette().color(QPalette::Mid);
  dot.setAlpha(90);
  painter->setPen(QPen(dot, 1.5));
  const double left = std::floor(rect.left() / step) * step;
  const double top = std::floor(rect.top() / step) * step;
  QPolygonF points;
  for (double x = left; x < rect.right(); x += step)
    for (double y = top; y < rect.bottom(); y += step)
      points.append(QPointF(x, y));
  painter->drawPoints(points);
}

}  // namespace eventscope::ui

namespace eventscope::ui {

void TopologyView::drawForeground(QPainter* painter, const QRectF&) {
  if (!m_scene->nodes().empty()) return;
  painter->save();
  painter->resetTransform();
  QFont font = painter->font();
  font.setPointSizeF(font.pointSizeF() * 1.15);
  painter->setFont(font);
  painter->setPen(palette().color(QPalette::PlaceholderText));
  const QRect area = viewport()->rect().adjusted(60, 60, -60, -60);
  painter->drawText(area, Qt::AlignCenter | Qt::TextWordWrap,
                    tr("An empty model.\n\nAdd a topic, a producer and a service from the "
                       "toolbar (or right-click here).\nConnect them by dragging from the small "
                       "circle on a node's right edge to another node.\nSelect a node to edit "
                       "it in Properties; press Space to run."));
  painter->restore();
}

}  // namespace eventscope::ui
