#include "core/lessons/named_nodes.h"

#include <gtest/gtest.h>

namespace eventscope::core {
namespace {

TEST(NamedNodesTest, NodesInBackticksInTheOrderFirstNamed) {
  Scenario s;
  s.topics.push_back({.name = "orders"});
  s.producers.push_back({.name = "checkout"});
  s.services.push_back({.name = "billing"});
  const auto names = namedNodes(
      "`billing` reads `orders` from `checkout`; `billing` again, `instances` is a key, "
      "orders without backticks, and an unclosed `checkout",
      s);
  EXPECT_EQ(names, (std::vector<std::string>{"billing", "orders", "checkout"}));
  EXPECT_TRUE(namedNodes("no names", s).empty());
}

}  // namespace
}  // namespace eventscope::core
