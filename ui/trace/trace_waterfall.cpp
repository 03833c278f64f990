#include "ui/trace/trace_waterfall.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

#include "core/store/recording_batch.h"

namespace eventscope::ui {

using core::SimTime;
using core::store::SpanOutcome;

namespace {

QString duration(SimTime d) {
  return QString::fromStdString(formatTraceDuration(d));
}

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

TraceWaterfall::TraceWaterfall(QWidget* parent) : QWidget(parent) {
  setMouseTracking(true);
  setMinimumSize(320, 160);
  setAttribute(Qt::WA_OpaquePaintEvent);
  setFocusPolicy(Qt::StrongFocus);
  m_scroll = new QScrollBar(Qt::Vertical, this);
  m_scroll->setSingleStep(kRowHeight);
  connect(m_scroll, &QScrollBar::valueChanged, this, qOverload<>(&QWidget::update));
  updateGeometryOfParts();
}

void TraceWaterfall::setTrace(std::shared_ptr<const core::store::Trace> trace,
                              const TracePolicies& policies) {
  m_trace = std::move(trace);
  m_layout = m_trace ? TraceLayout(*m_trace, policies) : TraceLayout();
  m_axis.setExtent(m_layout.totals().begin, m_layout.totals().end);
  m_selected = m_hovered = -1;
  m_scroll->setValue(0);
  updateGeometryOfParts();
  update();
}

void TraceWaterfall::zoomTo(SimTime from, SimTime to) {
  m_axis.zoomTo(from, to);
  update();
}

void TraceWaterfall::resetZoom() {
  m_axis.resetZoom();
  update();
}

int TraceWaterfall::labelWidth() const {
  return std::clamp(width() / 3, 140, 320);
}

QRect TraceWaterfall::rowRect(int row) const {
  return {0, rowsTop() + row * kRowHeight - m_scroll->value(), width() - m_scroll->width(),
          kRowHeight};
}

int TraceWaterfall::rowAt(const QPoint& pos) const {
  if (pos.y() < rowsTop() || pos.x() >= width() - m_scroll->width()) return -1;
  const int row = (pos.y() - rowsTop() + m_scroll->value()) / kRowHeight;
  return row < static_cast<int>(m_layout.rows().size()) ? row : -1;
}

QPoint TraceWaterfall::spanPoint(int row) const {
  const TraceRow& r = m_layout.rows().at(static_cast<std::size_t>(row));
  SimTime from = r.start, to = r.start;
  if (r.kind == TraceRowKind::Attempt && !r.dropped) {
    from = r.intervals.back().start;  // the processing part
    to = r.intervals.back().end;
  }
  const double x = (m_axis.xOf(from) + m_axis.xOf(to)) / 2;
  return {static_cast<int>(std::lround(x)), rowRect(row).center().y()};
}

void TraceWaterfall::selectRow(int row) {
  m_selected = row >= 0 && row < static_cast<int>(m_layout.rows().size()) ? row : -1;
  if (m_selected >= 0) {
    const int top = m_selected * kRowHeight;
    const int visible = height() - rowsTop() - kRowHeight;
    if (top < m_scroll->value()) m_scroll->setValue(top);
    if (top > m_scroll->value() + visible) m_scroll->setValue(top - visible);
  }
  update();
}

void TraceWaterfall::updateGeometryOfParts() {
  const int barWidth = m_scroll->sizeHint().width();
  m_scroll->setGeometry(width() - barWidth, rowsTop(), barWidth, std::max(0, height() - rowsTop()));
  const int content = static_cast<int>(m_layout.rows().size()) * kRowHeight;
  m_scroll->setRange(0, std::max(0, content - (height() - rowsTop())));
  m_scroll->setPageStep(std::max(kRowHeight, height() - rowsTop()));
  // A few pixels of margin on both sides so the first and last span ends stay visible.
  const double left = labelWidth() + 8;
  m_axis.setPlot(left, std::max(1.0, width() - barWidth - 12 - left));
}

void TraceWaterfall::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  updateGeometryOfParts();
}

bool TraceWaterfall::hitsSpan(int row, double x) const {
  const TraceRow& r = m_layout.rows().at(static_cast<std::size_t>(row));
  return x >= m_axis.xOf(r.start) - 4 && x <= m_axis.xOf(r.end) + 4 && x >= m_axis.left();
}

void TraceWaterfall::mousePressEvent(QMouseEvent* event) {
  const int row = rowAt(event->position().toPoint());
  if (event->button() != Qt::LeftButton || row < 0) return QWidget::mousePressEvent(event);
  m_selected = row;
  update();
  Q_EMIT rowClicked(row);
  if (hitsSpan(row, event->position().x())) Q_EMIT spanClicked(startOf(row));
}

core::SimTime TraceWaterfall::startOf(int row) const {
  const TraceRow& r = m_layout.rows().at(static_cast<std::size_t>(row));
  return r.kind == TraceRowKind::Attempt ? m_trace->spans[static_cast<std::size_t>(r.span)].start
                                         : m_trace->events[r.event].t;
}

void TraceWaterfall::keyPressEvent(QKeyEvent* event) {
  const int rows = static_cast<int>(m_layout.rows().size());
  int row = m_selected;
  switch (event->key()) {
    case Qt::Key_Up:
      row = std::max(0, m_selected - 1);
      break;
    case Qt::Key_Down:
      row = std::min(rows - 1, m_selected + 1);
      break;
    case Qt::Key_Home:
      row = 0;
      break;
    case Qt::Key_End:
      row = rows - 1;
      break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
      if (m_selected >= 0) Q_EMIT spanClicked(startOf(m_selected));
      return;
    default:
      return QWidget::keyPressEvent(event);
  }
  if (rows == 0 || row == m_selected) return;
  selectRow(row);
  Q_EMIT rowClicked(row);
}

void TraceWaterfall::mouseMoveEvent(QMouseEvent* event) {
  const int row = rowAt(event->position().toPoint());
  if (row != m_hovered) {
    m_hovered = row;
    update();
  }
  QWidget::mouseMoveEvent(event);
}

void TraceWaterfall::mouseDoubleClickEvent(QMouseEvent* event) {
  if (event->position().y() < rowsTop()) resetZoom();
  QWidget::mouseDoubleClickEvent(event);
}

void TraceWaterfall::leaveEvent(QEvent* event) {
  m_hovered = -1;
  update();
  QWidget::leaveEvent(event);
}

void TraceWaterfall::wheelEvent(QWheelEvent* event) {
  const double steps = event->angleDelta().y() / 120.0;
  if (event->modifiers() & Qt::ControlModifier) {
    m_axis.zoomAround(event->position().x(), std::pow(1.25, steps));
    update();
  } else {
    m_scroll->setValue(m_scroll->value() - static_cast<int>(steps * 3 * kRowHeight));
  }
  event->accept();
}

bool TraceWaterfall::event(QEvent* event) {
  if (event->type() == QEvent::ToolTip) {
    auto* help = static_cast<QHelpEvent*>(event);
    const QString text = toolTipAt(help->pos());
    if (!text.isEmpty()) {
      QToolTip::showText(help->globalPos(), text, this, rowRect(rowAt(help->pos())));
    } else {
      QToolTip::hideText();
    }
    return true;
  }
  return QWidget::event(event);
}

QString TraceWaterfall::toolTipAt(const QPoint& pos) const {
  const int row = rowAt(pos);
  return row >= 0 && hitsSpan(row, pos.x()) ? toolTipFor(row) : QString();
}

QString TraceWaterfall::toolTipFor(int row) const {
  const TraceRow& r = m_layout.rows().at(static_cast<std::size_t>(row));
  const auto& e = m_trace->events[r.event];
  if (r.kind == TraceRowKind::Event) {
    return tr("<b>event #%1</b> %2<br>topic %3%4<br>published by %5 at %6 s")
        .arg(e.id)
        .arg(QString::fromStdString(e.type).toHtmlEscaped(),
             QString::fromStdString(e.topic).toHtmlEscaped(),
             e.key ? tr(", key %1").arg(QString::fromStdString(*e.key).toHtmlEscaped()) : QString(),
             QString::fromStdString(e.origin).toHtmlEscaped())
        .arg(core::toSeconds(e.t), 0, 'f', 6);
  }
  const auto& s = m_trace->spans[static_cast<std::size_t>(r.span)];
  QString text = tr("<b>%1</b> instance %2, attempt %3<br>outcome: %4")
                     .arg(QString::fromStdString(s.service).toHtmlEscaped())
                     .arg(s.instance)
                     .arg(s.attempt)
                     .arg(QString::fromLatin1(core::store::spanOutcomeName(s.outcome)));
  if (r.dropped) return text + tr("<br>dropped at %1 s").arg(core::toSeconds(s.start), 0, 'f', 6);
  if (r.backoff > 0) text += tr("<br>backoff: %1").arg(duration(r.backoff));
  text += tr("<br>wait: %1<br>processing: %2").arg(duration(r.wait), duration(r.processing));
  if (r.duplicate) text += tr("<br>duplicate delivery");
  return text;
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
