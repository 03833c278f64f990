#pragma once

#include <cstddef>
#include <vector>

namespace eventscope::core {

// One point of a decimated series: x is the sample's index (as a double), y its value.
struct DecimatedPoint {
  double x = 0;
  double y = 0;
};

// Equally spaced samples that hand a chart at most two points per pixel column whatever the
// zoom (DESIGN.md §1 rule 6). Beside the samples it keeps a pyramid: level k holds, for each
// aligned block of 2^k samples, its minimum and maximum and where they are, built as blocks
// complete. A column's extremes then come from a few large blocks plus exact edges instead of
// a scan, so 10 M samples decimate to 1000 columns in microseconds.
//
// NaN samples are kept but never drawn: they are no column's minimum or maximum.
class MinMaxPyramid {
 public:
  // Adds the next sample; amortised O(1) (each completed block is summarised once).
  void append(double value);
  void clear();
  std::size_t size() const { return m_samples.size(); }
  double operator[](std::size_t index) const { return m_samples[index]; }

  // Samples [first, last) as `columns` columns: for each column its minimum and maximum in the
  // order they occur, or one point where they are equal (the first occurrence wins a tie). A
  // window of at most two samples per column gives the samples themselves. Column c starts at
  // first + c * n / columns (n = last - first) rounded down to a multiple of B, the largest
  // power of two no larger than n / columns, so that inner columns are whole blocks of the
  // pyramid; a column's width thus differs from n / columns by less than B.
  // `last` is clamped to size(); an empty window or no columns gives nothing. Costs O(columns)
  // block lookups plus O(log n) for the window's edges.
  std::vector<DecimatedPoint> decimate(std::size_t first, std::size_t last,
                                       std::size_t columns) const;

 private:
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  // The minimum and maximum of some samples and where they are; minAt is kNone if all are NaN.
  struct Extremes {
    double min = 0;
    double max = 0;
    std::size_t minAt = kNone;
    std::size_t maxAt = kNone;
  };
  // The finest level kept is blocks of 16 samples: finer pieces are scanned (at most 15
  // contiguous samples at each edge of a column), which saves most of the pyramid's memory.
  static constexpr unsigned kFinestLevel = 4;
  static constexpr std::size_t kFinestBlock = std::size_t{1} << kFinestLevel;

  static Extremes combine(const Extremes& earlier, const Extremes& later);
  Extremes scan(std::size_t first, std::size_t last) const;
  Extremes extremes(std::size_t first, std::size_t last) const;
  DecimatedPoint point(std::size_t index) const;

  std::vector<double> m_samples;
  // m_levels[i] holds the blocks of 2^(kFinestLevel + i) samples; complete blocks only.
  std::vector<std::vector<Extremes>> m_levels;
};

}  // namespace eventscope::core
