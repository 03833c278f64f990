#include "ui/trace/trace_axis.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace eventscope::ui {

using core::SimTime;

namespace {

constexpr SimTime kMinSpan = core::kMicrosecond;

std::string trimmed(double value, const char* unit) {
  char text[64];
  std::snprintf(text, sizeof text, "%.3f", value);
  std::string s(text);
  while (!s.empty() && s.back() == '0')
    s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s + " " + unit;
}

}  // namespace

std::string formatTraceDuration(SimTime d) {
  if (d == 0) return "0";
  const std::string sign = d < 0 ? "-" : "";
  const double a = std::abs(static_cast<double>(d));
  if (a >= static_cast<double>(core::kSecond))
    return sign + trimmed(a / static_cast<double>(core::kSecond), "s");
  if (a >= static_cast<double>(core::kMillisecond))
    return sign + trimmed(a / static_cast<double>(core::kMillisecond), "ms");
  if (a >= static_cast<double>(core::kMicrosecond))
    return sign + trimmed(a / static_cast<double>(core::kMicrosecond), "\u00b5s");
  return sign + trimmed(a, "ns");
}

void TraceAxis::setExtent(SimTime begin, SimTime end) {
  m_begin = begin;
  m_end = std::max(end, begin + kMinSpan);
  resetZoom();
}

void TraceAxis::setPlot(double left, double width) {
  m_left = left;
  m_width = std::max(1.0, width);
}

void TraceAxis::zoomTo(SimTime from, SimTime to) {
  if (to < from) std::swap(from, to);
  from = std::clamp(from, m_begin, m_end);
  to = std::clamp(to, m_begin, m_end);
  if (to - from < kMinSpan) {
    to = std::min(m_end, from + kMinSpan);
    from = std::max(m_begin, to - kMinSpan);
  }
  m_from = from;
  m_to = to;
}

void TraceAxis::zoomAround(double x, double factor) {
  if (factor <= 0) return;
  const SimTime anchor = timeAt(x);
  const double span = static_cast<double>(m_to - m_from) / factor;
  const double share = std::clamp((x - m_left) / m_width, 0.0, 1.0);
  const auto from = static_cast<SimTime>(std::llround(static_cast<double>(anchor) - share * span));
  const SimTime width = std::max<SimTime>(kMinSpan, static_cast<SimTime>(std::llround(span)));
  // Keep the width when the range hits an end of the extent, rather than shrinking it.
  SimTime start = std::clamp(from, m_begin, std::max(m_begin, m_end - width));
  zoomTo(start, start + width);
}

double TraceAxis::xOf(SimTime t) const {
  return m_left + static_cast<double>(t - m_from) * m_width / static_cast<double>(m_to - m_from);
}

SimTime TraceAxis::timeAt(double x) const {
  return m_from + static_cast<SimTime>(
                      std::llround((x - m_left) * static_cast<double>(m_to - m_from) / m_width));
}

std::vector<TraceTick> TraceAxis::ticks(double minSpacing) const {
  const double range = static_cast<double>(m_to - m_from);
  const double wanted = range * std::max(1.0, minSpacing) / m_width;  // ns per minSpacing px
  double step = std::pow(10.0, std::floor(std::log10(std::max(1.0, wanted))));
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    if (step * m >= wanted) {
      step *= m;
      break;
    }
  }
  const auto istep = std::max<SimTime>(1, static_cast<SimTime>(std::llround(step)));
  std::vector<TraceTick> out;
  // Ticks sit at multiples of the step from the trace's begin, so labels are round offsets.
  SimTime offset = ((m_from - m_begin) + istep - 1) / istep * istep;
  for (; m_begin + offset <= m_to; offset += istep) {
    const SimTime t = m_begin + offset;
    out.push_back({t, xOf(t), formatTraceDuration(offset)});
  }
  return out;
}

}  // namespace eventscope::ui
