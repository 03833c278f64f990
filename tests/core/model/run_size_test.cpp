#include "core/model/run_size.h"

#include <gtest/gtest.h>

namespace eventscope::core {
namespace {

Scenario withProducer(double rate, SimTime duration) {
  Scenario s;
  s.duration = duration;
  ProducerSpec p;
  p.name = "firehose";
  p.ratePerSecond = rate;
  p.pos = {7, 5};
  s.producers.push_back(p);
  return s;
}

TEST(RunSizeTest, AcceptsOrdinaryRuns) {
  EXPECT_TRUE(checkRunSize(withProducer(1e6, kHour), "s.yaml").empty());  // 3.6e9 events
}

TEST(RunSizeTest, RejectsRunsThatWouldNeverSeemToEnd) {
  const Diagnostics d = checkRunSize(withProducer(1e8, 1000 * kHour), "s.yaml");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].line, 7);
  EXPECT_EQ(d[0].column, 5);
  EXPECT_NE(d[0].message.find("firehose"), std::string::npos);
  EXPECT_NE(d[0].message.find("3.6e+14"), std::string::npos) << d[0].message;
}

TEST(RunSizeTest, CountsAndWindowsLimitTheEstimate) {
  Scenario s = withProducer(1e8, 1000 * kHour);
  s.producers[0].count = 1000;
  EXPECT_TRUE(checkRunSize(s, "s.yaml").empty());
  s = withProducer(1e8, 1000 * kHour);
  s.producers[0].stop = 10 * kSecond;
  EXPECT_TRUE(checkRunSize(s, "s.yaml").empty());
}

}  // namespace
}  // namespace eventscope::core
