#pragma once

#include <cstdint>
#include <vector>

#include "core/model/scenario.h"
#include "core/sim/random_stream.h"

namespace eventscope::core {

// Draws service times (ns) from a scenario Distribution.
class ServiceTimeSampler {
 public:
  explicit ServiceTimeSampler(const Distribution& distribution);
  SimTime sample(RandomStream& rng) const;

 private:
  Distribution::Kind m_kind;
  double m_a = 0;  // constant value | exponential mean | uniform low | lognormal mu
  double m_b = 0;  // uniform width | lognormal sigma
};

// Draws numbered keys (0..N-1) uniformly or by Zipf popularity (inverse-CDF table).
class KeySampler {
 public:
  explicit KeySampler(const KeySpace& keys);
  bool hasKeys() const { return m_kind != KeySpace::Kind::None; }
  std::uint32_t sample(RandomStream& rng) const;

 private:
  KeySpace::Kind m_kind;
  std::uint64_t m_count;
  std::vector<double> m_cumulative;  // Zipf only
};

// Draws producer inter-arrival gaps (ns): exponential (Poisson) or constant.
class ArrivalSampler {
 public:
  ArrivalSampler(double ratePerSecond, Arrivals arrivals);
  SimTime sample(RandomStream& rng) const;

 private:
  double m_meanGapNs;
  bool m_poisson;
};

}  // namespace eventscope::core
