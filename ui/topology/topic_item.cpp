#include "ui/topology/topic_item.h"

#include <QPainter>
#include <algorithm>

#include "ui/topology/display_text.h"
#include "ui/topology/topology_geometry.h"

namespace eventscope::ui {

TopicItem::TopicItem(std::uint32_t index, const core::TopicSpec& spec, bool read)
    : NodeItem({core::NodeKind::Topic, index}, QString::fromStdString(spec.name)),
      m_partitions(spec.partitions),
      m_capacity(spec.capacity.value_or(0)),
      m_implicit(spec.implicit),
      m_read(read) {
  m_live.partitionDepth.assign(static_cast<std::size_t>(m_partitions), 0);
}

void TopicItem::setLive(const LiveSnapshot& snapshot) {
  if (ref().index >= snapshot.topics.size()) return;
  m_live = snapshot.topics[ref().index];
  update();
}

QString TopicItem::kindLabel() const {
  QString label = m_partitions == 1 ? QStringLiteral("TOPIC")
                                    : QStringLiteral("TOPIC · %1 partitions").arg(m_partitions);
  if (m_capacity > 0)
    label += QStringLiteral(" · ≤%1").arg(compactCount(static_cast<double>(m_capacity)));
  return label;
}

QColor TopicItem::accent() const {
  if (!m_read) return QColor(120, 130, 140);
  std::uint64_t deepest = 0;
  for (auto depth : m_live.partitionDepth)
    deepest = std::max(deepest, depth);
  return geometry::pressureColor(geometry::topicPressure(deepest, m_capacity));
}

void TopicItem::paintBody(QPainter* painter, const QRectF& body) const {
  const auto& depths = m_live.partitionDepth;
  std::uint64_t deepest = 0, total = 0;
  for (auto depth : depths) {
    deepest = std::max(deepest, depth);
    total += depth;
  }
  // Bars share one scale: the capacity when bounded, else the deepest partition (at least 10).
  const double scale =
      static_cast<double>(m_capacity > 0 ? m_capacity : std::max<std::uint64_t>(deepest, 10));
  const std::size_t shown = std::min<std::size_t>(depths.size(), 32);
  const QRectF bars(body.left(), body.top(), body.width() * 0.55, body.height() - 2);
  const double gap = 2;
  const double width = shown == 0 ? 0
                                  : (bars.width() - gap * static_cast<double>(shown - 1)) /
                                        static_cast<double>(shown);
  const QColor outline = painter->pen().color();
  for (std::size_t p = 0; p < shown; ++p) {
    const QRectF slot(bars.left() + static_cast<double>(p) * (width + gap), bars.top(), width,
                      bars.height());
    painter->setPen(QPen(outline, 0.5));
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(slot);
    const double fill = std::min(1.0, static_cast<double>(depths[p]) / scale);
    if (fill > 0) {
      painter->setPen(Qt::NoPen);
      painter->setBrush(
          m_read ? geometry::pressureColor(geometry::topicPressure(depths[p], m_capacity))
                 : QColor(150, 160, 170));
      painter->drawRect(QRectF(slot.left(), slot.bottom() - slot.height() * fill, slot.width(),
                               slot.height() * fill));
    }
  }
  painter->setPen(outline);
  const QRectF text(bars.right() + 6, body.top(), body.right() - bars.right() - 6, body.height());
  QString label = (m_read ? QStringLiteral("%1 held") : QStringLiteral("%1 kept"))
                      .arg(compactCount(static_cast<double>(total)));
  if (m_live.dropped + m_live.rejected > 0)
    label += QStringLiteral("\n%1 lost")
                 .arg(compactCount(static_cast<double>(m_live.dropped + m_live.rejected)));
  else if (m_implicit)
    label += QStringLiteral("\n(implicit)");
  painter->drawText(text, Qt::AlignLeft | Qt::AlignTop, label);
  if (m_live.duplicateFraction > 0)
    paintBadge(painter, QStringLiteral("duplicating %1%").arg(m_live.duplicateFraction * 100),
               QColor(160, 80, 220));
}

}  // namespace eventscope::ui
