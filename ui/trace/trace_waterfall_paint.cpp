// TraceWaterfall's painting: the legend, the time axis and the visible rows. What goes where is
// TraceLayout's and TraceAxis's business; this only draws it.
#include <QPaintEvent>
#include <QPainter>
#include <QScrollBar>
#include <algorithm>
#include <cmath>

#include "ui/trace/trace_waterfall.h"

namespace eventscope::ui {

using core::store::SpanOutcome;

namespace {

QColor light(QColor c) {
  c.setAlpha(70);
  return c;
}

const QColor kBackoffColor(150, 150, 150);
const QColor kDuplicateColor(37, 99, 235);

}  // namespace

QColor TraceWaterfall::outcomeColor(SpanOutcome outcome) {
  switch (outcome) {
    case SpanOutcome::Acked:
      return {46, 158, 92};
    case SpanOutcome::Failed:
      return {230, 140, 30};
    case SpanOutcome::TimedOut:
      return {142, 92, 196};
    case SpanOutcome::Redelivered:
      return {196, 160, 0};
    case SpanOutcome::DeadLettered:
      return {200, 50, 40};
    case SpanOutcome::Discarded:
      return {100, 100, 100};
    case SpanOutcome::Dropped:
      return {120, 0, 0};
    case SpanOutcome::ZombieDone:
      return {170, 170, 170};
  }
  return Qt::gray;
}

void TraceWaterfall::paintEvent(QPaintEvent* event) {
  QPainter painter(this);
  painter.fillRect(event->rect(), palette().base());
  if (m_layout.empty()) {
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(rect(), Qt::AlignCenter, tr("No trace shown"));
    return;
  }
  const int rows = static_cast<int>(m_layout.rows().size());
  const int first = std::max(0, (event->rect().top() - rowsTop() + m_scroll->value()) / kRowHeight);
  const int last =
      std::min(rows - 1, (event->rect().bottom() - rowsTop() + m_scroll->value()) / kRowHeight);
  painter.save();
  painter.setClipRect(0, rowsTop(), width(), height() - rowsTop());
  for (int row = first; row <= last; ++row)
    paintRow(painter, row);
  painter.restore();
  paintLegend(painter);
  paintAxis(painter);
}

void TraceWaterfall::paintLegend(QPainter& painter) {
  painter.fillRect(0, 0, width(), kLegendHeight, palette().window());
  struct Entry {
    QString name;
    QBrush brush;
  };
  const Entry entries[] = {
      {tr("acked"), outcomeColor(SpanOutcome::Acked)},
      {tr("failed"), outcomeColor(SpanOutcome::Failed)},
      {tr("timed out"), outcomeColor(SpanOutcome::TimedOut)},
      {tr("redelivered"), outcomeColor(SpanOutcome::Redelivered)},
      {tr("dead-lettered"), outcomeColor(SpanOutcome::DeadLettered)},
      {tr("discarded"), outcomeColor(SpanOutcome::Discarded)},
      {tr("dropped"), outcomeColor(SpanOutcome::Dropped)},
      {tr("waiting"), QBrush(Qt::darkGray, Qt::BDiagPattern)},
      {tr("backoff"), QBrush(kBackoffColor, Qt::Dense6Pattern)},
      {tr("duplicate"), QBrush(kDuplicateColor)},
  };
  const QFontMetrics metrics = painter.fontMetrics();
  int x = 6;
  painter.setPen(palette().color(QPalette::WindowText));
  for (const Entry& entry : entries) {
    const QRect swatch(x, (kLegendHeight - 10) / 2, 14, 10);
    painter.fillRect(swatch, entry.brush);
    x += 18;
    painter.drawText(QRect(x, 0, 200, kLegendHeight), Qt::AlignVCenter | Qt::AlignLeft, entry.name);
    x += metrics.horizontalAdvance(entry.name) + 12;
  }
}

void TraceWaterfall::paintAxis(QPainter& painter) {
  const QRect band(0, kLegendHeight, width(), kAxisHeight);
  painter.fillRect(band, palette().alternateBase());
  painter.setPen(palette().color(QPalette::Mid));
  painter.drawLine(band.bottomLeft(), band.bottomRight());
  painter.setPen(palette().color(QPalette::Text));
  painter.drawText(band.adjusted(6, 0, -6, 0), Qt::AlignVCenter | Qt::AlignLeft,
                   m_axis.zoomed() ? tr("zoomed (double-click: all)") : tr("since first publish"));
  for (const TraceTick& tick : m_axis.ticks()) {
    const int x = static_cast<int>(std::lround(tick.x));
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawLine(x, band.bottom() - 5, x, band.bottom());
    painter.setPen(palette().color(QPalette::Text));
    painter.drawText(QRect(x + 3, band.top(), 120, band.height() - 4),
                     Qt::AlignBottom | Qt::AlignLeft, QString::fromStdString(tick.label));
  }
}

void TraceWaterfall::paintRow(QPainter& painter, int row) {
  const TraceRow& r = m_layout.rows()[static_cast<std::size_t>(row)];
  const QRect box = rowRect(row);
  if (row == m_selected) {
    painter.fillRect(box, palette().highlight().color().lighter(170));
  } else if (row == m_hovered) {
    painter.fillRect(box, palette().alternateBase());
  }
  // Label column: indented by depth; events bold.
  const int indent = 6 + r.depth * 12;
  QFont font = painter.font();
  font.setBold(r.kind == TraceRowKind::Event);
  painter.setFont(font);
  painter.setPen(r.deadLetter ? outcomeColor(SpanOutcome::DeadLettered)
                              : palette().color(QPalette::Text));
  const QString label = painter.fontMetrics().elidedText(QString::fromStdString(r.label),
                                                         Qt::ElideRight, labelWidth() - indent - 4);
  painter.drawText(QRect(indent, box.top(), labelWidth() - indent, box.height()),
                   Qt::AlignVCenter | Qt::AlignLeft, label);
  font.setBold(false);
  painter.setFont(font);

  painter.save();
  const double plotRight = m_axis.left() + m_axis.width();
  painter.setClipRect(
      QRectF(m_axis.left() - 6, box.top(), plotRight - m_axis.left() + 12, box.height()),
      Qt::IntersectClip);
  const double mid = box.center().y() + 0.5;
  if (r.kind == TraceRowKind::Event) {
    // A thin line over the event's lifetime and a diamond at its publish.
    painter.setPen(QPen(palette().color(QPalette::Mid), 1));
    painter.drawLine(QPointF(m_axis.xOf(r.start), mid), QPointF(m_axis.xOf(r.end), mid));
    const double x = m_axis.xOf(r.start);
    const QPointF diamond[] = {{x, mid - 5}, {x + 5, mid}, {x, mid + 5}, {x - 5, mid}};
    painter.setPen(Qt::NoPen);
    painter.setBrush(r.deadLetter ? outcomeColor(SpanOutcome::DeadLettered)
                                  : palette().color(QPalette::Text));
    painter.drawPolygon(diamond, 4);
    painter.restore();
    return;
  }
  const QColor color = outcomeColor(r.outcome);
  const double top = box.top() + 4, height = box.height() - 8;
  for (const TraceInterval& part : r.intervals) {
    const double x0 = m_axis.xOf(part.start);
    const double x1 = std::max(x0 + 1.0, m_axis.xOf(part.end));  // never thinner than a pixel
    const QRectF bar(x0, top, x1 - x0, height);
    switch (part.kind) {
      case TraceIntervalKind::Backoff:
        painter.fillRect(bar.adjusted(0, 3, 0, -3), QBrush(kBackoffColor, Qt::Dense6Pattern));
        break;
      case TraceIntervalKind::Waiting:
        painter.fillRect(bar, light(color));
        painter.fillRect(bar, QBrush(color.darker(120), Qt::BDiagPattern));
        break;
      case TraceIntervalKind::Processing:
        painter.fillRect(bar, color);
        break;
      case TraceIntervalKind::Drop: {
        painter.setPen(QPen(color, 2));
        painter.drawLine(QPointF(x0 - 4, top), QPointF(x0 + 4, top + height));
        painter.drawLine(QPointF(x0 - 4, top + height), QPointF(x0 + 4, top));
        break;
      }
    }
  }
  if (r.duplicate) {
    painter.setPen(QPen(kDuplicateColor, 2));
    painter.setBrush(Qt::NoBrush);
    const double x0 = m_axis.xOf(r.intervals.back().start);
    const double x1 = std::max(x0 + 1.0, m_axis.xOf(r.intervals.back().end));
    painter.drawRect(QRectF(x0 - 1, top - 1, x1 - x0 + 2, height + 2));
  }
  painter.restore();
}

}  // namespace eventscope::ui
