#pragma once

#include <cstdint>

#include "core/model/sim_time.h"

namespace eventscope::core {

// A count that changes at instants, with its exact integral over simulated time: the area
// under it gives time-averages (Lq, L, utilization) over any window [a, b) as
// (areaUntil(b) - areaUntil(a)) / (b - a), for times at or after the last change.
class TimeWeighted {
 public:
  std::int64_t value() const { return m_value; }

  void add(SimTime now, std::int64_t delta) {
    m_area += static_cast<double>(m_value) * static_cast<double>(now - m_since);
    m_since = now;
    m_value += delta;
  }

  double areaUntil(SimTime t) const {
    return m_area + static_cast<double>(m_value) * static_cast<double>(t - m_since);
  }

 private:
  std::int64_t m_value = 0;
  SimTime m_since = 0;
  double m_area = 0;  // integral from 0 to m_since
};

}  // namespace eventscope::core
