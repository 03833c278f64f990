#include "core/bus/key_table.h"

#include <gtest/gtest.h>

namespace eventscope::core {
namespace {

TEST(KeyTableTest, NumberedKeysAreTheirNumber) {
  KeyTable keys;
  EXPECT_EQ(keys.intern("k13"), 13u);
  EXPECT_EQ(keys.text(13), "k13");
  EXPECT_EQ(keys.text(0), "k0");
}

TEST(KeyTableTest, OtherTextIsInternedOnce) {
  KeyTable keys;
  const KeyId vip = keys.intern("vip-7");
  EXPECT_GE(vip, KeyTable::kInternedBase);
  EXPECT_EQ(keys.intern("vip-7"), vip);
  EXPECT_EQ(keys.text(vip), "vip-7");
  EXPECT_NE(keys.intern("k013"), 13u);  // leading zero: not the numbered key k13
  EXPECT_NE(keys.intern("k"), keys.intern("k0"));
}

TEST(KeyTableTest, TheHashIsThatOfTheTextWhoeverInternsIt) {
  KeyTable a, b;
  b.intern("something-else");
  EXPECT_EQ(a.hash(a.intern("k42")), b.hash(42));
  EXPECT_EQ(a.hash(a.intern("order-9")), b.hash(b.intern("order-9")));
  EXPECT_EQ(a.hash(7), KeyTable::hashText("k7"));
}

TEST(KeyTableTest, KeysSpreadEvenlyOverPartitions) {
  KeyTable keys;
  int counts[8] = {};
  for (KeyId k = 0; k < 80000; ++k)
    ++counts[keys.hash(k) % 8];
  for (int c : counts)
    EXPECT_NEAR(c, 10000, 400);
}

}  // namespace
}  // namespace eventscope::core
