#include "core/metrics/min_max_pyramid.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>
#include <string>

// MinMaxPyramid: decimation checked against a plain scan of every column.
namespace eventscope::core {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInfinity = std::numeric_limits<double>::infinity();

// What decimate() must return, by scanning every sample of every column.
std::vector<DecimatedPoint> bruteForce(const std::vector<double>& samples, std::size_t first,
                                       std::size_t last, std::size_t columns) {
  last = std::min(last, samples.size());
  std::vector<DecimatedPoint> points;
  if (first >= last || columns == 0) {
    return points;
  }
  const std::size_t count = last - first;
  auto add = [&](std::size_t i) { points.push_back({static_cast<double>(i), samples[i]}); };
  if (count <= 2 * columns) {
    for (std::size_t i = first; i < last; ++i) {
      if (!std::isnan(samples[i])) add(i);
    }
    return points;
  }
  // Column starts as documented: first + c * count / columns, down to a multiple of the widest
  // power of two no wider than a column.
  std::size_t block = 1;
  while (block * 2 <= count / columns)
    block *= 2;
  auto start = [&](std::size_t c) {
    if (c == 0) return first;
    if (c == columns) return last;
    return (first + c * count / columns) / block * block;
  };
  for (std::size_t c = 0; c < columns; ++c) {
    const std::size_t begin = start(c);
    const std::size_t end = start(c + 1);
    EXPECT_LT(begin, end) << "column " << c << " is empty";
    // Within `block` of the exact width: |(end - begin) * columns - count| < block * columns.
    const auto difference = static_cast<double>(end - begin) - static_cast<double>(count) / columns;
    EXPECT_LT(std::abs(difference), static_cast<double>(block)) << "column " << c;
    std::size_t minAt = end;
    std::size_t maxAt = end;
    for (std::size_t i = begin; i < end; ++i) {
      if (std::isnan(samples[i])) continue;
      if (minAt == end || samples[i] < samples[minAt]) minAt = i;
      if (maxAt == end || samples[i] > samples[maxAt]) maxAt = i;
    }
    if (minAt == end) continue;
    if (samples[minAt] == samples[maxAt]) {
      add(minAt);
    } else {
      add(std::min(minAt, maxAt));
      add(std::max(minAt, maxAt));
    }
  }
  return points;
}

::testing::AssertionResult samePoints(const std::vector<DecimatedPoint>& expected,
                                      const std::vector<DecimatedPoint>& actual) {
  if (expected.size() != actual.size()) {
    return ::testing::AssertionFailure()
           << expected.size() << " points expected, got " << actual.size();
  }
  for (std::size_t i = 0; i < expected.size(); ++i) {
    if (expected[i].x != actual[i].x || !(expected[i].y == actual[i].y)) {
      return ::testing::AssertionFailure()
             << "point " << i << ": expected (" << expected[i].x << ", " << expected[i].y
             << "), got (" << actual[i].x << ", " << actual[i].y << ")";
    }
  }
  return ::testing::AssertionSuccess();
}

// Data with the shapes that break decimation: ties and plateaus, spikes, NaN gaps, infinities.
std::vector<double> randomSamples(std::mt19937_64& rng, std::size_t count) {
  std::vector<double> samples;
  samples.reserve(count);
  const int shape = static_cast<int>(rng() % 4);
  double walk = 0;
  for (std::size_t i = 0; i < count; ++i) {
    double y = 0;
    switch (shape) {
      case 0:  // a random walk
        walk += std::normal_distribution<double>(0, 1)(rng);
        y = walk;
        break;
      case 1:  // few distinct values: many ties
        y = static_cast<double>(rng() % 3);
        break;
      case 2:  // flat with rare spikes
        y = rng() % 997 == 0 ? 1e6 : 5;
        break;
      default:
        y = std::uniform_real_distribution<double>(-1, 1)(rng);
        break;
    }
    const auto roll = rng() % 1000;
    if (roll < 20) y = kNaN;
    if (roll == 20) y = kInfinity;
    if (roll == 21) y = -kInfinity;
    samples.push_back(y);
  }
  return samples;
}

TEST(MinMaxPyramidTest, MatchesAPlainScanOverRandomDataWindowsAndColumns) {
  for (std::uint64_t seed = 1; seed <= 300; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    std::mt19937_64 rng(seed);
    const std::size_t count = seed % 10 == 0 ? rng() % 200'000 : rng() % 5000;
    const std::vector<double> samples = randomSamples(rng, count);
    MinMaxPyramid pyramid;
    for (const double y : samples)
      pyramid.append(y);
    ASSERT_EQ(pyramid.size(), count);
    for (int query = 0; query < 20; ++query) {
      std::size_t first = count == 0 ? 0 : rng() % count;
      std::size_t last = count == 0 ? 0 : rng() % (count + 1);
      if (first > last) std::swap(first, last);
      if (query == 0) {  // the whole series
        first = 0;
        last = count;
      }
      const std::size_t columns = 1 + rng() % (query % 2 == 0 ? 2000 : 30);
      SCOPED_TRACE("[" + std::to_string(first) + ", " + std::to_string(last) + ") to " +
                   std::to_string(columns) + " columns");
      const std::vector<DecimatedPoint> points = pyramid.decimate(first, last, columns);
      ASSERT_TRUE(samePoints(bruteForce(samples, first, last, columns), points));
      EXPECT_LE(points.size(), 2 * columns);
      for (std::size_t i = 0; i < points.size(); ++i) {
        EXPECT_FALSE(std::isnan(points[i].y));
        if (i > 0) {
          EXPECT_LT(points[i - 1].x, points[i].x);
        }
      }
    }
  }
}

TEST(MinMaxPyramidTest, DecimatesCorrectlyWhileSamplesAreStillComing) {
  std::mt19937_64 rng(99);
  const std::vector<double> samples = randomSamples(rng, 3000);
  MinMaxPyramid pyramid;
  for (std::size_t n = 0; n < samples.size(); ++n) {
    pyramid.append(samples[n]);
    if (n % 37 == 0) {
      const std::vector<double> sofar(samples.begin(), samples.begin() + n + 1);
      ASSERT_TRUE(samePoints(bruteForce(sofar, 0, n + 1, 7), pyramid.decimate(0, n + 1, 7)))
          << "after " << n + 1 << " samples";
    }
  }
}

TEST(MinMaxPyramidTest, EmptyOrDegenerateWindowsGiveNothing) {
  MinMaxPyramid pyramid;
  EXPECT_TRUE(pyramid.decimate(0, 10, 100).empty());
  for (int i = 0; i < 100; ++i)
    pyramid.append(i);
  EXPECT_TRUE(pyramid.decimate(5, 5, 10).empty());
  EXPECT_TRUE(pyramid.decimate(7, 3, 10).empty());
  EXPECT_TRUE(pyramid.decimate(0, 100, 0).empty());
  EXPECT_TRUE(pyramid.decimate(100, 200, 10).empty());
}

TEST(MinMaxPyramidTest, OneSampleIsOnePoint) {
  MinMaxPyramid pyramid;
  pyramid.append(4.5);
  const std::vector<DecimatedPoint> points = pyramid.decimate(0, 1, 800);
  ASSERT_EQ(points.size(), 1u);
  EXPECT_EQ(points[0].x, 0);
  EXPECT_EQ(points[0].y, 4.5);
}

TEST(MinMaxPyramidTest, AWindowThatFitsTheColumnsGivesItsSamples) {
  MinMaxPyramid pyramid;
  for (int i = 0; i < 1000; ++i)
    pyramid.append(i % 7);
  const std::vector<DecimatedPoint> points = pyramid.decimate(100, 150, 25);  // 2 per column
  ASSERT_EQ(points.size(), 50u);
  for (std::size_t i = 0; i < points.size(); ++i) {
    EXPECT_EQ(points[i].x, static_cast<double>(100 + i));
    EXPECT_EQ(points[i].y, (100 + i) % 7);
  }
  EXPECT_EQ(pyramid.decimate(990, 5000, 100).size(), 10u);  // `last` is clamped to the size
}

TEST(MinMaxPyramidTest, EachColumnGivesItsExtremesInTheOrderTheyOccur) {
  MinMaxPyramid pyramid;
  // Four columns of 128 samples: the first falls to its minimum before its maximum, the second
  // the other way round, the third is flat and the fourth holds NaN only.
  for (int i = 0; i < 512; ++i) {
    double y = 1;
    if (i < 128) y = i == 10 ? -5 : (i == 90 ? 8 : 0);
    if (i >= 128 && i < 256) y = i == 150 ? 9 : (i == 200 ? -9 : 0);
    if (i >= 384) y = kNaN;
    pyramid.append(y);
  }
  const std::vector<DecimatedPoint> points = pyramid.decimate(0, 512, 4);
  ASSERT_EQ(points.size(), 5u);
  EXPECT_EQ(points[0].x, 10);
  EXPECT_EQ(points[0].y, -5);
  EXPECT_EQ(points[1].x, 90);
  EXPECT_EQ(points[1].y, 8);
  EXPECT_EQ(points[2].x, 150);
  EXPECT_EQ(points[2].y, 9);
  EXPECT_EQ(points[3].x, 200);
  EXPECT_EQ(points[3].y, -9);
  EXPECT_EQ(points[4].x, 256);  // flat: its first sample only
  EXPECT_EQ(points[4].y, 1);
}

TEST(MinMaxPyramidTest, InnerColumnsStartOnBlocksOfThePyramid) {
  MinMaxPyramid pyramid;
  for (int i = 0; i < 1000; ++i)
    pyramid.append(i);  // rising: every column gives its ends
  // 990 samples in 10 columns of 99: blocks of 64, so columns start at 5, 64, 192, 256, 384, ...
  const std::vector<DecimatedPoint> points = pyramid.decimate(5, 995, 10);
  const std::vector<double> starts{5, 64, 192, 256, 384, 448, 576, 640, 768, 896};
  ASSERT_EQ(points.size(), 20u);
  for (std::size_t c = 0; c < starts.size(); ++c) {
    EXPECT_EQ(points[2 * c].x, starts[c]) << "column " << c;
    const double end = c + 1 < starts.size() ? starts[c + 1] : 995;
    EXPECT_EQ(points[2 * c + 1].x, end - 1) << "column " << c;
  }
}

TEST(MinMaxPyramidTest, ASingleSpikeInAMillionSamplesShows) {
  MinMaxPyramid pyramid;
  const std::size_t spike = 654'321;
  for (std::size_t i = 0; i < (1u << 20); ++i)
    pyramid.append(i == spike ? 100.0 : 0.0);
  const std::vector<DecimatedPoint> points = pyramid.decimate(1000, 1'000'000, 333);
  std::size_t shown = 0;
  for (const DecimatedPoint& p : points) {
    if (p.y == 100.0) {
      EXPECT_EQ(p.x, static_cast<double>(spike));
      ++shown;
    }
  }
  EXPECT_EQ(shown, 1u);
}

TEST(MinMaxPyramidTest, ClearEmptiesIt) {
  MinMaxPyramid pyramid;
  for (int i = 0; i < 100; ++i)
    pyramid.append(i);
  pyramid.clear();
  EXPECT_EQ(pyramid.size(), 0u);
  EXPECT_TRUE(pyramid.decimate(0, 100, 10).empty());
  for (int i = 0; i < 40; ++i)
    pyramid.append(-i);
  EXPECT_TRUE(samePoints({{0, 0}, {39, -39}}, pyramid.decimate(0, 40, 1)));
  EXPECT_EQ(pyramid[39], -39);
}

}  // namespace
}  // namespace eventscope::core
