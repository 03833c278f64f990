#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/model/sim_time.h"

namespace eventscope::core {

// One fixed simulated-time bucket of one service: means over the bucket, counts within it.
struct ServiceSample {
  float backlog = 0;  // mean events waiting (Lq)
  float lag = 0;      // mean events held: waiting + in process (L)
  float backlogMax = 0;
  float throughput = 0;                                  // acks per second
  float latencyP50 = 0, latencyP95 = 0, latencyP99 = 0;  // seconds, acks in this bucket
  float utilization = 0;
  std::uint32_t instances = 0;  // up at the bucket's end
  std::uint32_t acked = 0, failedAttempts = 0, retries = 0, redeliveries = 0;
  std::uint32_t deadLettered = 0, duplicatesProcessed = 0, dropped = 0;
};

// One bucket of one service queue (a subscribed topic partition).
struct QueueSample {
  float backlog = 0;
  float lag = 0;
};

enum class ServiceMetric {
  Backlog,
  Lag,
  BacklogMax,
  Throughput,
  LatencyP50,
  LatencyP95,
  LatencyP99,
  Utilization,
  Instances,
  Acked,
  FailedAttempts,
  Retries,
  Redeliveries,
  DeadLettered,
  DuplicatesProcessed,
  Dropped
};

// Per-service and per-partition series in fixed simulated-time buckets, ready for charts.
// Bucket i covers [i * bucketWidth, (i + 1) * bucketWidth); the last may be shorter.
struct TimeSeries {
  SimTime bucketWidth = 0;
  std::vector<std::string> serviceNames;
  std::vector<std::vector<ServiceSample>> services;           // [service][bucket]
  std::vector<std::vector<std::vector<QueueSample>>> queues;  // [service][queue][bucket]

  std::size_t bucketCount() const { return services.empty() ? 0 : services.front().size(); }
  std::vector<double> series(std::size_t service, ServiceMetric metric) const;
  double bucketStartSeconds(std::size_t bucket) const {
    return toSeconds(static_cast<SimTime>(bucket) * bucketWidth);
  }
};

// A bucket width with 1-2-5 steps that splits `duration` into at most `maxBuckets`.
SimTime chooseBucketWidth(SimTime duration, std::size_t maxBuckets = 1000);

}  // namespace eventscope::core
