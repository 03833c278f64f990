#include "ui/trace/trace_waterfall.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace eventscope::ui {

using core::SimTime;
using core::store::SpanOutcome;

namespace {

QString duration(SimTime d) {
  return QString::fromStdString(formatTraceDuration(d));
}

}  // namespace

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

}  // namespace eventscope::ui
