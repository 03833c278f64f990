#include "ui/topology/service_item.h"

#include <QPainter>
#include <algorithm>

#include "ui/topology/display_text.h"
#include "ui/topology/topology_geometry.h"

namespace eventscope::ui {

QColor instanceColor(core::InstanceState state) {
  switch (state) {
    case core::InstanceState::Idle:
      return QColor(120, 200, 120);
    case core::InstanceState::Busy:
    case core::InstanceState::Publishing:
      return QColor(40, 110, 220);
    case core::InstanceState::Down:
      return QColor(215, 50, 50);
    case core::InstanceState::Removed:
      return QColor(160, 160, 160);
  }
  return Qt::gray;
}

ServiceItem::ServiceItem(std::uint32_t index, const core::ServiceSpec& spec)
    : NodeItem({core::NodeKind::Service, index}, QString::fromStdString(spec.name)),
      m_partitioned(spec.delivery == core::DeliveryMode::Partitioned),
      m_idempotent(spec.idempotent) {
  m_live.instances.assign(static_cast<std::size_t>(std::max(spec.instances, 0)),
                          core::InstanceState::Idle);
}

void ServiceItem::setLive(const LiveSnapshot& snapshot) {
  if (ref().index >= snapshot.services.size()) return;
  m_live = snapshot.services[ref().index];
  update();
}

QString ServiceItem::kindLabel() const {
  QString label =
      m_partitioned ? QStringLiteral("SERVICE · partitioned") : QStringLiteral("SERVICE · shared");
  if (m_idempotent) label += QStringLiteral(" · idempotent");
  return label;
}

QColor ServiceItem::accent() const {
  const auto up = static_cast<std::size_t>(
      std::count_if(m_live.instances.begin(), m_live.instances.end(),
                    [](core::InstanceState s) { return s != core::InstanceState::Down; }));
  return geometry::pressureColor(geometry::servicePressure(m_live.waiting, up));
}

void ServiceItem::paintBody(QPainter* painter, const QRectF& body) const {
  const QColor text = painter->pen().color();
  // Instance squares, up to two rows; "+N" for the rest.
  const double size = 11, gap = 3;
  const auto perRow = static_cast<std::size_t>((body.width() - 28) / (size + gap));
  const std::size_t shown = std::min(m_live.instances.size(), perRow * 1);
  for (std::size_t i = 0; i < shown; ++i) {
    const QRectF square(body.left() + static_cast<double>(i) * (size + gap), body.top(), size,
                        size);
    const core::InstanceState state = m_live.instances[i];
    painter->setPen(Qt::NoPen);
    painter->setBrush(instanceColor(state));
    painter->drawRect(square);
    if (state == core::InstanceState::Down) {
      painter->setPen(QPen(Qt::white, 1.5));
      painter->drawLine(square.topLeft() + QPointF(2, 2), square.bottomRight() - QPointF(2, 2));
      painter->drawLine(square.topRight() + QPointF(-2, 2), square.bottomLeft() + QPointF(2, -2));
    }
  }
  painter->setPen(text);
  if (m_live.instances.size() > shown)
    painter->drawText(QRectF(body.left() + static_cast<double>(shown) * (size + gap),
                             body.top() - 2, 40, size + 4),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      QStringLiteral("+%1").arg(m_live.instances.size() - shown));
  const QFontMetrics metrics = painter->fontMetrics();
  const int width = static_cast<int>(body.width());
  const QString queue = QStringLiteral("%1 waiting · %2 in work")
                            .arg(compactCount(static_cast<double>(m_live.waiting + m_live.delayed)),
                                 compactCount(static_cast<double>(m_live.inProcess)));
  QString flow = QStringLiteral("%1 acks/s").arg(compactCount(m_live.throughput));
  if (m_live.deadLettered > 0)
    flow +=
        QStringLiteral(" · %1 dead").arg(compactCount(static_cast<double>(m_live.deadLettered)));
  const double top = body.top() + size + 3;
  painter->drawText(QRectF(body.left(), top, body.width(), metrics.height()),
                    Qt::AlignLeft | Qt::AlignVCenter,
                    metrics.elidedText(queue, Qt::ElideRight, width));
  painter->drawText(QRectF(body.left(), top + metrics.height(), body.width(), metrics.height()),
                    Qt::AlignLeft | Qt::AlignVCenter,
                    metrics.elidedText(flow, Qt::ElideRight, width));
  if (m_live.slowFactor > 1)
    paintBadge(painter, QStringLiteral("slow ×%1").arg(m_live.slowFactor), QColor(230, 140, 0));
}

}  // namespace eventscope::ui
