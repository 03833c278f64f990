#include "ui/charts/chart_data.h"

#include <QObject>
#include <algorithm>
#include <limits>

namespace eventscope::ui {

QString chartMetricName(ChartMetric metric) {
  switch (metric) {
    case ChartMetric::Backlog:
      return QObject::tr("Backlog (events waiting)");
    case ChartMetric::Lag:
      return QObject::tr("Lag (waiting + in process)");
    case ChartMetric::Throughput:
      return QObject::tr("Throughput (acks/s)");
    case ChartMetric::Latency:
      return QObject::tr("Latency p50 / p95 / p99");
    case ChartMetric::Utilization:
      return QObject::tr("Utilization");
    case ChartMetric::Instances:
      return QObject::tr("Instances up");
    case ChartMetric::DeadLettered:
      return QObject::tr("Dead letters (total)");
    case ChartMetric::Duplicates:
      return QObject::tr("Duplicates processed (total)");
    case ChartMetric::Dropped:
      return QObject::tr("Dropped by full topics (total)");
    case ChartMetric::Retries:
      return QObject::tr("Retries (total)");
    case ChartMetric::PartitionBacklog:
      return QObject::tr("Backlog per partition");
  }
  return {};
}

QString chartMetricUnit(ChartMetric metric) {
  switch (metric) {
    case ChartMetric::Throughput:
      return QObject::tr("acks/s");
    case ChartMetric::Latency:
      return QObject::tr("seconds");
    case ChartMetric::Utilization:
      return QObject::tr("busy share");
    case ChartMetric::Instances:
      return QObject::tr("instances");
    default:
      return QObject::tr("events");
  }
}

namespace {
bool isCounter(ChartMetric metric) {
  return metric == ChartMetric::DeadLettered || metric == ChartMetric::Duplicates ||
         metric == ChartMetric::Dropped || metric == ChartMetric::Retries;
}

double sampleValue(ChartMetric metric, const core::ServiceSample& s, int part) {
  switch (metric) {
    case ChartMetric::Backlog:
      return s.backlog;
    case ChartMetric::Lag:
      return s.lag;
    case ChartMetric::Throughput:
      return s.throughput;
    case ChartMetric::Latency:
      return part == 0 ? s.latencyP50 : part == 1 ? s.latencyP95 : s.latencyP99;
    case ChartMetric::Utilization:
      return s.utilization;
    case ChartMetric::Instances:
      return s.instances;
    case ChartMetric::DeadLettered:
      return s.deadLettered;
    case ChartMetric::Duplicates:
      return s.duplicatesProcessed;
    case ChartMetric::Dropped:
      return s.dropped;
    case ChartMetric::Retries:
      return s.retries;
    case ChartMetric::PartitionBacklog:
      return 0;
  }
  return 0;
}

constexpr ChartMetric kServiceMetrics[] = {
    ChartMetric::Backlog,     ChartMetric::Lag,       ChartMetric::Throughput,
    ChartMetric::Utilization, ChartMetric::Instances, ChartMetric::DeadLettered,
    ChartMetric::Duplicates,  ChartMetric::Dropped,   ChartMetric::Retries};
}  // namespace

void ChartData::clear() {
  m_services.clear();
  m_queues.clear();
  m_buckets = 0;
  m_series.clear();
  m_totals.clear();
}

void ChartData::sync(const core::TimeSeries& series) {
  if (series.serviceNames != m_services || series.bucketCount() < m_buckets) {
    clear();
    m_services = series.serviceNames;
    for (const auto& queues : series.queues)
      m_queues.push_back(queues.size());
  }
  m_bucketSeconds = series.bucketWidth > 0 ? core::toSeconds(series.bucketWidth) : 1;
  const std::size_t count = series.bucketCount();
  for (std::size_t s = 0; s < m_services.size(); ++s) {
    for (std::size_t b = m_buckets; b < count; ++b) {
      const core::ServiceSample& sample = series.services[s][b];
      for (ChartMetric metric : kServiceMetrics) {
        double value = sampleValue(metric, sample, 0);
        if (isCounter(metric)) value = m_totals[{metric, {s, 0}}] += value;
        at(metric, {s, 0}).append(value);
      }
      for (int p = 0; p < 3; ++p)
        at(ChartMetric::Latency, {s, p}).append(sampleValue(ChartMetric::Latency, sample, p));
      for (std::size_t q = 0; q < m_queues[s]; ++q)
        at(ChartMetric::PartitionBacklog, {s, static_cast<int>(q)})
            .append(series.queues[s][q][b].backlog);
    }
  }
  m_buckets = count;
}

std::size_t ChartData::queueCount(std::size_t service) const {
  return service < m_queues.size() ? m_queues[service] : 0;
}

std::vector<std::pair<SeriesKey, QString>> ChartData::seriesOf(ChartMetric metric) const {
  std::vector<std::pair<SeriesKey, QString>> result;
  for (std::size_t s = 0; s < m_services.size(); ++s) {
    const QString name = QString::fromStdString(m_services[s]);
    if (metric == ChartMetric::Latency) {
      result.push_back({{s, 0}, name + QStringLiteral(" p50")});
      result.push_back({{s, 1}, name + QStringLiteral(" p95")});
      result.push_back({{s, 2}, name + QStringLiteral(" p99")});
    } else if (metric == ChartMetric::PartitionBacklog) {
      for (std::size_t q = 0; q < m_queues[s]; ++q)
        result.push_back({{s, static_cast<int>(q)}, QStringLiteral("%1 #%2").arg(name).arg(q)});
    } else {
      result.push_back({{s, 0}, name});
    }
  }
  return result;
}

const ChartData::Pyramid* ChartData::find(ChartMetric metric, SeriesKey key) const {
  const auto it = m_series.find({metric, key});
  return it == m_series.end() ? nullptr : &it->second;
}

QList<QPointF> ChartData::points(ChartMetric metric, SeriesKey key, std::size_t first,
                                 std::size_t last, std::size_t columns) const {
  QList<QPointF> result;
  const Pyramid* pyramid = find(metric, key);
  if (pyramid == nullptr) return result;
  last = std::min(last, pyramid->size());
  if (first >= last) return result;
  const auto decimated = pyramid->decimate(first, last, std::max<std::size_t>(columns, 1));
  result.reserve(static_cast<qsizetype>(decimated.size()));
  // A bucket's value is drawn at the bucket's middle.
  for (const auto& point : decimated)
    result.append(QPointF((point.x + 0.5) * m_bucketSeconds, point.y));
  return result;
}

std::pair<double, double> ChartData::range(ChartMetric metric, SeriesKey key, std::size_t first,
                                           std::size_t last) const {
  double low = std::numeric_limits<double>::infinity();
  double high = -low;
  for (const QPointF& p : points(metric, key, first, last, 512)) {
    low = std::min(low, p.y());
    high = std::max(high, p.y());
  }
  return {low, high};
}

}  // namespace eventscope::ui
