#include "ui/topology/producer_item.h"

#include <QCoreApplication>
#include <QPainter>

#include "ui/topology/display_text.h"

namespace eventscope::ui {

namespace {
QString tr(const char* text) {
  return QCoreApplication::translate("ProducerItem", text);
}
}  // namespace

ProducerItem::ProducerItem(std::uint32_t index, const core::ProducerSpec& spec)
    : NodeItem({core::NodeKind::Producer, index}, QString::fromStdString(spec.name)),
      m_event(QString::fromStdString(spec.event)),
      m_rate(compactCount(spec.ratePerSecond) + QStringLiteral("/s")) {}

void ProducerItem::setLive(const LiveSnapshot& snapshot) {
  if (ref().index >= snapshot.producers.size()) return;
  m_live = snapshot.producers[ref().index];
  update();
}

QColor ProducerItem::accent() const {
  if (m_live.blocked) return QColor(230, 140, 0);
  if (m_live.paused) return QColor(140, 140, 140);
  return QColor(96, 125, 139);  // neutral slate: a producer has no queue to show pressure
}

void ProducerItem::paintBody(QPainter* painter, const QRectF& body) const {
  const QFontMetrics metrics = painter->fontMetrics();
  const int width = static_cast<int>(body.width());
  painter->drawText(body, Qt::AlignLeft | Qt::AlignTop,
                    metrics.elidedText(m_event, Qt::ElideRight, width));
  const QString sent =
      m_live.publishedKnown
          ? tr("%1 · %2 published").arg(m_rate, compactCount(static_cast<double>(m_live.published)))
          : m_rate;
  painter->drawText(body.adjusted(0, metrics.height(), 0, 0), Qt::AlignLeft | Qt::AlignTop,
                    metrics.elidedText(sent, Qt::ElideRight, width));
  if (m_live.paused)
    paintBadge(painter, tr("paused"), QColor(120, 120, 120));
  else if (m_live.blocked)
    paintBadge(painter, tr("blocked"), QColor(230, 140, 0));
}

}  // namespace eventscope::ui
