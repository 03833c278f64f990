#include "core/lessons/check_expression.h"

#include <gtest/gtest.h>

namespace eventscope::core {
namespace {

// A report and series as a run gives them, small enough to compute by hand.
nlohmann::ordered_json report() {
  return nlohmann::ordered_json::parse(R"({
    "totals": {"produced": 100, "dead_lettered": 4},
    "topics": {"orders": {"max_depth": 7}, "orders.dlq": {"produced": 4}},
    "services": {"billing": {"acked": 96, "latency_s": {"p95": 0.25}},
                 "idle": {"acked": 0, "latency_s": null}},
    "stopped_early": false})");
}

TimeSeries series() {
  TimeSeries s;
  s.bucketWidth = 10 * kSecond;
  s.serviceNames = {"billing"};
  s.services.resize(1);
  s.queues.resize(1);
  s.queues[0].resize(2);
  for (float backlog : {1.0f, 5.0f, 9.0f, 3.0f}) {
    ServiceSample sample;
    sample.backlog = backlog;
    s.services[0].push_back(sample);
    s.queues[0][0].push_back({backlog - 1, backlog});  // partition 0: most of it
    s.queues[0][1].push_back({1, 1});
  }
  return s;
}

CheckExpression parsed(const std::string& text) {
  CheckError error;
  auto check = parseCheck(text, &error);
  EXPECT_TRUE(check.has_value()) << text << ": " << error.message;
  if (!check) return {};
  const CheckServices services{{"billing", "idle"}, {2, 1}};
  EXPECT_TRUE(resolveCheck(*check, report(), services, &error)) << text << ": " << error.message;
  return *check;
}

CheckValues evaluated(const std::string& text) {
  return evaluateCheck(parsed(text), report(), series());
}

TEST(CheckExpressionTest, ComparesReportFiguresByTheirPath) {
  EXPECT_TRUE(evaluated("services.billing.acked > 90").holds);
  EXPECT_FALSE(evaluated("services.billing.acked == 100").holds);
  EXPECT_TRUE(evaluated("services.billing.latency_s.p95 <= 250ms").holds);
  // Keys that hold dots: the longest key the path starts with.
  EXPECT_TRUE(evaluated("topics.orders.dlq.produced == totals.dead_lettered").holds);
  EXPECT_TRUE(evaluated("stopped_early == 0").holds);
}

TEST(CheckExpressionTest, ArithmeticFollowsPrecedenceAndParentheses) {
  const CheckValues v = evaluated("totals.produced - services.billing.acked * 2 / 4 == 52");
  EXPECT_TRUE(v.holds) << *v.lhs;
  EXPECT_DOUBLE_EQ(*evaluated("(totals.produced - 96) * 2 > 0").lhs, 8);
  EXPECT_DOUBLE_EQ(*evaluated("-topics.orders.max_depth < 0").lhs, -7);
  EXPECT_DOUBLE_EQ(*evaluated("1.5e2 > 0").lhs, 150);
}

TEST(CheckExpressionTest, SeriesAtATimeAndOverAWindow) {
  EXPECT_DOUBLE_EQ(*evaluated("backlog of billing at 25s > 0").lhs, 9);
  EXPECT_DOUBLE_EQ(*evaluated("max backlog of billing > 0").lhs, 9);
  EXPECT_DOUBLE_EQ(*evaluated("min backlog of billing from 10s to 40s > 0").lhs, 3);
  EXPECT_DOUBLE_EQ(*evaluated("mean backlog of billing from 0s to 20s > 0").lhs, 3);
  // The run's end instant belongs to the last bucket; later has no value.
  EXPECT_DOUBLE_EQ(*evaluated("backlog of billing at 40s > 0").lhs, 3);
  const CheckValues late = evaluated("backlog of billing at 55s > 0");
  EXPECT_FALSE(late.lhs.has_value());
  EXPECT_FALSE(late.holds);
  EXPECT_NE(late.problem.find("ended before"), std::string::npos) << late.problem;
}

TEST(CheckExpressionTest, OnePartitionsBacklogAndLag) {
  EXPECT_DOUBLE_EQ(*evaluated("max backlog of billing partition 0 > 0").lhs, 8);
  EXPECT_DOUBLE_EQ(*evaluated("lag of billing partition 0 at 25s > 0").lhs, 9);
  EXPECT_DOUBLE_EQ(*evaluated("max backlog of billing partition 1 > 0").lhs, 1);
}

TEST(CheckExpressionTest, AFigureWithNoValueFailsWithTheReason) {
  const CheckValues v = evaluated("services.idle.latency_s.p95 < 1");
  EXPECT_FALSE(v.holds);
  EXPECT_NE(v.problem.find("no value"), std::string::npos) << v.problem;
}

struct BadCheck {
  const char* text;
  std::size_t offset;
  const char* says;
};

TEST(CheckExpressionTest, SyntaxErrorsSayWhatAndWhere) {
  const BadCheck cases[] = {
      {"services.billing.acked", 22, "compares two values"},
      {"services.billing.acked >", 24, "expected a number"},
      {"1 < 2 3", 6, "unexpected '3'"},
      {"(1 + 2 < 3", 7, "expected ')'"},
      {"backlg of billing at 3s > 1", 0, "did you mean 'backlog'"},
      {"backlog of billing > 1", 19, "expected 'at'"},
      {"backlog of billing at 3 > 1", 22, "a time with a unit"},
      {"max lag of billing from 5s to 2s > 1", 30, "after its start"},
      {"3parsecs > 1", 0, "not a number or a duration"},
      {"throughput of billing partition 0 at 1s > 1", 22, "only backlog and lag"},
      {"backlog of billing partition x at 1s > 1", 29, "a partition number"},
      {"1 ? 2", 2, "unexpected '?'"},
  };
  for (const BadCheck& c : cases) {
    CheckError error;
    EXPECT_FALSE(parseCheck(c.text, &error).has_value()) << c.text;
    EXPECT_EQ(error.offset, c.offset) << c.text << ": " << error.message;
    EXPECT_NE(error.message.find(c.says), std::string::npos) << c.text << ": " << error.message;
  }
}

TEST(CheckExpressionTest, UnknownNamesAreFoundWhenResolvedWithAHint) {
  const CheckServices services{{"billing"}, {2}};
  const struct {
    const char* text;
    std::size_t offset;
    const char* says;
  } cases[] = {
      {"services.biling.acked > 1", 0, "did you mean 'billing'"},
      {"services.billing.ackd > 1", 0, "did you mean 'acked'"},
      {"services.billing > 1", 0, "a group of figures"},
      {"1 < backlog of shipping at 2s", 4 + 11, "no service named 'shipping'"},
      {"backlog of billing partition 2 at 1s > 1", 19, "there is no partition 2"},
  };
  for (const auto& c : cases) {
    CheckError error;
    auto check = parseCheck(c.text, &error);
    ASSERT_TRUE(check.has_value()) << c.text;
    EXPECT_FALSE(resolveCheck(*check, report(), services, &error)) << c.text;
    EXPECT_EQ(error.offset, c.offset) << c.text << ": " << error.message;
    EXPECT_NE(error.message.find(c.says), std::string::npos) << c.text << ": " << error.message;
  }
}

}  // namespace
}  // namespace eventscope::core
