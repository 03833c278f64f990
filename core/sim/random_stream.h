#pragma once

#include <cmath>
#include <cstdint>

namespace eventscope::core {

// Tables of the 256-layer ziggurat for the standard exponential (Marsaglia & Tsang, 2000).
struct ExponentialZiggurat {
  static constexpr double kBaseEdge = 7.697117470131487;  // right edge of the base layer
  std::uint32_t k[256];
  double w[256];
  double f[256];
  ExponentialZiggurat();
};
extern const ExponentialZiggurat kExponentialZiggurat;

// A seeded pseudo-random stream (xoshiro256**). Every producer, service and fault draws from
// its own stream, so adding an entity never shifts the numbers another entity sees. We do not
// use <random>'s distributions: their output differs between standard libraries.
class RandomStream {
 public:
  explicit RandomStream(std::uint64_t seed = 1) {
    for (auto& word : m_state)
      word = splitMix(seed);
  }

  // The stream for one entity of a run: (scenario seed, entity kind, entity index) -> stream.
  static RandomStream forEntity(std::uint64_t seed, std::uint32_t kind, std::uint64_t index) {
    std::uint64_t mixed = seed;
    mixed = splitMix(mixed) ^ (static_cast<std::uint64_t>(kind) << 32 | (index & 0xffffffffu));
    mixed = splitMix(mixed) ^ (index >> 32);
    return RandomStream(mixed);
  }

  std::uint64_t next() {
    const std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
    const std::uint64_t t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = rotl(m_state[3], 45);
    return result;
  }

  // Uniform in [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

  // Uniform in (0, 1]: safe to take the logarithm of.
  double uniformOpenZero() { return static_cast<double>((next() >> 11) + 1) * 0x1.0p-53; }

  bool bernoulli(double p) { return p > 0 && uniform() < p; }

  // Uniform integer in [0, n), n > 0, without modulo bias (Lemire's method).
  std::uint64_t below(std::uint64_t n) {
    __extension__ using Wide = unsigned __int128;
    Wide m = static_cast<Wide>(next()) * n;
    auto low = static_cast<std::uint64_t>(m);
    if (low < n) {
      const std::uint64_t threshold = -n % n;
      while (low < threshold) {
        m = static_cast<Wide>(next()) * n;
        low = static_cast<std::uint64_t>(m);
      }
    }
    return static_cast<std::uint64_t>(m >> 64);
  }

  // Exponential with the given mean, by Marsaglia and Tsang's ziggurat: no logarithm on the
  // fast path (98.9% of draws), which matters because every arrival and service draws one.
  double exponential(double mean) { return mean * standardExponential(); }
  double standardExponential() {
    const std::uint64_t bits = next();
    const auto layer = static_cast<unsigned>(bits & 0xff);  // low bits pick the layer...
    const auto j = static_cast<std::uint32_t>(bits >> 32);  // ...high bits the point in it
    if (j < kExponentialZiggurat.k[layer]) return j * kExponentialZiggurat.w[layer];
    return exponentialSlowPath(bits);
  }

  // Standard normal by Box-Muller (the second value is discarded to keep the stream stateless).
  double normal() {
    const double radius = std::sqrt(-2.0 * std::log(uniformOpenZero()));
    return radius * std::cos(6.283185307179586 * uniform());
  }

 private:
  double exponentialSlowPath(std::uint64_t bits);
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  static std::uint64_t splitMix(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

  std::uint64_t m_state[4];
};

}  // namespace eventscope::core
