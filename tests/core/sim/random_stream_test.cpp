#include "core/sim/random_stream.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace eventscope::core {
namespace {

TEST(RandomStreamTest, SameSeedSameNumbers) {
  RandomStream a(42), b(42), c(43);
  bool differs = false;
  for (int i = 0; i < 1000; ++i) {
    const std::uint64_t x = a.next();
    EXPECT_EQ(x, b.next());
    differs |= x != c.next();
  }
  EXPECT_TRUE(differs);
}

TEST(RandomStreamTest, KnownFirstValuesPinTheGenerator) {
  // Golden values: a change here changes every recorded fingerprint.
  RandomStream rng(1);
  EXPECT_EQ(rng.next(), 0xb3f2af6d0fc710c5ULL);
}

TEST(RandomStreamTest, EntityStreamsAreIndependentOfEachOther) {
  RandomStream p0 = RandomStream::forEntity(7, 1, 0);
  RandomStream p1 = RandomStream::forEntity(7, 1, 1);
  RandomStream s0 = RandomStream::forEntity(7, 2, 0);
  int equal = 0;
  for (int i = 0; i < 1000; ++i) {
    const auto a = p0.next(), b = p1.next(), c = s0.next();
    equal += (a == b) + (a == c) + (b == c);
  }
  EXPECT_EQ(equal, 0);
}

TEST(RandomStreamTest, UniformAndExponentialHaveTheRightMoments) {
  RandomStream rng(3);
  constexpr int kN = 200000;
  double sumU = 0, sumE = 0, sumE2 = 0, sumN = 0, sumN2 = 0;
  for (int i = 0; i < kN; ++i) {
    const double u = rng.uniform();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    sumU += u;
    const double e = rng.exponential(2.0);
    sumE += e;
    sumE2 += e * e;
    const double n = rng.normal();
    sumN += n;
    sumN2 += n * n;
  }
  EXPECT_NEAR(sumU / kN, 0.5, 0.005);
  EXPECT_NEAR(sumE / kN, 2.0, 0.02);
  EXPECT_NEAR(sumE2 / kN - std::pow(sumE / kN, 2), 4.0, 0.1);
  EXPECT_NEAR(sumN / kN, 0.0, 0.01);
  EXPECT_NEAR(sumN2 / kN, 1.0, 0.02);
}

TEST(RandomStreamTest, BelowIsUniformWithoutBias) {
  RandomStream rng(5);
  std::vector<int> counts(7);
  for (int i = 0; i < 70000; ++i)
    ++counts[rng.below(7)];
  for (int c : counts)
    EXPECT_NEAR(c, 10000, 400);
  EXPECT_EQ(rng.below(1), 0u);
}

}  // namespace
}  // namespace eventscope::core

namespace eventscope::core {
namespace {

// The ziggurat's output against the exponential CDF at many points (a Kolmogorov-Smirnov
// distance), and its tail beyond the base layer's edge.
TEST(RandomStreamTest, ExponentialFollowsItsDistributionIncludingTheTail) {
  RandomStream rng(11);
  constexpr int kN = 400000;
  std::vector<double> xs(kN);
  for (double& x : xs)
    x = rng.standardExponential();
  std::sort(xs.begin(), xs.end());
  double worst = 0;
  for (int i = 0; i < kN; i += 97) {
    const double cdf = 1 - std::exp(-xs[static_cast<std::size_t>(i)]);
    worst = std::max(worst, std::abs(cdf - static_cast<double>(i) / kN));
  }
  EXPECT_LT(worst, 0.003);  // KS critical value at 1% for n = 400k is 0.0026
  const auto tail = std::count_if(xs.begin(), xs.end(), [](double x) { return x > 7.7; });
  EXPECT_NEAR(static_cast<double>(tail) / kN, std::exp(-7.7), 0.0003);
  EXPECT_GT(xs.back(), 8.0);
}

}  // namespace
}  // namespace eventscope::core
