#include "core/metrics/min_max_pyramid.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace eventscope::core {

void MinMaxPyramid::append(double value) {
  m_samples.push_back(value);
  const std::size_t count = m_samples.size();
  if (count % kFinestBlock != 0) {
    return;
  }
  // A block just completed at the finest level; each pair completed at one level completes a
  // block at the next, like a carry in binary counting.
  Extremes block = scan(count - kFinestBlock, count);
  for (std::size_t level = 0;; ++level) {
    if (level == m_levels.size()) {
      m_levels.emplace_back();
    }
    std::vector<Extremes>& blocks = m_levels[level];
    blocks.push_back(block);
    if (blocks.size() % 2 != 0) {
      return;
    }
    block = combine(blocks[blocks.size() - 2], blocks.back());
  }
}

void MinMaxPyramid::clear() {
  m_samples.clear();
  m_levels.clear();
}

MinMaxPyramid::Extremes MinMaxPyramid::combine(const Extremes& earlier, const Extremes& later) {
  // Strict comparisons keep the earlier of equal values: the first occurrence wins a tie.
  Extremes out = earlier;
  if (later.minAt != kNone && (out.minAt == kNone || later.min < out.min)) {
    out.min = later.min;
    out.minAt = later.minAt;
  }
  if (later.maxAt != kNone && (out.maxAt == kNone || later.max > out.max)) {
    out.max = later.max;
    out.maxAt = later.maxAt;
  }
  return out;
}

MinMaxPyramid::Extremes MinMaxPyramid::scan(std::size_t first, std::size_t last) const {
  Extremes out;
  for (std::size_t i = first; i < last; ++i) {
    const double y = m_samples[i];
    if (std::isnan(y)) {
      continue;
    }
    if (out.minAt == kNone || y < out.min) {
      out.min = y;
      out.minAt = i;
    }
    if (out.maxAt == kNone || y > out.max) {
      out.max = y;
      out.maxAt = i;
    }
  }
  return out;
}

MinMaxPyramid::Extremes MinMaxPyramid::extremes(std::size_t first, std::size_t last) const {
  // Left to right through the largest aligned blocks that fit: block sizes grow while `at`
  // climbs to a coarse boundary and shrink again near `last`, so O(log(last - first)) steps.
  const unsigned topLevel = kFinestLevel + static_cast<unsigned>(m_levels.size()) - 1;
  Extremes out;
  std::size_t at = first;
  while (at < last) {
    if (at % kFinestBlock != 0 || last - at < kFinestBlock || m_levels.empty()) {
      const std::size_t end = std::min(last, (at / kFinestBlock + 1) * kFinestBlock);
      out = combine(out, scan(at, end));
      at = end;
      continue;
    }
    const auto alignment = at == 0 ? topLevel : static_cast<unsigned>(std::countr_zero(at));
    const auto fits = static_cast<unsigned>(std::bit_width(last - at) - 1);
    const unsigned level = std::min({alignment, fits, topLevel});
    out = combine(out, m_levels[level - kFinestLevel][at >> level]);
    at += std::size_t{1} << level;
  }
  return out;
}

DecimatedPoint MinMaxPyramid::point(std::size_t index) const {
  return {static_cast<double>(index), m_samples[index]};
}

std::vector<DecimatedPoint> MinMaxPyramid::decimate(std::size_t first, std::size_t last,
                                                    std::size_t columns) const {
  last = std::min(last, m_samples.size());
  std::vector<DecimatedPoint> points;
  if (first >= last || columns == 0) {
    return points;
  }
  const std::size_t count = last - first;
  if ((count + 1) / 2 <= columns) {  // at most two samples per column
    points.reserve(count);
    for (std::size_t i = first; i < last; ++i) {
      if (!std::isnan(m_samples[i])) {
        points.push_back(point(i));
      }
    }
    return points;
  }
  // Column c starts near first + c * count / columns, moved down to a multiple of `block`, the
  // widest power of two no wider than a column: inner columns are then whole blocks of the
  // pyramid, one or two lookups each, and only the window's own edges need finer levels. The
  // starts stay increasing because columns are at least `block` wide. The product is computed
  // so it cannot overflow: c * remainder < columns^2, and 2 * columns < count here.
  const std::size_t width = count / columns;
  const std::size_t remainder = count % columns;
  const std::size_t block = std::bit_floor(width);
  points.reserve(2 * columns);
  std::size_t begin = first;
  for (std::size_t column = 1; column <= columns; ++column) {
    const std::size_t ideal = first + column * width + column * remainder / columns;
    const std::size_t end = column == columns ? last : ideal / block * block;
    const Extremes e = extremes(begin, end);
    begin = end;
    if (e.minAt == kNone) {
      continue;  // NaN only
    }
    if (e.minAt == e.maxAt) {
      points.push_back(point(e.minAt));
    } else {
      points.push_back(point(std::min(e.minAt, e.maxAt)));
      points.push_back(point(std::max(e.minAt, e.maxAt)));
    }
  }
  return points;
}

}  // namespace eventscope::core
