#include "core/metrics/time_series.h"

namespace eventscope::core {

std::vector<double> TimeSeries::series(std::size_t service, ServiceMetric metric) const {
  std::vector<double> values;
  values.reserve(services[service].size());
  for (const ServiceSample& s : services[service]) {
    double v = 0;
    switch (metric) {
      case ServiceMetric::Backlog:
        v = s.backlog;
        break;
      case ServiceMetric::Lag:
        v = s.lag;
        break;
      case ServiceMetric::BacklogMax:
        v = s.backlogMax;
        break;
      case ServiceMetric::Throughput:
        v = s.throughput;
        break;
      case ServiceMetric::LatencyP50:
        v = s.latencyP50;
        break;
      case ServiceMetric::LatencyP95:
        v = s.latencyP95;
        break;
      case ServiceMetric::LatencyP99:
        v = s.latencyP99;
        break;
      case ServiceMetric::Utilization:
        v = s.utilization;
        break;
      case ServiceMetric::Instances:
        v = s.instances;
        break;
      case ServiceMetric::Acked:
        v = s.acked;
        break;
      case ServiceMetric::FailedAttempts:
        v = s.failedAttempts;
        break;
      case ServiceMetric::Retries:
        v = s.retries;
        break;
      case ServiceMetric::Redeliveries:
        v = s.redeliveries;
        break;
      case ServiceMetric::DeadLettered:
        v = s.deadLettered;
        break;
      case ServiceMetric::DuplicatesProcessed:
        v = s.duplicatesProcessed;
        break;
      case ServiceMetric::Dropped:
        v = s.dropped;
        break;
    }
    values.push_back(v);
  }
  return values;
}

SimTime chooseBucketWidth(SimTime duration, std::size_t maxBuckets) {
  SimTime width = kMicrosecond;
  const SimTime steps[] = {1, 2, 5};
  for (SimTime decade = kMicrosecond;; decade *= 10) {
    for (SimTime step : steps) {
      width = decade * step;
      if (duration / width < static_cast<SimTime>(maxBuckets)) return width;
    }
    if (decade > kMaxDuration / 10) return width;
  }
}

}  // namespace eventscope::core
