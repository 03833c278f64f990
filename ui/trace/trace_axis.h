#pragma once

#include <string>
#include <vector>

#include "core/model/sim_time.h"

namespace eventscope::ui {

// "0", "750 µs", "12.5 ms", "1.25 s": a duration with the unit that suits its size.
std::string formatTraceDuration(core::SimTime duration);

struct TraceTick {
  core::SimTime t = 0;  // absolute simulated time
  double x = 0;
  std::string label;  // offset from the axis origin, as formatTraceDuration
};

// Simulated time <-> x over a plot [left, left + width), for a visible range that can be
// zoomed into (and out to the whole trace). Pure maths: the waterfall paints what this says.
class TraceAxis {
 public:
  // The whole trace [begin, end]; ticks are labelled as offsets from begin. Resets the zoom.
  void setExtent(core::SimTime begin, core::SimTime end);
  void setPlot(double left, double width);
  // Shows [from, to] (clamped to the extent; at least 1 µs wide).
  void zoomTo(core::SimTime from, core::SimTime to);
  // Zooms by factor (> 1: in) keeping the time under x where it is.
  void zoomAround(double x, double factor);
  void resetZoom() { zoomTo(m_begin, m_end); }
  bool zoomed() const { return m_from != m_begin || m_to != m_end; }

  core::SimTime begin() const { return m_begin; }
  core::SimTime end() const { return m_end; }
  core::SimTime from() const { return m_from; }
  core::SimTime to() const { return m_to; }
  double left() const { return m_left; }
  double width() const { return m_width; }

  double xOf(core::SimTime t) const;
  core::SimTime timeAt(double x) const;
  // Ticks at a 1-2-5 step so that they are at least minSpacing pixels apart.
  std::vector<TraceTick> ticks(double minSpacing = 80) const;

 private:
  core::SimTime m_begin = 0, m_end = core::kMicrosecond;
  core::SimTime m_from = 0, m_to = core::kMicrosecond;
  double m_left = 0, m_width = 1;
};

}  // namespace eventscope::ui
