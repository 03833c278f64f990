#pragma once

#include <QList>
#include <QPointF>
#include <QString>
#include <map>
#include <vector>

#include "core/metrics/min_max_pyramid.h"
#include "core/metrics/time_series.h"

namespace eventscope::ui {

// What a chart plots. Counters are shown as running totals.
enum class ChartMetric {
  Backlog,
  Lag,
  Throughput,
  Latency,  // p50, p95 and p99 per service
  Utilization,
  Instances,
  DeadLettered,
  Duplicates,
  Dropped,
  Retries,
  PartitionBacklog,  // one series per service and partition
};
inline constexpr int kChartMetricCount = 11;
QString chartMetricName(ChartMetric metric);
QString chartMetricUnit(ChartMetric metric);

// One line a chart can draw: a service's metric, a latency percentile, or a partition's backlog.
struct SeriesKey {
  std::size_t service = 0;
  int part = 0;  // latency: 0 p50, 1 p95, 2 p99; partition backlog: the queue; else 0
  bool operator<(const SeriesKey& other) const {
    return service != other.service ? service < other.service : part < other.part;
  }
};

// The chart data of a run, pre-aggregated for drawing: every series in a min/max pyramid that
// grows as buckets close, so any window decimates to ~2 points per pixel column in time
// proportional to the columns, not to the samples (DESIGN.md §1 rule 6).
class ChartData {
 public:
  // Takes the buckets closed since the last call (everything again after a reset).
  void sync(const core::TimeSeries& series);
  void clear();

  std::size_t bucketCount() const { return m_buckets; }
  double bucketSeconds() const { return m_bucketSeconds; }
  const std::vector<std::string>& serviceNames() const { return m_services; }
  std::size_t queueCount(std::size_t service) const;
  // The series a metric offers, in display order, with their labels.
  std::vector<std::pair<SeriesKey, QString>> seriesOf(ChartMetric metric) const;

  // Points (x in seconds) of one series over buckets [first, last), at most 2 per column.
  QList<QPointF> points(ChartMetric metric, SeriesKey key, std::size_t first, std::size_t last,
                        std::size_t columns) const;
  // The smallest and largest value of the series over the window (for the axis).
  std::pair<double, double> range(ChartMetric metric, SeriesKey key, std::size_t first,
                                  std::size_t last) const;

 private:
  using Pyramid = core::MinMaxPyramid;
  const Pyramid* find(ChartMetric metric, SeriesKey key) const;
  Pyramid& at(ChartMetric metric, SeriesKey key) { return m_series[{metric, key}]; }

  std::vector<std::string> m_services;
  std::vector<std::size_t> m_queues;
  std::size_t m_buckets = 0;
  double m_bucketSeconds = 1;
  std::map<std::pair<ChartMetric, SeriesKey>, Pyramid> m_series;
  std::map<std::pair<ChartMetric, SeriesKey>, double> m_totals;  // running sums of counters
};

}  // namespace eventscope::ui
