#include "core/io/did_you_mean.h"

#include <gtest/gtest.h>

namespace eventscope::core {
namespace {

const std::vector<std::string> kServiceKeys{"instances", "subscribes", "delivery",
                                            "prefetch",  "retry",      "emits"};

TEST(DidYouMeanTest, FindsTypos) {
  EXPECT_EQ(closestMatch("instnces", kServiceKeys), "instances");    // deletion
  EXPECT_EQ(closestMatch("instancess", kServiceKeys), "instances");  // insertion
  EXPECT_EQ(closestMatch("instanses", kServiceKeys), "instances");   // substitution
  EXPECT_EQ(closestMatch("instnaces", kServiceKeys), "instances");   // transposition
  EXPECT_EQ(closestMatch("subscribe", kServiceKeys), "subscribes");
  EXPECT_EQ(closestMatch("Retry", kServiceKeys), "retry");  // case does not count
}

TEST(DidYouMeanTest, RejectsWordsThatAreTooFar) {
  EXPECT_FALSE(closestMatch("workers", kServiceKeys).has_value());
  EXPECT_FALSE(closestMatch("x", kServiceKeys).has_value());
  EXPECT_FALSE(closestMatch("", kServiceKeys).has_value());
  EXPECT_FALSE(closestMatch("instances", {}).has_value());
  EXPECT_FALSE(closestMatch(std::string(1000, 'a'), {std::string(1000, 'a')}).has_value());
}

TEST(DidYouMeanTest, AllowsOneEditForShortWordsAndALengthThirdForLongOnes) {
  EXPECT_EQ(closestMatch("ab", {"ac"}), "ac");
  EXPECT_FALSE(closestMatch("ab", {"cd"}).has_value());
  // "orders" has 6 letters: two edits are fine, three are not.
  EXPECT_EQ(closestMatch("ordrs", {"orders"}), "orders");
  EXPECT_EQ(closestMatch("odrres", {"orders"}), "orders");
  EXPECT_FALSE(closestMatch("oxxers", {"ab"}).has_value());
  EXPECT_FALSE(closestMatch("ozzzrs", {"orders"}).has_value());
}

TEST(DidYouMeanTest, PrefersTheClosestThenTheFirst) {
  EXPECT_EQ(closestMatch("billing", {"billings", "billing2", "bill"}), "billings");
  EXPECT_EQ(closestMatch("orders1", {"orders2", "orders3"}), "orders2");
  EXPECT_EQ(closestMatch("order", {"orders.dlq", "orders"}), "orders");
}

}  // namespace
}  // namespace eventscope::core
