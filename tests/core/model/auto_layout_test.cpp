#include "core/model/auto_layout.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "support/demo_scenarios.h"
#include "support/scenario_builders.h"

namespace eventscope::core {
namespace {

std::map<std::string, LayoutEntry> byNode(const std::vector<LayoutEntry>& layout) {
  std::map<std::string, LayoutEntry> out;
  for (const LayoutEntry& entry : layout)
    EXPECT_TRUE(out.emplace(entry.node, entry).second) << entry.node << " placed twice";
  return out;
}

Scenario demo() {
  Scenario s = testing::demoScenario("order-pipeline.yaml");
  s.layout.clear();
  return s;
}

TEST(AutoLayoutTest, ColumnsFollowTheFlowOfEvents) {
  const auto at = byNode(autoLayout(demo()));
  const auto column = [&](const char* node) { return at.at(node).x / kLayoutColumnWidth; };
  EXPECT_EQ(column("checkout"), 0);
  EXPECT_EQ(column("orders"), 1);
  for (const char* service : {"billing", "inventory", "notifications", "analytics"})
    EXPECT_EQ(column(service), 2) << service;
  EXPECT_EQ(column("payments"), 3);    // billing emits
  EXPECT_EQ(column("orders.dlq"), 3);  // billing's dead letters
  EXPECT_EQ(column("shipping"), 4);
  EXPECT_EQ(column("shipments"), 5);
  // Every node once, no two in one place.
  std::set<std::pair<double, double>> places;
  for (const auto& [node, entry] : at)
    EXPECT_TRUE(places.emplace(entry.x, entry.y).second) << node;
  EXPECT_EQ(at.size(), 1 + 4 + 5u);  // a producer, four topics, five services
}

TEST(AutoLayoutTest, ColumnsAreCentredAndEvenlySpaced) {
  const auto at = byNode(autoLayout(demo()));
  std::vector<double> services;
  for (const char* service : {"billing", "inventory", "notifications", "analytics"})
    services.push_back(at.at(service).y);
  std::sort(services.begin(), services.end());
  EXPECT_DOUBLE_EQ(services.front(), -1.5 * kLayoutRowHeight);
  for (std::size_t i = 1; i < services.size(); ++i)
    EXPECT_DOUBLE_EQ(services[i] - services[i - 1], kLayoutRowHeight);
  EXPECT_DOUBLE_EQ(at.at("checkout").y, 0);
}

TEST(AutoLayoutTest, OrderingAvoidsCrossings) {
  // Two pipelines declared interleaved: each service should sit level with its own topic.
  Scenario s;
  s.topics = {testing::topic("a"), testing::topic("b")};
  s.producers = {testing::producer("pb", "b", 1), testing::producer("pa", "a", 1)};
  s.services = {testing::service("sa", "a", testing::constant(kMillisecond)),
                testing::service("sb", "b", testing::constant(kMillisecond))};
  const auto at = byNode(autoLayout(s));
  EXPECT_EQ(at.at("pa").y < at.at("pb").y, at.at("a").y < at.at("b").y);
  EXPECT_EQ(at.at("a").y < at.at("b").y, at.at("sa").y < at.at("sb").y);
}

TEST(AutoLayoutTest, WrittenPositionsStayAndLoopsAndOrphansArePlaced) {
  Scenario s;
  s.topics = {testing::topic("in"), testing::topic("loop"), testing::topic("unused")};
  s.producers = {testing::producer("p", "in", 1)};
  s.services = {testing::service("first", "in", testing::constant(kMillisecond)),
                testing::service("again", "loop", testing::constant(kMillisecond)),
                testing::service("idle", "unused", testing::constant(kMillisecond))};
  s.services[0].emits = {EmitSpec{.topic = "loop", .event = "Again"}};
  s.services[1].emits = {EmitSpec{.topic = "loop", .event = "Again", .probability = 0.5}};
  s.layout = {LayoutEntry{.node = "first", .x = 999, .y = -7}};
  const auto layout = autoLayout(s);
  const auto at = byNode(layout);
  EXPECT_EQ(layout.size(), 7u);
  EXPECT_EQ(layout.front().node, "p");  // the scenario's order: producers, topics, services
  EXPECT_EQ(at.at("first").x, 999);
  EXPECT_EQ(at.at("first").y, -7);
  EXPECT_EQ(at.at("loop").x, 3 * kLayoutColumnWidth);    // reached through first
  EXPECT_EQ(at.at("again").x, 4 * kLayoutColumnWidth);   // its own emits loop back: no drift
  EXPECT_EQ(at.at("unused").x, 1 * kLayoutColumnWidth);  // nobody publishes there
  EXPECT_EQ(at.at("idle").x, 2 * kLayoutColumnWidth);
  EXPECT_EQ(autoLayout(s).size(), layout.size());
  for (std::size_t i = 0; i < layout.size(); ++i) {  // the same scenario, the same layout
    EXPECT_EQ(autoLayout(s)[i].x, layout[i].x);
    EXPECT_EQ(autoLayout(s)[i].y, layout[i].y);
  }
}

TEST(AutoLayoutTest, AnEmptyScenarioHasAnEmptyLayout) {
  EXPECT_TRUE(autoLayout(Scenario{}).empty());
}

}  // namespace
}  // namespace eventscope::core
