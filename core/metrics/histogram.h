#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <limits>

namespace eventscope::core {

// A log-linear histogram of non-negative integers (durations in ns), HDR-style: 64 linear
// sub-buckets per power of two, so a percentile is within 0.8% of the exact value. Fixed size:
// recording a value never allocates.
class Histogram {
 public:
  void record(std::int64_t value) {
    const std::uint64_t v = value < 0 ? 0 : static_cast<std::uint64_t>(value);
    const std::size_t i = indexOf(v);
    ++m_counts[i];
    ++m_total;
    if (v < m_min) m_min = v;
    if (v > m_max) m_max = v;
    if (i < m_lowest) m_lowest = i;
    if (i > m_highest) m_highest = i;
  }

  std::uint64_t count() const { return m_total; }

  // The value at quantile q in [0, 1]: the middle of its bucket, kept within the smallest and
  // largest values recorded (so no percentile exceeds the maximum); 0 when empty.
  double quantile(double q) const {
    if (m_total == 0) return 0;
    const auto rank = static_cast<std::uint64_t>(q * static_cast<double>(m_total - 1)) + 1;
    std::uint64_t seen = 0;
    std::size_t i = m_lowest;
    for (; i < m_highest; ++i) {
      seen += m_counts[i];
      if (seen >= rank) break;
    }
    const double value = middleOf(i);
    return std::clamp(value, static_cast<double>(m_min), static_cast<double>(m_max));
  }

  void merge(const Histogram& other) {
    if (other.m_total == 0) return;
    for (std::size_t i = other.m_lowest; i <= other.m_highest; ++i)
      m_counts[i] += other.m_counts[i];
    m_total += other.m_total;
    m_min = std::min(m_min, other.m_min);
    m_max = std::max(m_max, other.m_max);
    if (other.m_lowest < m_lowest) m_lowest = other.m_lowest;
    if (other.m_highest > m_highest) m_highest = other.m_highest;
  }

  void clear() {
    if (m_total == 0) return;
    for (std::size_t i = m_lowest; i <= m_highest; ++i)
      m_counts[i] = 0;
    m_total = 0;
    m_min = std::numeric_limits<std::uint64_t>::max();
    m_max = 0;
    m_lowest = kBuckets;
    m_highest = 0;
  }

 private:
  static constexpr int kSubBits = 6;  // 64 sub-buckets per power of two
  static constexpr std::size_t kBuckets = (64 - kSubBits) * (1u << kSubBits) + (2u << kSubBits);

  static std::size_t indexOf(std::uint64_t v) {
    if (v < (2u << kSubBits)) return static_cast<std::size_t>(v);
    const int shift = std::bit_width(v) - 1 - kSubBits;
    return (static_cast<std::size_t>(shift) << kSubBits) + static_cast<std::size_t>(v >> shift);
  }
  static double middleOf(std::size_t i) {
    if (i < (2u << kSubBits)) return static_cast<double>(i);
    const std::size_t shift = (i >> kSubBits) - 1;
    const std::uint64_t low = (i - (shift << kSubBits)) << shift;
    return static_cast<double>(low) + static_cast<double>((1ULL << shift) - 1) / 2.0;
  }

  std::array<std::uint64_t, kBuckets> m_counts{};
  std::uint64_t m_total = 0;
  std::uint64_t m_min = std::numeric_limits<std::uint64_t>::max();
  std::uint64_t m_max = 0;
  std::size_t m_lowest = kBuckets;
  std::size_t m_highest = 0;
};

}  // namespace eventscope::core
