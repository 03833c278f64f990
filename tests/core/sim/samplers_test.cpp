#include "core/sim/samplers.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace eventscope::core {
namespace {

double meanOf(const ServiceTimeSampler& sampler, int n, double* variance = nullptr) {
  RandomStream rng(21);
  double sum = 0, sum2 = 0;
  for (int i = 0; i < n; ++i) {
    const auto v = static_cast<double>(sampler.sample(rng));
    sum += v;
    sum2 += v * v;
  }
  const double mean = sum / n;
  if (variance != nullptr) *variance = sum2 / n - mean * mean;
  return mean;
}

TEST(SamplersTest, ServiceTimesHaveTheirDistributionsMeansAndSpreads) {
  constexpr int kN = 200000;
  const ServiceTimeSampler constant(
      {.kind = Distribution::Kind::Constant, .first = 3 * kMillisecond});
  EXPECT_DOUBLE_EQ(meanOf(constant, 10), 3e6);

  double variance = 0;
  const ServiceTimeSampler exponential(
      {.kind = Distribution::Kind::Exponential, .first = kMillisecond});
  EXPECT_NEAR(meanOf(exponential, kN, &variance), 1e6, 1e6 * 0.01);
  EXPECT_NEAR(std::sqrt(variance), 1e6, 1e6 * 0.02);  // exponential: stddev = mean

  const ServiceTimeSampler uniform(
      {.kind = Distribution::Kind::Uniform, .first = kMillisecond, .second = 3 * kMillisecond});
  EXPECT_NEAR(meanOf(uniform, kN, &variance), 2e6, 2e6 * 0.01);
  EXPECT_NEAR(variance, 4e12 / 12, 4e12 / 12 * 0.02);  // (b - a)^2 / 12

  const ServiceTimeSampler lognormal(
      {.kind = Distribution::Kind::Lognormal, .first = 2 * kMillisecond, .second = kMillisecond});
  EXPECT_NEAR(meanOf(lognormal, kN, &variance), 2e6, 2e6 * 0.01);
  EXPECT_NEAR(std::sqrt(variance), 1e6, 1e6 * 0.03);  // its own mean and deviation, not mu/sigma
}

TEST(SamplersTest, UniformKeysCoverTheirRange) {
  const KeySampler keys({.kind = KeySpace::Kind::Uniform, .count = 10});
  RandomStream rng(2);
  std::vector<int> counts(10);
  for (int i = 0; i < 100000; ++i)
    ++counts.at(keys.sample(rng));
  for (int c : counts)
    EXPECT_NEAR(c, 10000, 400);
  EXPECT_FALSE(KeySampler(KeySpace{}).hasKeys());
}

TEST(SamplersTest, ZipfKeysFollowTheirPopularity) {
  const KeySampler keys({.kind = KeySpace::Kind::Zipf, .count = 100, .exponent = 1.0});
  RandomStream rng(4);
  std::vector<int> counts(100);
  constexpr int kN = 200000;
  for (int i = 0; i < kN; ++i)
    ++counts.at(keys.sample(rng));
  double harmonic = 0;
  for (int k = 1; k <= 100; ++k)
    harmonic += 1.0 / k;
  for (int k : {1, 2, 10, 50}) {
    const double expected = kN / (k * harmonic);
    EXPECT_NEAR(counts[static_cast<std::size_t>(k - 1)], expected, 5 * std::sqrt(expected)) << k;
  }
}

TEST(SamplersTest, ArrivalsAreExactOrPoisson) {
  RandomStream rng(6);
  const ArrivalSampler constant(250, Arrivals::Constant);
  EXPECT_EQ(constant.sample(rng), 4 * kMillisecond);
  const ArrivalSampler poisson(1000, Arrivals::Poisson);
  double sum = 0;
  for (int i = 0; i < 100000; ++i)
    sum += static_cast<double>(poisson.sample(rng));
  EXPECT_NEAR(sum / 100000, 1e6, 1e6 * 0.01);
  const ArrivalSampler fastest(1e8, Arrivals::Poisson);
  for (int i = 0; i < 1000; ++i)
    EXPECT_GE(fastest.sample(rng), 1);  // time always moves on
}

}  // namespace
}  // namespace eventscope::core
