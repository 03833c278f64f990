#include "ui/timeline/timeline_geometry.h"

#include <gtest/gtest.h>

namespace eventscope::ui {
namespace {

using core::kMillisecond;
using core::kSecond;

TimelineGeometry sixtySeconds() {
  TimelineGeometry g;
  g.setEnd(60 * kSecond);
  g.setWidth(620, 10);  // 600 pixels of track: 10 px per second
  return g;
}

TEST(TimelineGeometryTest, TimeAndPixelsMapBothWays) {
  const TimelineGeometry g = sixtySeconds();
  EXPECT_DOUBLE_EQ(g.xOf(0), 10);
  EXPECT_DOUBLE_EQ(g.xOf(60 * kSecond), 610);
  EXPECT_DOUBLE_EQ(g.xOf(30 * kSecond), 310);
  EXPECT_EQ(g.timeAt(310), 30 * kSecond);
  for (core::SimTime t = 0; t <= 60 * kSecond; t += 7 * kSecond)
    EXPECT_NEAR(static_cast<double>(g.timeAt(g.xOf(t))), static_cast<double>(t), 1.0);
  // Outside the track: clamped to the window.
  EXPECT_EQ(g.timeAt(-50), 0);
  EXPECT_EQ(g.timeAt(5000), 60 * kSecond);
}

TEST(TimelineGeometryTest, ZoomKeepsTheTimeUnderTheMouse) {
  TimelineGeometry g = sixtySeconds();
  const double x = 160;  // 15 s
  const core::SimTime before = g.timeAt(x);
  g.zoom(4, x);
  EXPECT_TRUE(g.zoomed());
  EXPECT_EQ(g.to() - g.from(), 15 * kSecond);
  EXPECT_NEAR(static_cast<double>(g.timeAt(x)), static_cast<double>(before), 1e-3 * kSecond);
  g.zoom(0.01, x);  // out beyond the whole run: the whole run
  EXPECT_EQ(g.from(), 0);
  EXPECT_EQ(g.to(), 60 * kSecond);
  EXPECT_FALSE(g.zoomed());
  for (int i = 0; i < 100; ++i)
    g.zoom(10, 600);  // in to the limit, near the end
  EXPECT_EQ(g.to() - g.from(), TimelineGeometry::kMinSpan);
  EXPECT_LE(g.to(), 60 * kSecond);
}

TEST(TimelineGeometryTest, TicksKeepTheirSpacingOnRoundTimes) {
  TimelineGeometry g = sixtySeconds();
  const auto ticks = g.ticks(50);  // 50 px = 5 s at least: steps of 5 s
  ASSERT_GE(ticks.size(), 2u);
  EXPECT_EQ(ticks[1].t - ticks[0].t, 5 * kSecond);
  EXPECT_EQ(ticks[0].label, QStringLiteral("0 s"));
  EXPECT_EQ(ticks[2].label, QStringLiteral("10 s"));
  for (std::size_t i = 1; i < ticks.size(); ++i)
    EXPECT_GE(ticks[i].x - ticks[i - 1].x, 50 - 1e-9);
  g.setView(2 * kSecond, 2 * kSecond + 50 * kMillisecond);
  const auto fine = g.ticks(50);  // 50 ms over 600 px: 5 ms steps
  ASSERT_GE(fine.size(), 2u);
  EXPECT_EQ(fine[1].t - fine[0].t, 5 * kMillisecond);
  EXPECT_EQ(fine[0].label, QStringLiteral("2.000 s"));
}

TEST(TimelineGeometryTest, LabelsUseTheUnitTheStepNeeds) {
  EXPECT_EQ(timelineLabel(250 * kMillisecond, 50 * kMillisecond), QStringLiteral("250 ms"));
  EXPECT_EQ(timelineLabel(1500 * kMillisecond, 500 * kMillisecond), QStringLiteral("1.5 s"));
  EXPECT_EQ(timelineLabel(62 * kSecond + 500 * kMillisecond, 500 * kMillisecond),
            QStringLiteral("1:02.5"));
  EXPECT_EQ(timelineLabel(120 * kSecond, 10 * kSecond), QStringLiteral("2:00"));
  EXPECT_EQ(timelineLabel(3000, 1000), QStringLiteral("3 µs"));
}

}  // namespace
}  // namespace eventscope::ui
