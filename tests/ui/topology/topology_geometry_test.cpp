#include "ui/topology/topology_geometry.h"

#include <gtest/gtest.h>

namespace eventscope::ui::geometry {
namespace {

TEST(TopologyGeometryTest, EdgesRunBetweenTheBoxBorders) {
  const QRectF a(0, 0, 100, 50), b(300, 0, 100, 50);
  const QLineF edge = edgeBetween(a, b);
  EXPECT_DOUBLE_EQ(edge.p1().x(), 100);
  EXPECT_DOUBLE_EQ(edge.p1().y(), 25);
  EXPECT_DOUBLE_EQ(edge.p2().x(), 300);
  EXPECT_DOUBLE_EQ(edge.p2().y(), 25);
  // Further right and lower: still port to left side.
  const QLineF across = edgeBetween(QRectF(0, 0, 100, 50), QRectF(300, 200, 100, 50));
  EXPECT_EQ(across.p1(), QPointF(100, 25));
  EXPECT_EQ(across.p2(), QPointF(300, 225));
  // Straight below: leaves through the side it points at.
  const QLineF down = edgeBetween(QRectF(0, 0, 100, 50), QRectF(0, 300, 100, 50));
  EXPECT_DOUBLE_EQ(down.p1().y(), 50);
  EXPECT_DOUBLE_EQ(down.p2().y(), 300);
}

TEST(TopologyGeometryTest, PointsAlongAnEdgeAndAroundALoop) {
  const QLineF edge(QPointF(0, 0), QPointF(100, 0));
  EXPECT_EQ(pointAlong(edge, 0.25), QPointF(25, 0));
  EXPECT_EQ(pointAlong(edge, -1), QPointF(0, 0));
  EXPECT_EQ(pointAlong(edge, 2), QPointF(100, 0));
  const QLineF loop(QPointF(10, 10), QPointF(10, 10));
  EXPECT_NEAR(pointAlong(loop, 0.5).y(), 10 - 36, 1e-9);  // the top of the loop
  EXPECT_NEAR(pointAlong(loop, 1).y(), 10, 1e-9);
}

TEST(TopologyGeometryTest, PressureGrowsWithBacklogPerWorkingInstance) {
  EXPECT_EQ(servicePressure(0, 3), 0);
  EXPECT_EQ(servicePressure(5, 0), 1);  // work waits and nobody is up
  EXPECT_LT(servicePressure(10, 10), servicePressure(10, 1));
  EXPECT_NEAR(servicePressure(999, 1), 1, 1e-9);
  EXPECT_EQ(topicPressure(50, 100), 0.5);
  EXPECT_EQ(topicPressure(500, 100), 1);
}

TEST(TopologyGeometryTest, PressureColoursGoFromGreenToRed) {
  EXPECT_GT(pressureColor(0).green(), pressureColor(0).red());
  EXPECT_GT(pressureColor(1).red(), pressureColor(1).green());
  const QColor amber = pressureColor(0.5);
  EXPECT_GT(amber.red(), amber.blue());
  EXPECT_GT(amber.green(), amber.blue());
}

TEST(TopologyGeometryTest, NodesSnapToTheGrid) {
  EXPECT_EQ(snapped(QPointF(14, -26)), QPointF(10, -30));
  EXPECT_EQ(nodeRect(core::NodeKind::Service, QPointF(0, 0)).center(), QPointF(0, 0));
}

}  // namespace
}  // namespace eventscope::ui::geometry
