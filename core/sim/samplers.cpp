#include "core/sim/samplers.h"

#include <algorithm>
#include <cmath>

namespace eventscope::core {

namespace {
SimTime toTime(double ns) {
  if (!(ns > 0)) return 0;
  if (ns >= static_cast<double>(kMaxDuration)) return kMaxDuration;
  return static_cast<SimTime>(ns + 0.5);  // round half up: ns > 0 here, and cheaper than llround
}
}  // namespace

ServiceTimeSampler::ServiceTimeSampler(const Distribution& distribution)
    : m_kind(distribution.kind) {
  const auto first = static_cast<double>(distribution.first);
  const auto second = static_cast<double>(distribution.second);
  switch (m_kind) {
    case Distribution::Kind::Constant:
    case Distribution::Kind::Exponential:
      m_a = first;
      break;
    case Distribution::Kind::Uniform:
      m_a = first;
      m_b = second - first;
      break;
    case Distribution::Kind::Lognormal: {
      // Parameters of the underlying normal from the lognormal's own mean and deviation.
      const double variance = second * second;
      const double sigma2 = first > 0 ? std::log1p(variance / (first * first)) : 0;
      m_a = first > 0 ? std::log(first) - sigma2 / 2 : 0;
      m_b = std::sqrt(sigma2);
      break;
    }
  }
}

SimTime ServiceTimeSampler::sample(RandomStream& rng) const {
  switch (m_kind) {
    case Distribution::Kind::Constant:
      return toTime(m_a);
    case Distribution::Kind::Exponential:
      return toTime(rng.exponential(m_a));
    case Distribution::Kind::Uniform:
      return toTime(m_a + m_b * rng.uniform());
    case Distribution::Kind::Lognormal:
      return toTime(std::exp(m_a + m_b * rng.normal()));
  }
  return 0;
}

KeySampler::KeySampler(const KeySpace& keys) : m_kind(keys.kind), m_count(keys.count) {
  if (m_kind == KeySpace::Kind::Zipf && m_count > 0) {
    m_cumulative.resize(m_count);
    double sum = 0;
    for (std::uint64_t i = 0; i < m_count; ++i) {
      sum += 1.0 / std::pow(static_cast<double>(i + 1), keys.exponent);
      m_cumulative[i] = sum;
    }
    for (auto& c : m_cumulative)
      c /= sum;
  }
}

std::uint32_t KeySampler::sample(RandomStream& rng) const {
  if (m_kind == KeySpace::Kind::Zipf) {
    const double u = rng.uniform();
    auto it = std::upper_bound(m_cumulative.begin(), m_cumulative.end(), u);
    return static_cast<std::uint32_t>(
        std::min<std::ptrdiff_t>(it - m_cumulative.begin(), m_cumulative.size() - 1));
  }
  return static_cast<std::uint32_t>(rng.below(m_count));
}

ArrivalSampler::ArrivalSampler(double ratePerSecond, Arrivals arrivals)
    : m_meanGapNs(static_cast<double>(kSecond) / ratePerSecond),
      m_poisson(arrivals == Arrivals::Poisson) {}

SimTime ArrivalSampler::sample(RandomStream& rng) const {
  // At least 1 ns apart, so even the highest allowed rate always moves time forward.
  return std::max<SimTime>(1, toTime(m_poisson ? rng.exponential(m_meanGapNs) : m_meanGapNs));
}

}  // namespace eventscope::core
