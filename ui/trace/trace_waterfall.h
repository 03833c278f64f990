#pragma once

#include <QColor>
#include <QWidget>
#include <memory>

#include "core/model/sim_time.h"
#include "core/store/recording.h"
#include "ui/trace/trace_axis.h"
#include "ui/trace/trace_layout.h"

class QScrollBar;

namespace eventscope::ui {

// A trace as a Jaeger-style waterfall: one row per event and per delivery attempt (see
// TraceLayout), a label column, a time axis, waiting drawn light and hatched, processing solid in
// its outcome's colour, and a legend. Only the visible rows are painted. Ctrl+wheel zooms around
// the pointer, a double click on the axis shows the whole trace again; Up/Down move the
// selection and Enter jumps to the selected span, as a click does.
class TraceWaterfall : public QWidget {
  Q_OBJECT

 public:
  static constexpr int kLegendHeight = 22;
  static constexpr int kAxisHeight = 24;
  static constexpr int kRowHeight = 20;

  explicit TraceWaterfall(QWidget* parent = nullptr);

  // Shows a trace (nullptr: nothing); policies split retry gaps into backoff and queueing.
  void setTrace(std::shared_ptr<const core::store::Trace> trace,
                const TracePolicies& policies = {});
  const core::store::Trace* trace() const { return m_trace.get(); }
  const TraceLayout& layout() const { return m_layout; }
  const TraceAxis& axis() const { return m_axis; }

  void zoomTo(core::SimTime from, core::SimTime to);
  void resetZoom();

  // Geometry in widget coordinates, with the current scroll position.
  int labelWidth() const;
  int rowsTop() const { return kLegendHeight + kAxisHeight; }
  QRect rowRect(int row) const;
  int rowAt(const QPoint& pos) const;  // -1: no row there
  // The point in the middle of a row's processing (or its marker): where a click picks it.
  QPoint spanPoint(int row) const;

  // The tooltip of the span (or event marker) under pos; empty when there is none.
  QString toolTipAt(const QPoint& pos) const;

  int selectedRow() const { return m_selected; }
  // Selects a row and scrolls it into view (-1: none). Emits nothing.
  void selectRow(int row);

  static QColor outcomeColor(core::store::SpanOutcome outcome);

 Q_SIGNALS:
  // A span (or an event's publish marker) was clicked: its start.
  void spanClicked(eventscope::core::SimTime start);
  void rowClicked(int row);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseDoubleClickEvent(QMouseEvent* event) override;
  void leaveEvent(QEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;
  bool event(QEvent* event) override;

 private:
  void updateGeometryOfParts();
  bool hitsSpan(int row, double x) const;
  core::SimTime startOf(int row) const;
  QString toolTipFor(int row) const;
  void paintLegend(QPainter& painter);
  void paintAxis(QPainter& painter);
  void paintRow(QPainter& painter, int row);

  std::shared_ptr<const core::store::Trace> m_trace;
  TraceLayout m_layout;
  TraceAxis m_axis;
  QScrollBar* m_scroll = nullptr;
  int m_selected = -1, m_hovered = -1;
};

}  // namespace eventscope::ui
