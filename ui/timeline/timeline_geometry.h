#pragma once

#include <QString>
#include <vector>

#include "core/model/sim_time.h"

namespace eventscope::ui {

// The time <-> pixel maths of the timeline, outside paint code: a visible window [from, to)
// of a recording [0, end] drawn over a track of `width` pixels between two margins; zooming
// keeps the time under the mouse where it is; ticks fall on 1-2-5 steps.
class TimelineGeometry {
 public:
  struct Tick {
    core::SimTime t = 0;
    double x = 0;
    QString label;
  };

  void setEnd(core::SimTime end);
  void setWidth(double width, double margin);
  // Shows [from, to) (clamped to the recording, at least kMinSpan wide).
  void setView(core::SimTime from, core::SimTime to);
  void showAll() { setView(0, m_end); }

  core::SimTime end() const { return m_end; }
  core::SimTime from() const { return m_from; }
  core::SimTime to() const { return m_to; }
  double left() const { return m_margin; }
  double right() const { return m_width - m_margin; }
  bool zoomed() const { return m_from > 0 || m_to < m_end; }

  double xOf(core::SimTime t) const;
  // The time at x, clamped to the visible window.
  core::SimTime timeAt(double x) const;
  // Zooms by factor (> 1 zooms in) around the time at x.
  void zoom(double factor, double x);
  // Ticks at least minSpacing pixels apart with labels in the unit their step needs.
  std::vector<Tick> ticks(double minSpacing) const;

  static constexpr core::SimTime kMinSpan = core::kMicrosecond;

 private:
  core::SimTime m_end = core::kSecond, m_from = 0, m_to = core::kSecond;
  double m_width = 100, m_margin = 0;
};

// A time as the timeline labels it: "12.5 s", "340 ms", "1:02.5" past a minute.
QString timelineLabel(core::SimTime t, core::SimTime step);

}  // namespace eventscope::ui
