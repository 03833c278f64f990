#include "core/model/scenario.h"

#include <gtest/gtest.h>

namespace eventscope::core {

TEST(ScenarioTest, FindsEntitiesByName) {
  Scenario s;
  s.topics.push_back({.name = "orders"});
  s.services.push_back({.name = "billing"});
  s.producers.push_back({.name = "checkout"});
  ASSERT_NE(s.findTopic("orders"), nullptr);
  EXPECT_EQ(s.findTopic("orders")->partitions, 1);
  EXPECT_EQ(s.findService("billing")->name, "billing");
  EXPECT_EQ(s.findProducer("checkout")->name, "checkout");
  EXPECT_EQ(s.findTopic("billing"), nullptr);
}

TEST(ScenarioTest, DistributionMeans) {
  Distribution uniform{
      .kind = Distribution::Kind::Uniform, .first = kMillisecond, .second = 3 * kMillisecond};
  EXPECT_DOUBLE_EQ(uniform.meanSeconds(), 0.002);
  Distribution exponential{.kind = Distribution::Kind::Exponential, .first = 5 * kMillisecond};
  EXPECT_DOUBLE_EQ(exponential.meanSeconds(), 0.005);
}

}  // namespace eventscope::core
