#pragma once

#include <QColor>
#include <QString>
#include <QWidget>
#include <vector>

#include "ui/timeline/timeline_geometry.h"

namespace eventscope::ui {

// The bar of the timeline: the run's activity per bucket, marks for moments worth finding
// (crashes, dead letters), time ticks and the cursor. Press or drag to scrub; the wheel zooms
// around the mouse; a double click shows the whole run again.
class TimelineTrack : public QWidget {
  Q_OBJECT

 public:
  struct Mark {
    core::SimTime t = 0;
    QColor color;
    QString what;  // the tooltip
  };

  explicit TimelineTrack(QWidget* parent = nullptr);

  void setEnd(core::SimTime end);
  void setTime(core::SimTime t);
  // How much happened per bucket (drawn as a strip of bars scaled to the largest).
  void setActivity(std::vector<float> perBucket, core::SimTime bucketWidth);
  void setMarks(std::vector<Mark> marks);
  core::SimTime time() const { return m_time; }
  const TimelineGeometry& geometry() const { return m_geometry; }
  bool isDragging() const { return m_dragging; }
  QSize sizeHint() const override { return {600, 44}; }
  QSize minimumSizeHint() const override { return {120, 36}; }

 Q_SIGNALS:
  // The person pressed or dragged the cursor to t.
  void scrubbed(eventscope::core::SimTime t);
  void scrubFinished();

 protected:
  void paintEvent(QPaintEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void mouseDoubleClickEvent(QMouseEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  bool event(QEvent* event) override;  // tooltips for marks

 private:
  static constexpr double kMargin = 8;
  TimelineGeometry m_geometry;
  core::SimTime m_time = 0;
  std::vector<float> m_activity;
  core::SimTime m_bucketWidth = 0;
  float m_activityMax = 0;
  std::vector<Mark> m_marks;
  bool m_dragging = false;
};

}  // namespace eventscope::ui
