#include "core/io/timestamps.h"

#include <gtest/gtest.h>

namespace eventscope::core {
namespace {

TEST(TimestampsTest, FormatsAndParsesWithNanoseconds) {
  EXPECT_EQ(formatRfc3339(0), "1970-01-01T00:00:00.000000000Z");
  const std::int64_t t = 1795694292123456789LL;  // 2026-11-26T11:58:12.123456789Z
  EXPECT_EQ(formatRfc3339(t), "2026-11-26T11:58:12.123456789Z");
  EXPECT_EQ(parseRfc3339(formatRfc3339(t)), t);
  EXPECT_EQ(parseRfc3339("2026-11-26T11:58:12Z"), t / 1'000'000'000 * 1'000'000'000);
  EXPECT_EQ(parseRfc3339("2026-11-26T12:58:12.5+01:00"),
            t / 1'000'000'000 * 1'000'000'000 + 500'000'000);
  EXPECT_EQ(parseRfc3339("1969-12-31T23:59:59Z"), -1'000'000'000);
  EXPECT_EQ(formatRfc3339(-1), "1969-12-31T23:59:59.999999999Z");
}

TEST(TimestampsTest, RejectsWhatIsNotATimestamp) {
  for (const char* bad :
       {"", "2026", "2026-13-01T00:00:00Z", "2026-11-26 09:18", "2026-11-26T09:18:12",
        "2026-11-26T09:18:12.Z", "2026-11-26T09:18:12Zjunk", "2026-11-26T25:00:00Z", "yesterday"}) {
    EXPECT_FALSE(parseRfc3339(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace eventscope::core
