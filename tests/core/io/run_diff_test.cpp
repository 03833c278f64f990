#include "core/io/run_diff.h"

#include <gtest/gtest.h>

namespace eventscope::core {
namespace {

RunReport report(std::uint64_t acked, double p95, std::uint64_t deadLettered) {
  RunReport r;
  r.totals.acked = acked;
  r.totals.deadLettered = deadLettered;
  ServiceReport billing{.name = "billing", .acked = acked, .throughputPerS = acked / 10.0};
  billing.latency = {.count = acked, .p50 = p95 / 2, .p95 = p95, .p99 = p95 * 2};
  billing.deadLettered = deadLettered;
  billing.backlogMean = 4.5;
  r.services.push_back(billing);
  r.services.push_back(ServiceReport{.name = "idle"});  // nothing measured: no latency
  return r;
}

const DiffFigure& figure(const std::vector<DiffFigure>& figures, const std::string& name) {
  for (const DiffFigure& f : figures)
    if (f.name == name) return f;
  throw std::runtime_error("no figure " + name);
}

TEST(RunDiffTest, ComparesEveryServiceFigureByFigure) {
  RunReport b = report(120, 0.05, 0);
  b.services.push_back(ServiceReport{.name = "audit", .acked = 7});
  const RunDiff diff = diffReports(report(100, 0.2, 3), b);
  EXPECT_EQ(figure(diff.totals, "acked").a, 100.0);
  EXPECT_EQ(figure(diff.totals, "acked").b, 120.0);
  ASSERT_EQ(diff.services.size(), 3u);  // A's services, then B's new one
  EXPECT_EQ(diff.services[0].service, "billing");
  EXPECT_EQ(diff.services[2].service, "audit");
  const auto& billing = diff.services[0].figures;
  EXPECT_EQ(figure(billing, "latency_p95_s").a, 0.2);
  EXPECT_EQ(figure(billing, "latency_p95_s").b, 0.05);
  EXPECT_EQ(figure(billing, "dead_lettered").b, 0.0);
  EXPECT_EQ(figure(billing, "throughput_per_s").b, 12.0);
  for (const char* name : {"latency_p50_s", "latency_p99_s", "backlog_mean", "backlog_max",
                           "duplicates_processed", "retries", "utilization", "dropped"}) {
    EXPECT_NO_THROW(figure(billing, name)) << name;
  }
  // No latency measured is no figure, not a zero.
  EXPECT_FALSE(figure(diff.services[1].figures, "latency_p95_s").a.has_value());
  EXPECT_EQ(figure(diff.services[1].figures, "acked").a, 0.0);
  // A service only B has.
  EXPECT_FALSE(figure(diff.services[2].figures, "acked").a.has_value());
  EXPECT_EQ(figure(diff.services[2].figures, "acked").b, 7.0);
}

TEST(RunDiffTest, PrintsSideBySideWithTheChange) {
  RunReport b = report(120, 0.05, 0);
  b.services.push_back(ServiceReport{.name = "audit", .acked = 7});
  const std::string text = formatDiff(diffReports(report(100, 0.2, 3), b), "a.evrec", "b.evrec");
  EXPECT_EQ(text.substr(0, 23), "A: a.evrec\nB: b.evrec\n\n");
  EXPECT_NE(text.find("  acked                               100              120     +20.0%\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("  latency_p95_s                       0.2             0.05     -75.0%\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("  backlog_mean                        4.5              4.5          =\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("  dead_lettered                         3                0    -100.0%\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("service audit (only in B)\n  acked                                 -"
                      "                7           \n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("  latency_p95_s                         -                -           \n"),
            std::string::npos)
      << text;
}

TEST(RunDiffTest, JsonHasBothValuesTheDeltaAndTheRelativeChange) {
  const auto json =
      diffToJson(diffReports(report(100, 0.2, 0), report(150, 0.1, 2)), "a.evrec", "b.evrec");
  EXPECT_EQ(json["a"], "a.evrec");
  const auto& acked = json["services"]["billing"]["acked"];
  EXPECT_TRUE(acked["a"].is_number_integer());
  EXPECT_EQ(acked["a"], 100);
  EXPECT_EQ(acked["b"], 150);
  EXPECT_EQ(acked["delta"], 50);
  EXPECT_DOUBLE_EQ(acked["relative"].get<double>(), 0.5);
  const auto& p95 = json["services"]["billing"]["latency_p95_s"];
  EXPECT_DOUBLE_EQ(p95["delta"].get<double>(), -0.1);
  const auto& dlq = json["totals"]["dead_lettered"];
  EXPECT_EQ(dlq["delta"], 2);
  EXPECT_TRUE(dlq["relative"].is_null());  // from zero: no relative change
  EXPECT_TRUE(json["services"]["idle"]["latency_p95_s"]["a"].is_null());
}

}  // namespace
}  // namespace eventscope::core
