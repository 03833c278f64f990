#include "core/metrics/histogram.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "core/sim/random_stream.h"

namespace eventscope::core {
namespace {

TEST(HistogramTest, QuantilesWithinOnePercentOfExact) {
  RandomStream rng(4);
  Histogram histogram;
  std::vector<std::int64_t> values;
  for (int i = 0; i < 100000; ++i) {
    const auto v = static_cast<std::int64_t>(rng.exponential(5e6));  // ~5 ms in ns
    values.push_back(v);
    histogram.record(v);
  }
  std::sort(values.begin(), values.end());
  for (double q : {0.5, 0.9, 0.95, 0.99, 0.999}) {
    const auto exact =
        static_cast<double>(values[static_cast<std::size_t>(q * (values.size() - 1))]);
    EXPECT_NEAR(histogram.quantile(q) / exact, 1.0, 0.01) << "q=" << q;
  }
  EXPECT_EQ(histogram.count(), 100000u);
}

TEST(HistogramTest, SmallValuesAreExactAndClearResets) {
  Histogram histogram;
  for (int v : {0, 1, 2, 3, 100})
    histogram.record(v);
  EXPECT_EQ(histogram.quantile(0), 0);
  EXPECT_EQ(histogram.quantile(0.5), 2);
  EXPECT_EQ(histogram.quantile(1), 100);
  histogram.clear();
  EXPECT_EQ(histogram.count(), 0u);
  EXPECT_EQ(histogram.quantile(0.5), 0);
  histogram.record(-5);  // negative durations cannot happen, but must not corrupt anything
  histogram.record(INT64_MAX);
  EXPECT_EQ(histogram.count(), 2u);
}

}  // namespace
}  // namespace eventscope::core

namespace eventscope::core {
namespace {

TEST(HistogramTest, MergeEqualsRecordingEverythingInOne) {
  RandomStream rng(8);
  Histogram all, first, second;
  for (int i = 0; i < 5000; ++i) {
    const auto v = static_cast<std::int64_t>(rng.exponential(1e6));
    all.record(v);
    (i % 3 == 0 ? first : second).record(v);
  }
  first.merge(second);
  EXPECT_EQ(first.count(), all.count());
  for (double q : {0.0, 0.5, 0.99, 1.0})
    EXPECT_EQ(first.quantile(q), all.quantile(q));
}

}  // namespace
}  // namespace eventscope::core
