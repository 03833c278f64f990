#include "ui/timeline/timeline_geometry.h"

#include <algorithm>
#include <cmath>

namespace eventscope::ui {

void TimelineGeometry::setEnd(core::SimTime end) {
  m_end = std::max(end, kMinSpan);
  showAll();
}

void TimelineGeometry::setWidth(double width, double margin) {
  m_width = std::max(width, 2 * margin + 1);
  m_margin = margin;
}

void TimelineGeometry::setView(core::SimTime from, core::SimTime to) {
  const core::SimTime span = std::clamp(to - from, kMinSpan, m_end);
  from = std::clamp<core::SimTime>(from, 0, m_end - span);
  m_from = from;
  m_to = from + span;
}

double TimelineGeometry::xOf(core::SimTime t) const {
  const double fraction = static_cast<double>(t - m_from) /
                          static_cast<double>(std::max<core::SimTime>(1, m_to - m_from));
  return left() + fraction * (right() - left());
}

core::SimTime TimelineGeometry::timeAt(double x) const {
  const double fraction = std::clamp((x - left()) / std::max(1.0, right() - left()), 0.0, 1.0);
  return m_from +
         static_cast<core::SimTime>(std::llround(fraction * static_cast<double>(m_to - m_from)));
}

void TimelineGeometry::zoom(double factor, double x) {
  const core::SimTime anchor = timeAt(x);
  const double fraction = std::clamp((x - left()) / std::max(1.0, right() - left()), 0.0, 1.0);
  const auto span = static_cast<core::SimTime>(static_cast<double>(m_to - m_from) / factor);
  const core::SimTime clamped = std::clamp(span, kMinSpan, m_end);
  const auto from = anchor - static_cast<core::SimTime>(fraction * static_cast<double>(clamped));
  setView(from, from + clamped);
}

std::vector<TimelineGeometry::Tick> TimelineGeometry::ticks(double minSpacing) const {
  std::vector<Tick> out;
  const double pixels = std::max(1.0, right() - left());
  const double span = static_cast<double>(m_to - m_from);
  const double rough = span * minSpacing / pixels;  // the smallest step that keeps the spacing
  core::SimTime step = 1;
  for (core::SimTime decade = 1; decade <= 1'000'000'000'000'000; decade *= 10) {
    const core::SimTime candidates[] = {decade, 2 * decade, 5 * decade};
    const auto fits =
        std::find_if(std::begin(candidates), std::end(candidates),
                     [&](core::SimTime c) { return static_cast<double>(c) >= rough; });
    if (fits != std::end(candidates)) {
      step = *fits;
      break;
    }
  }
  for (core::SimTime t = (m_from + step - 1) / step * step; t <= m_to; t += step)
    out.push_back({t, xOf(t), timelineLabel(t, step)});
  return out;
}

QString timelineLabel(core::SimTime t, core::SimTime step) {
  if (step < core::kMicrosecond) return QStringLiteral("%1 ns").arg(t);
  if (step < core::kMillisecond)
    return QStringLiteral("%1 µs").arg(static_cast<double>(t) / core::kMicrosecond, 0, 'f',
                                       step % core::kMicrosecond == 0 ? 0 : 1);
  if (t < core::kSecond && step < core::kSecond)
    return QStringLiteral("%1 ms").arg(static_cast<double>(t) / core::kMillisecond, 0, 'f',
                                       step % core::kMillisecond == 0 ? 0 : 1);
  // Decimals enough for the step: 0 for whole seconds, 1 for tenths, and so on.
  int decimals = 0;
  for (core::SimTime unit = core::kSecond; step % unit != 0 && decimals < 6; unit /= 10)
    ++decimals;
  const double seconds = core::toSeconds(t);
  if (t >= core::kMinute) {
    const auto minutes = static_cast<long long>(t / core::kMinute);
    const double rest = seconds - 60.0 * static_cast<double>(minutes);
    return QStringLiteral("%1:%2").arg(minutes).arg(rest, decimals > 0 ? 3 + decimals : 2, 'f',
                                                    decimals, QLatin1Char('0'));
  }
  return QStringLiteral("%1 s").arg(seconds, 0, 'f', decimals);
}

}  // namespace eventscope::ui
