#include "ui/timeline/timeline_track.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace eventscope::ui {

TimelineTrack::TimelineTrack(QWidget* parent) : QWidget(parent) {
  setMouseTracking(true);
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
  setCursor(Qt::PointingHandCursor);
  setToolTip(
      tr("Press or drag to move through time; the wheel zooms, a double click shows "
         "the whole run"));
  m_geometry.setWidth(width(), kMargin);
}

void TimelineTrack::setEnd(core::SimTime end) {
  if (end == m_geometry.end()) return;
  m_geometry.setEnd(end);
  update();
}

void TimelineTrack::setTime(core::SimTime t) {
  if (t == m_time) return;
  m_time = t;
  // A zoomed view follows the cursor when it leaves the window (playing, stepping).
  if (m_geometry.zoomed() && (t < m_geometry.from() || t > m_geometry.to())) {
    const core::SimTime span = m_geometry.to() - m_geometry.from();
    m_geometry.setView(t - span / 2, t + span / 2);
  }
  update();
}

void TimelineTrack::setActivity(std::vector<float> perBucket, core::SimTime bucketWidth) {
  m_activity = std::move(perBucket);
  m_bucketWidth = bucketWidth;
  m_activityMax = m_activity.empty() ? 0 : *std::max_element(m_activity.begin(), m_activity.end());
  update();
}

void TimelineTrack::setMarks(std::vector<Mark> marks) {
  m_marks = std::move(marks);
  update();
}

void TimelineTrack::resizeEvent(QResizeEvent*) {
  m_geometry.setWidth(width(), kMargin);
}

void TimelineTrack::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  const QPalette& colors = palette();
  const QRectF track(m_geometry.left(), 4, m_geometry.right() - m_geometry.left(), height() - 20);
  painter.fillRect(track, colors.color(QPalette::Base));
  painter.setPen(colors.color(QPalette::Mid));
  painter.drawRect(track);

  // Activity: one bar per pixel column, the largest bucket it covers.
  if (m_activityMax > 0 && m_bucketWidth > 0) {
    QColor bar = colors.color(QPalette::Highlight);
    bar.setAlpha(90);
    for (int x = static_cast<int>(track.left()); x < static_cast<int>(track.right()); ++x) {
      const core::SimTime t0 = m_geometry.timeAt(x), t1 = m_geometry.timeAt(x + 1);
      const auto b0 = static_cast<std::size_t>(t0 / m_bucketWidth);
      const auto b1 = std::max(b0 + 1, static_cast<std::size_t>(t1 / m_bucketWidth));
      float value = 0;
      for (std::size_t b = b0; b < b1 && b < m_activity.size(); ++b)
        value = std::max(value, m_activity[b]);
      const double h = (track.height() - 2) * value / m_activityMax;
      painter.fillRect(QRectF(x, track.bottom() - h, 1, h), bar);
    }
  }
  for (const Mark& mark : m_marks) {
    if (mark.t < m_geometry.from() || mark.t > m_geometry.to()) continue;
    const double x = m_geometry.xOf(mark.t);
    painter.setPen(QPen(mark.color, 2));
    painter.drawLine(QPointF(x, track.top() + 1), QPointF(x, track.top() + 9));
  }
  // Ticks and their labels under the track.
  painter.setPen(colors.color(QPalette::WindowText));
  QFont small = font();
  small.setPointSizeF(small.pointSizeF() * 0.85);
  painter.setFont(small);
  const QFontMetrics metrics(small);
  for (const auto& tick :
       m_geometry.ticks(metrics.horizontalAdvance(QStringLiteral("00:00.0 s")))) {
    painter.drawLine(QPointF(tick.x, track.bottom()), QPointF(tick.x, track.bottom() + 3));
    const double w = metrics.horizontalAdvance(tick.label);
    const double x = std::clamp(tick.x - w / 2, 0.0, width() - w);
    painter.drawText(QPointF(x, height() - 3), tick.label);
  }
  // The cursor.
  if (m_time >= m_geometry.from() && m_time <= m_geometry.to()) {
    const double x = m_geometry.xOf(m_time);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(QColor(0xd3, 0x2f, 0x2f), 2));
    painter.drawLine(QPointF(x, track.top()), QPointF(x, track.bottom()));
    painter.setBrush(QColor(0xd3, 0x2f, 0x2f));
    painter.drawPolygon(QPolygonF(
        {QPointF(x - 5, track.top()), QPointF(x + 5, track.top()), QPointF(x, track.top() + 6)}));
  }
}

void TimelineTrack::mousePressEvent(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton) return;
  m_dragging = true;
  Q_EMIT scrubbed(m_geometry.timeAt(event->position().x()));
}

void TimelineTrack::mouseMoveEvent(QMouseEvent* event) {
  if (m_dragging) Q_EMIT scrubbed(m_geometry.timeAt(event->position().x()));
}

void TimelineTrack::mouseReleaseEvent(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton || !m_dragging) return;
  m_dragging = false;
  Q_EMIT scrubFinished();
}

void TimelineTrack::mouseDoubleClickEvent(QMouseEvent*) {
  m_geometry.showAll();
  update();
}

void TimelineTrack::wheelEvent(QWheelEvent* event) {
  const double steps = event->angleDelta().y() / 120.0;
  if (steps == 0) return;
  m_geometry.zoom(std::pow(1.25, steps), event->position().x());
  update();
  event->accept();
}

bool TimelineTrack::event(QEvent* event) {
  if (event->type() == QEvent::ToolTip) {
    const auto* help = static_cast<QHelpEvent*>(event);
    for (const Mark& mark : m_marks) {
      if (std::abs(m_geometry.xOf(mark.t) - help->pos().x()) <= 3 && help->pos().y() < 16) {
        QToolTip::showText(help->globalPos(), mark.what, this);
        return true;
      }
    }
  }
  return QWidget::event(event);
}

}  // namespace eventscope::ui
