#include "ui/trace/trace_axis.h"

#include <gtest/gtest.h>

namespace eventscope::ui {
namespace {

using core::kMicrosecond;
using core::kMillisecond;
using core::kSecond;

TEST(TraceAxis, FormatsDurationsInTheUnitThatSuitsThem) {
  EXPECT_EQ(formatTraceDuration(0), "0");
  EXPECT_EQ(formatTraceDuration(750), "750 ns");
  EXPECT_EQ(formatTraceDuration(750 * kMicrosecond), "750 \u00b5s");
  EXPECT_EQ(formatTraceDuration(12 * kMillisecond + 500 * kMicrosecond), "12.5 ms");
  EXPECT_EQ(formatTraceDuration(1250 * kMillisecond), "1.25 s");
  EXPECT_EQ(formatTraceDuration(-2 * kSecond), "-2 s");
}

TEST(TraceAxis, MapsTimeToXAndBack) {
  TraceAxis axis;
  axis.setExtent(10 * kSecond, 10 * kSecond + 100 * kMillisecond);
  axis.setPlot(200, 1000);
  EXPECT_DOUBLE_EQ(axis.xOf(10 * kSecond), 200);
  EXPECT_DOUBLE_EQ(axis.xOf(10 * kSecond + 100 * kMillisecond), 1200);
  EXPECT_DOUBLE_EQ(axis.xOf(10 * kSecond + 25 * kMillisecond), 450);
  EXPECT_EQ(axis.timeAt(450), 10 * kSecond + 25 * kMillisecond);
  for (double x : {200.0, 333.0, 999.5, 1200.0})
    EXPECT_NEAR(axis.xOf(axis.timeAt(x)), x, 1e-3);
  EXPECT_FALSE(axis.zoomed());
}

TEST(TraceAxis, ZoomsToARangeWithinTheExtent) {
  TraceAxis axis;
  axis.setExtent(0, 100 * kMillisecond);
  axis.setPlot(0, 1000);
  axis.zoomTo(40 * kMillisecond, 50 * kMillisecond);
  EXPECT_TRUE(axis.zoomed());
  EXPECT_DOUBLE_EQ(axis.xOf(40 * kMillisecond), 0);
  EXPECT_DOUBLE_EQ(axis.xOf(45 * kMillisecond), 500);
  // Reversed and out of range: put in order and clamped.
  axis.zoomTo(200 * kMillisecond, 90 * kMillisecond);
  EXPECT_EQ(axis.from(), 90 * kMillisecond);
  EXPECT_EQ(axis.to(), 100 * kMillisecond);
  // Never narrower than a microsecond.
  axis.zoomTo(5, 5);
  EXPECT_EQ(axis.to() - axis.from(), kMicrosecond);
  axis.resetZoom();
  EXPECT_FALSE(axis.zoomed());
}

TEST(TraceAxis, ZoomAroundKeepsTheTimeUnderThePointer) {
  TraceAxis axis;
  axis.setExtent(0, 100 * kMillisecond);
  axis.setPlot(100, 1000);
  const core::SimTime under = axis.timeAt(350);
  axis.zoomAround(350, 4);
  EXPECT_EQ(axis.to() - axis.from(), 25 * kMillisecond);
  EXPECT_NEAR(axis.xOf(under), 350, 0.5);
  axis.zoomAround(350, 0.01);  // far out: back to the whole extent
  EXPECT_FALSE(axis.zoomed());
}

TEST(TraceAxis, TicksAreRoundOffsetsFromTheStart) {
  TraceAxis axis;
  axis.setExtent(5 * kSecond, 5 * kSecond + 100 * kMillisecond);
  axis.setPlot(0, 1000);
  const auto ticks = axis.ticks(80);  // 80 px = 8 ms: a 10 ms step
  ASSERT_EQ(ticks.size(), 11u);
  EXPECT_EQ(ticks[0].label, "0");
  EXPECT_EQ(ticks[1].label, "10 ms");
  EXPECT_EQ(ticks[1].t, 5 * kSecond + 10 * kMillisecond);
  EXPECT_DOUBLE_EQ(ticks[1].x, 100);
  EXPECT_EQ(ticks.back().label, "100 ms");
  axis.zoomTo(5 * kSecond + 1 * kMillisecond + 300 * kMicrosecond,
              5 * kSecond + 1 * kMillisecond + 700 * kMicrosecond);
  const auto fine = axis.ticks(80);  // 400 µs over 1000 px: a 50 µs step
  ASSERT_FALSE(fine.empty());
  EXPECT_EQ(fine.front().label, "1.3 ms");
  EXPECT_EQ(fine[1].t - fine[0].t, 50 * kMicrosecond);
  for (const TraceTick& tick : fine) {
    EXPECT_GE(tick.x, 0);
    EXPECT_LE(tick.x, 1000);
  }
}

}  // namespace
}  // namespace eventscope::ui
