#include "core/sim/time_weighted.h"

#include <gtest/gtest.h>

namespace eventscope::core {
namespace {

TEST(TimeWeightedCountsTest, AreasIntegrateEachCountExactly) {
  TimeWeightedCounts<2> counts;
  counts.add(0, 0, 2);   // count 0 is 2 from t=0
  counts.add(10, 1, 5);  // count 1 is 5 from t=10
  counts.add(10, 0, 1);  // a second change at the same instant
  counts.add(30, 0, -3);
  EXPECT_EQ(counts.value(0), 0);
  EXPECT_EQ(counts.value(1), 5);
  EXPECT_DOUBLE_EQ(counts.areaUntil(0, 30), 2 * 10 + 3 * 20);
  EXPECT_DOUBLE_EQ(counts.areaUntil(0, 50), 80);  // zero after t=30
  EXPECT_DOUBLE_EQ(counts.areaUntil(1, 50), 5 * 40);
  // Average over [10, 30): (area(30) - area(10)) / 20 = 3.
  EXPECT_DOUBLE_EQ((counts.areaUntil(0, 30) - 20) / 20, 3);
}

}  // namespace
}  // namespace eventscope::core
