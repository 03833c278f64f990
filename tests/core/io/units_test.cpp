#include "core/io/units.h"

#include <gtest/gtest.h>

#include "core/model/limits.h"

namespace eventscope::core {
namespace {

SimTime duration(std::string_view text) {
  std::string error;
  const auto value = parseDuration(text, &error);
  EXPECT_TRUE(value.has_value()) << text << ": " << error;
  return value.value_or(-1);
}

std::string durationError(std::string_view text) {
  std::string error;
  EXPECT_FALSE(parseDuration(text, &error).has_value()) << text;
  return error;
}

double rate(std::string_view text) {
  std::string error;
  const auto value = parseRate(text, &error);
  EXPECT_TRUE(value.has_value()) << text << ": " << error;
  return value.value_or(-1);
}

std::string rateError(std::string_view text) {
  std::string error;
  EXPECT_FALSE(parseRate(text, &error).has_value()) << text;
  return error;
}

TEST(UnitsTest, ParsesEveryDurationUnit) {
  EXPECT_EQ(duration("7ns"), 7);
  EXPECT_EQ(duration("250us"), 250 * kMicrosecond);
  EXPECT_EQ(duration("250\u00b5s"), 250 * kMicrosecond);
  EXPECT_EQ(duration("250\u03bcs"), 250 * kMicrosecond);
  EXPECT_EQ(duration("10ms"), 10 * kMillisecond);
  EXPECT_EQ(duration("2s"), 2 * kSecond);
  EXPECT_EQ(duration("5m"), 5 * kMinute);
  EXPECT_EQ(duration("1h"), kHour);
  EXPECT_EQ(duration("0s"), 0);
  EXPECT_EQ(duration("0ns"), 0);
}

TEST(UnitsTest, ParsesDecimalDurationsExactly) {
  EXPECT_EQ(duration("1.5s"), 1500 * kMillisecond);
  EXPECT_EQ(duration(".5s"), 500 * kMillisecond);
  EXPECT_EQ(duration("2.s"), 2 * kSecond);
  EXPECT_EQ(duration("0.1h"), 6 * kMinute);
  EXPECT_EQ(duration("1.25m"), 75 * kSecond);
  EXPECT_EQ(duration("0.000000001s"), 1);
  EXPECT_EQ(duration("007ms"), 7 * kMillisecond);
  // 0.1 has no exact double; digit-by-digit scaling still gives exactly 100 ms.
  EXPECT_EQ(duration("0.1s"), 100 * kMillisecond);
  EXPECT_EQ(duration("  10 ms "), 10 * kMillisecond);
}

TEST(UnitsTest, RoundsToTheNearestNanosecond) {
  EXPECT_EQ(duration("0.4ns"), 0);
  EXPECT_EQ(duration("0.5ns"), 1);
  EXPECT_EQ(duration("1.49999ns"), 1);
  EXPECT_EQ(duration("1.0000000001us"), kMicrosecond);
  EXPECT_EQ(duration("1.0000005us"), kMicrosecond);
  EXPECT_EQ(duration("1.0005us"), kMicrosecond + 1);
  EXPECT_EQ(duration("0.0000000004s"), 0);
  EXPECT_EQ(duration("0.0000000005s"), 1);
  // A third of a nanosecond per minute-digit: 1/3 of 60e9 scaled exactly, then rounded.
  EXPECT_EQ(duration("0.3333333333333333333m"), 20 * kSecond);
}

TEST(UnitsTest, AcceptsTheLongestDurationAndNoMore) {
  EXPECT_EQ(duration("100000h"), kMaxDuration);
  EXPECT_NE(durationError("100000.000000000001h").find("too long"), std::string::npos);
  EXPECT_NE(durationError("100001h").find("is too long; the longest allowed is 100000h"),
            std::string::npos);
  EXPECT_NE(durationError("99999999999999999999999s").find("too long"), std::string::npos);
  EXPECT_NE(durationError("9223372036854775807ns").find("too long"), std::string::npos);
}

TEST(UnitsTest, ExplainsBadDurations) {
  EXPECT_EQ(durationError("250"), "duration '250' needs a unit: 250us, 10ms, 2s, 5m or 1h");
  EXPECT_EQ(durationError("0"), "duration '0' needs a unit: 250us, 10ms, 2s, 5m or 1h");
  EXPECT_EQ(durationError("-5s"), "duration cannot be negative: '-5s'");
  EXPECT_EQ(durationError("10sec"),
            "unknown unit 'sec' in duration '10sec'; use ns, us, ms, s, m or h");
  EXPECT_EQ(durationError("10mss"),
            "unknown unit 'mss' in duration '10mss'; use ns, us, ms, s, m or h (did you mean "
            "'ms'?)");
  EXPECT_EQ(durationError(""),
            "duration is empty; write a number with a unit: 250us, 10ms, 2s, "
            "5m or 1h");
  EXPECT_NE(durationError("s").find("'s' is not a duration"), std::string::npos);
  EXPECT_NE(durationError("nan").find("'nan' is not a duration"), std::string::npos);
  EXPECT_NE(durationError("inf").find("is not a duration"), std::string::npos);
  EXPECT_NE(durationError(".inf").find("is not a duration"), std::string::npos);
  EXPECT_NE(durationError("1e3ms").find("is not a duration"), std::string::npos);
  EXPECT_NE(durationError("1.2.3s").find("is not a duration"), std::string::npos);
  EXPECT_NE(durationError("+5s").find("is not a duration"), std::string::npos);
  EXPECT_NE(durationError("5 s s").find("unknown unit 's s'"), std::string::npos);
}

TEST(UnitsTest, ErrorOutputIsOptional) {
  EXPECT_FALSE(parseDuration("x", nullptr).has_value());
  EXPECT_FALSE(parseRate("x", nullptr).has_value());
  EXPECT_EQ(parseDuration("1s", nullptr), kSecond);
}

TEST(UnitsTest, ParsesRates) {
  EXPECT_DOUBLE_EQ(rate("800/s"), 800.0);
  EXPECT_DOUBLE_EQ(rate("30/m"), 0.5);
  EXPECT_DOUBLE_EQ(rate("5/h"), 5.0 / 3600.0);
  EXPECT_DOUBLE_EQ(rate("0.5/s"), 0.5);
  EXPECT_DOUBLE_EQ(rate("1e3/s"), 1000.0);
  EXPECT_DOUBLE_EQ(rate(" 12 / s "), 12.0);
  EXPECT_DOUBLE_EQ(rate("100000000/s"), limits::kMaxRatePerSecond);
}

TEST(UnitsTest, ExplainsBadRates) {
  EXPECT_EQ(rateError("800"), "rate '800' needs a unit: 800/s, 30/m or 5/h");
  EXPECT_EQ(rateError("0/s"),
            "rate must be greater than 0, got '0/s'; leave the producer out to produce nothing");
  EXPECT_EQ(rateError("-5/s"), "rate cannot be negative: '-5/s'");
  EXPECT_EQ(rateError("800/sec"), "unknown unit 'sec' in rate '800/sec'; use /s, /m or /h");
  EXPECT_EQ(rateError("800/ms"),
            "unknown unit 'ms' in rate '800/ms'; use /s, /m or /h (did you mean 's'?)");
  EXPECT_EQ(rateError("100000001/s"),
            "rate '100000001/s' is too high; the highest allowed is 100000000/s");
  EXPECT_NE(rateError("1e400/s").find("too high"), std::string::npos);
  EXPECT_NE(rateError("1e-400/s").find("greater than 0"), std::string::npos);
  EXPECT_NE(rateError("fast").find("'fast' is not a rate"), std::string::npos);
  EXPECT_NE(rateError("nan/s").find("is not a rate"), std::string::npos);
  EXPECT_NE(rateError("inf/s").find("is not a rate"), std::string::npos);
  EXPECT_NE(rateError("/s").find("needs a number"), std::string::npos);
  EXPECT_NE(rateError("").find("needs a number"), std::string::npos);
}

TEST(UnitsTest, FormatsTheShortestExactDuration) {
  EXPECT_EQ(formatDuration(0), "0s");
  EXPECT_EQ(formatDuration(1), "1ns");
  EXPECT_EQ(formatDuration(250 * kMicrosecond), "250us");
  EXPECT_EQ(formatDuration(1500 * kMillisecond), "1.5s");
  EXPECT_EQ(formatDuration(500 * kMillisecond), "0.5s");
  EXPECT_EQ(formatDuration(150 * kMillisecond), "150ms");  // a tie goes to the smaller unit
  EXPECT_EQ(formatDuration(2 * kMinute), "2m");
  EXPECT_EQ(formatDuration(90 * kSecond), "90s");
  EXPECT_EQ(formatDuration(kHour), "1h");
  EXPECT_EQ(formatDuration(kMaxDuration), "100000h");
  EXPECT_EQ(formatDuration(kSecond + 1), "1000000001ns");  // as short as 1.000000001s
  EXPECT_EQ(formatDuration(-2 * kSecond), "-2s");
  EXPECT_FALSE(formatDuration(std::numeric_limits<SimTime>::min()).empty());
}

TEST(UnitsTest, FormattedDurationsParseBack) {
  for (SimTime t : {SimTime{1}, SimTime{999}, 1234567 * kNanosecond, 61 * kSecond, 36 * kHour + 1,
                    kMaxDuration - 1}) {
    EXPECT_EQ(duration(formatDuration(t)), t) << formatDuration(t);
  }
}

}  // namespace
}  // namespace eventscope::core
