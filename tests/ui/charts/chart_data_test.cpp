#include "ui/charts/chart_data.h"

#include <gtest/gtest.h>

namespace eventscope::ui {
namespace {

core::TimeSeries seriesOf(std::size_t buckets) {
  core::TimeSeries series;
  series.bucketWidth = 100 * core::kMillisecond;
  series.serviceNames = {"billing", "shipping"};
  series.services.resize(2);
  series.queues = {std::vector<std::vector<core::QueueSample>>(3),
                   std::vector<std::vector<core::QueueSample>>(1)};
  for (std::size_t b = 0; b < buckets; ++b) {
    for (std::size_t s = 0; s < 2; ++s) {
      core::ServiceSample sample;
      sample.backlog = static_cast<float>(b % 50 + s);
      sample.deadLettered = 1;
      sample.latencyP99 = 0.5f;
      series.services[s].push_back(sample);
      for (auto& queue : series.queues[s])
        queue.push_back({static_cast<float>(b), 0});
    }
  }
  return series;
}

TEST(ChartDataTest, OffersOneSeriesPerServicePercentileOrPartition) {
  ChartData data;
  data.sync(seriesOf(10));
  EXPECT_EQ(data.seriesOf(ChartMetric::Backlog).size(), 2u);
  EXPECT_EQ(data.seriesOf(ChartMetric::Latency).size(), 6u);
  EXPECT_EQ(data.seriesOf(ChartMetric::PartitionBacklog).size(), 4u);
  EXPECT_EQ(data.seriesOf(ChartMetric::PartitionBacklog)[2].second, QStringLiteral("billing #2"));
}

TEST(ChartDataTest, CountersAreRunningTotalsAndPointsSitMidBucket) {
  ChartData data;
  data.sync(seriesOf(10));
  const auto points = data.points(ChartMetric::DeadLettered, {0, 0}, 0, 10, 100);
  ASSERT_EQ(points.size(), 10);
  EXPECT_DOUBLE_EQ(points.front().y(), 1);
  EXPECT_DOUBLE_EQ(points.back().y(), 10);
  EXPECT_DOUBLE_EQ(points.front().x(), 0.05);
  EXPECT_DOUBLE_EQ(data.points(ChartMetric::Latency, {1, 2}, 0, 10, 100).front().y(), 0.5);
}

TEST(ChartDataTest, GrowsWithTheRunAndNeverHandsMoreThanTwoPointsPerColumn) {
  ChartData data;
  core::TimeSeries series = seriesOf(1000);
  data.sync(series);
  EXPECT_EQ(data.bucketCount(), 1000u);
  series = seriesOf(100'000);
  data.sync(series);  // only the new buckets are added
  EXPECT_EQ(data.bucketCount(), 100'000u);
  const auto points = data.points(ChartMetric::Backlog, {0, 0}, 0, 100'000, 300);
  EXPECT_LE(points.size(), 600);
  const auto [low, high] = data.range(ChartMetric::Backlog, {0, 0}, 0, 100'000);
  EXPECT_DOUBLE_EQ(low, 0);
  EXPECT_DOUBLE_EQ(high, 49);
  // A new run (fewer buckets) starts over.
  data.sync(seriesOf(5));
  EXPECT_EQ(data.bucketCount(), 5u);
}

}  // namespace
}  // namespace eventscope::ui
