#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace eventscope::core {

// The run report of DESIGN.md §4. Counters cover the whole run (so conservation can be checked
// on them); timings, backlogs, utilization and throughput cover [warmup, end).
struct LatencySummary {
  std::uint64_t count = 0;  // events measured; 0: no figures (reported as null)
  double mean = 0, p50 = 0, p95 = 0, p99 = 0, max = 0;  // seconds
};

struct ServiceReport {
  std::string name;
  std::uint64_t acked = 0;
  double throughputPerS = 0;
  LatencySummary latency;  // publish -> the ack that completed the event (W)
  LatencySummary wait;     // publish -> start of that attempt (Wq)
  double backlogMean = 0;  // waiting, not in process (Lq)
  std::uint64_t backlogMax = 0;
  double inSystemMean = 0;  // waiting + in process (L)
  double utilization = 0;   // busy instance-time / up instance-time
  std::uint64_t retries = 0, redeliveries = 0, deadLettered = 0, duplicatesProcessed = 0;
  std::uint64_t sideEffects = 0, outOfOrder = 0;
  // Beyond §4: what conservation and debugging need.
  std::uint64_t produced = 0, delivered = 0, failedAttempts = 0, discarded = 0, dropped = 0;
  std::uint64_t duplicatesSkipped = 0, crashRedeliveries = 0, timeoutRedeliveries = 0;
  std::uint64_t brokerDuplicates = 0, schemaRejected = 0, emitted = 0, inFlightAtEnd = 0;
  std::uint64_t timeouts = 0, unpublishedFollowUps = 0;
  double instancesMean = 0;  // instances up, time-averaged (autoscaling, crashes)
  std::uint64_t instancesMax = 0;
};

struct TopicReport {
  std::string name;
  std::uint64_t produced = 0, dropped = 0, rejected = 0, maxDepth = 0, duplicated = 0;
};

struct ProducerReport {
  std::string name;
  std::uint64_t published = 0, rejected = 0;
  double blockedS = 0;  // time held back by a full topic (backpressure)
};

struct RunTotals {
  std::uint64_t produced = 0, delivered = 0, acked = 0, failedAttempts = 0, retries = 0;
  std::uint64_t redeliveries = 0, deadLettered = 0, discarded = 0, dropped = 0, rejected = 0;
  std::uint64_t duplicatesProcessed = 0, outOfOrder = 0, inFlightAtEnd = 0;
};

struct RunReport {
  int format = 1;
  std::string scenario;
  std::uint64_t seed = 0;
  double simTimeS = 0;
  double warmupS = 0;
  double wallTimeS = 0;
  std::uint64_t engineEvents = 0;
  bool stoppedEarly = false;  // the engine hit its limit of events in flight
  RunTotals totals;
  std::vector<TopicReport> topics;
  std::vector<ServiceReport> services;
  std::vector<ProducerReport> producers;

  const ServiceReport* findService(const std::string& name) const;
  const TopicReport* findTopic(const std::string& name) const;
};

}  // namespace eventscope::core
