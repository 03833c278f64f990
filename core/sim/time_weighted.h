#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "core/model/sim_time.h"

namespace eventscope::core {

// Counts that change at instants, with their exact integrals over simulated time: the area
// under a count gives its time-average over any window [a, b) as
// (areaUntil(b) - areaUntil(a)) / (b - a), for times at or after the last change. The counts
// of one owner share one clock, so several changes at the same instant advance it only once.
template <std::size_t N>
class TimeWeightedCounts {
 public:
  std::int64_t value(std::size_t i) const { return m_values[i]; }

  void add(SimTime now, std::size_t i, std::int64_t delta) {
    if (now != m_since) advance(now);
    m_values[i] += delta;
  }

  double areaUntil(std::size_t i, SimTime t) const {
    return m_areas[i] + static_cast<double>(m_values[i]) * static_cast<double>(t - m_since);
  }

 private:
  void advance(SimTime now) {
    const auto dt = static_cast<double>(now - m_since);
    for (std::size_t i = 0; i < N; ++i)
      m_areas[i] += static_cast<double>(m_values[i]) * dt;
    m_since = now;
  }

  std::array<std::int64_t, N> m_values{};
  std::array<double, N> m_areas{};  // integrals from 0 to m_since
  SimTime m_since = 0;
};

}  // namespace eventscope::core
