#include "core/io/report_json.h"

#include <gtest/gtest.h>

#include "core/io/report_summary.h"

namespace eventscope::core {
namespace {

RunReport sampleReport() {
  RunReport r;
  r.scenario = "Demo";
  r.seed = 7;
  r.simTimeS = 60;
  r.totals.produced = 10;
  r.topics.push_back({.name = "orders", .produced = 10, .maxDepth = 4});
  ServiceReport s;
  s.name = "billing";
  s.acked = 9;
  s.latency = {.count = 9, .mean = 0.002, .p50 = 0.001, .p95 = 0.004, .p99 = 0.005, .max = 0.01};
  s.inFlightAtEnd = 1;
  r.services.push_back(s);
  r.producers.push_back({.name = "checkout", .published = 10, .blockedS = 1.5});
  return r;
}

TEST(ReportJsonTest, UsesTheFieldNamesOfTheDesignInOrder) {
  const auto json = reportToJson(sampleReport());
  std::vector<std::string> top;
  for (const auto& [key, value] : json.items())
    top.push_back(key);
  const std::vector<std::string> design = {"format",     "scenario",    "seed",
                                           "sim_time_s", "wall_time_s", "engine_events",
                                           "totals",     "topics",      "services"};
  ASSERT_GE(top.size(), design.size());
  EXPECT_EQ(std::vector<std::string>(top.begin(), top.begin() + 9), design);
  EXPECT_EQ(json["services"]["billing"]["latency_s"]["p95"], 0.004);
  EXPECT_EQ(json["services"]["billing"]["in_flight_at_end"], 1);
  EXPECT_EQ(json["topics"]["orders"]["max_depth"], 4);
  EXPECT_EQ(json["producers"]["checkout"]["blocked_s"], 1.5);
}

TEST(ReportJsonTest, SummaryNamesEveryServiceWithItsFigures) {
  const std::string summary = formatReportSummary(sampleReport());
  EXPECT_NE(summary.find("Demo (seed 7)"), std::string::npos) << summary;
  EXPECT_NE(summary.find("billing"), std::string::npos);
  EXPECT_NE(summary.find("1.00 ms"), std::string::npos);  // p50 in milliseconds
}

}  // namespace
}  // namespace eventscope::core
