#include "core/model/emit_growth.h"

#include <gtest/gtest.h>

#include <cmath>

namespace eventscope::core {
namespace {

ServiceSpec service(std::string name, std::string reads, std::vector<EmitSpec> emits) {
  ServiceSpec s;
  s.name = std::move(name);
  s.subscribes = {std::move(reads)};
  s.emits = std::move(emits);
  return s;
}

EmitSpec emit(std::string topic, double p) {
  EmitSpec e;
  e.topic = std::move(topic);
  e.probability = p;
  return e;
}

TEST(EmitGrowthTest, TwoLikelyEmitsBackIntoTheSameTopicGrow) {
  Scenario s;
  s.services = {service("s", "a", {emit("a", 0.9), emit("a", 0.9)})};
  const auto found = findGrowingEmitLoops(s);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NEAR(found[0].factor, 1.8, 1e-6);
  EXPECT_EQ(found[0].services, std::vector<std::string>{"s"});
}

TEST(EmitGrowthTest, FanOutCountsEverySubscriber) {
  // b emits to c with 0.6; two services read c and each emits back to b with 1.0:
  // around the loop each event of b leads to 0.6 x 2 = 1.2 events of b.
  Scenario s;
  s.services = {service("b", "tb", {emit("tc", 0.6)}), service("c1", "tc", {emit("tb", 1.0)}),
                service("c2", "tc", {emit("tb", 1.0)})};
  const auto found = findGrowingEmitLoops(s);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NEAR(found[0].factor, std::sqrt(1.2), 1e-3);  // per step of a two-step loop
  EXPECT_EQ(found[0].services.size(), 3u);
}

TEST(EmitGrowthTest, LoopsThatDieOutAreFine) {
  Scenario s;
  s.services = {service("s", "a", {emit("a", 0.45), emit("a", 0.45)}),
                service("t", "x", {emit("y", 1.0)}),  // a chain, not a loop
                service("u", "y", {})};
  EXPECT_TRUE(findGrowingEmitLoops(s).empty());
}

}  // namespace
}  // namespace eventscope::core
