#include "core/metrics/metrics_collector.h"

#include <algorithm>

#include "core/bus/bus.h"

namespace eventscope::core {

MetricsCollector::MetricsCollector(SimTime warmup, SimTime bucketWidth) : m_warmup(warmup) {
  m_series.bucketWidth = std::max<SimTime>(1, bucketWidth);
}

void MetricsCollector::onRunStart(const Bus& bus) {
  m_bus = &bus;
  m_tracks.clear();
  m_tracks.resize(bus.services().size());
  m_series.serviceNames.clear();
  m_series.services.assign(bus.services().size(), {});
  m_series.queues.assign(bus.services().size(), {});
  for (std::uint32_t s = 0; s < bus.services().size(); ++s) {
    const std::size_t queues = bus.services()[s].queues.size();
    m_series.serviceNames.push_back(bus.services()[s].name);
    m_series.queues[s].resize(queues);
    m_tracks[s].queuesAtBucketStart.resize(queues);
    m_tracks[s].instancesMax = bus.services()[s].upInstances();
  }
  m_warmupTaken = m_warmup <= 0;
}

MetricsCollector::Areas MetricsCollector::areasAt(std::uint32_t service, SimTime t) const {
  const ServiceState& state = m_bus->services()[service];
  const auto& load = state.load;
  double held = 0, waiting = 0;
  for (const ServiceQueue& queue : state.queues) {
    const double queueHeld = queue.load.areaUntil(ServiceQueue::kHeld, t);
    held += queueHeld;
    // Waiting: held, not in process and not waiting for a retry's backoff (Lq).
    waiting += queueHeld - queue.load.areaUntil(ServiceQueue::kInProcess, t) -
               queue.load.areaUntil(ServiceQueue::kDelayed, t);
  }
  return {held, waiting, load.areaUntil(ServiceState::kBusy, t),
          load.areaUntil(ServiceState::kUp, t)};
}

// Called before anything happens at `now`: the bus still holds the counts of the interval that
// ends here, so areas at bucket ends (and at the end of warmup) can be read exactly.
SimTime MetricsCollector::onClock(SimTime now) {
  if (!m_warmupTaken && now >= m_warmup) {
    for (std::uint32_t s = 0; s < m_tracks.size(); ++s) {
      m_tracks[s].atWarmup = areasAt(s, m_warmup);
      m_tracks[s].backlogMax = m_bus->services()[s].waiting();
      m_tracks[s].instancesMax = m_bus->services()[s].upInstances();
    }
    m_warmupTaken = true;
  }
  while (now >= m_bucketStart + m_series.bucketWidth)
    closeBucket(m_bucketStart + m_series.bucketWidth);
  const SimTime nextBucket = m_bucketStart + m_series.bucketWidth;
  return m_warmupTaken ? nextBucket : std::min(nextBucket, m_warmup);
}

void MetricsCollector::closeBucket(SimTime end) {
  const auto width = static_cast<double>(end - m_bucketStart);
  if (width <= 0) return;
  const double seconds = width / kSecond;
  for (std::uint32_t s = 0; s < m_tracks.size(); ++s) {
    ServiceTrack& track = m_tracks[s];
    const ServiceState& state = m_bus->services()[s];
    const Areas now = areasAt(s, end);
    const Areas& then = track.atBucketStart;
    ServiceSample sample = track.bucketCounts;
    sample.lag = static_cast<float>((now.held - then.held) / width);
    sample.backlog = static_cast<float>((now.waiting - then.waiting) / width);
    sample.backlogMax = static_cast<float>(track.bucketBacklogMax);
    sample.throughput = static_cast<float>(sample.acked / seconds);
    const double up = now.up - then.up;
    sample.utilization = up > 0 ? static_cast<float>((now.busy - then.busy) / up) : 0.0f;
    sample.instances = state.upInstances();
    sample.latencyP50 = static_cast<float>(track.bucketLatency.quantile(0.50) / kSecond);
    sample.latencyP95 = static_cast<float>(track.bucketLatency.quantile(0.95) / kSecond);
    sample.latencyP99 = static_cast<float>(track.bucketLatency.quantile(0.99) / kSecond);
    m_series.services[s].push_back(sample);
    // Latencies of buckets wholly after warmup reach the run's histogram here, in one merge.
    if (m_bucketStart >= m_warmup) track.latency.merge(track.bucketLatency);
    for (std::uint32_t q = 0; q < state.queues.size(); ++q) {
      const ServiceQueue& queue = state.queues[q];
      QueueAreas& start = track.queuesAtBucketStart[q];
      const double held = queue.load.areaUntil(ServiceQueue::kHeld, end);
      const QueueAreas at{held, held - queue.load.areaUntil(ServiceQueue::kInProcess, end) -
                                    queue.load.areaUntil(ServiceQueue::kDelayed, end)};
      m_series.queues[s][q].push_back({static_cast<float>((at.waiting - start.waiting) / width),
                                       static_cast<float>((at.held - start.held) / width)});
      start = at;
    }
    track.atBucketStart = now;
    track.bucketBacklogMax = state.waiting();
    track.bucketLatency.clear();
    track.bucketCounts = ServiceSample{};
  }
  m_bucketStart = end;
}

// The number waiting only grows when a copy joins the queue (or waits for a retry): the peaks
// are checked there.
void MetricsCollector::notePeak(std::uint32_t service, SimTime now) {
  ServiceTrack& track = m_tracks[service];
  const std::uint64_t waiting = m_bus->services()[service].waiting();
  track.bucketBacklogMax = std::max(track.bucketBacklogMax, waiting);
  if (now >= m_warmup) track.backlogMax = std::max(track.backlogMax, waiting);
}

void MetricsCollector::onEnqueued(SimTime now, std::uint32_t service, std::uint32_t /*queue*/,
                                  const Event& /*event*/, DeliveryCause cause) {
  notePeak(service, now);
  if (cause == DeliveryCause::CrashRedelivery || cause == DeliveryCause::TimeoutRedelivery) {
    ++m_tracks[service].bucketCounts.redeliveries;
  }
}

void MetricsCollector::onRefused(SimTime /*now*/, const Event& /*event*/, Refusal /*why*/,
                                 std::int32_t service, std::uint32_t /*queue*/) {
  if (service >= 0) ++m_tracks[static_cast<std::uint32_t>(service)].bucketCounts.dropped;
}

void MetricsCollector::onAttemptEnded(SimTime now, const AttemptInfo& attempt, const Event& event,
                                      const AttemptEnd& end) {
  ServiceTrack& track = m_tracks[attempt.service];
  ServiceSample& counts = track.bucketCounts;
  if (end.failure != FailureKind::None) ++counts.failedAttempts;
  if (end.outcome == AttemptOutcome::Failed) {
    ++counts.retries;
    notePeak(attempt.service, now);  // waiting for its backoff counts as waiting
  }
  if (end.sideEffect && end.duplicate) ++counts.duplicatesProcessed;
  if (!end.firstDone) return;
  if (end.outcome == AttemptOutcome::DeadLettered) ++counts.deadLettered;
  if (end.outcome != AttemptOutcome::Acked) return;
  ++counts.acked;
  const SimTime latency = now - event.publishedAt;
  track.bucketLatency.record(latency);
  if (now < m_warmup) return;
  const SimTime wait = attempt.startedAt - event.publishedAt;
  ++track.acked;
  if (m_bucketStart < m_warmup) track.latency.record(latency);  // else merged at bucket end
  track.wait.record(wait);
  track.latencySum += static_cast<double>(latency);
  track.waitSum += static_cast<double>(wait);
  track.latencyMax = std::max(track.latencyMax, latency);
  track.waitMax = std::max(track.waitMax, wait);
}

void MetricsCollector::onInstanceChanged(SimTime now, std::uint32_t service,
                                         std::uint32_t /*instance*/, InstanceState /*state*/) {
  if (now < m_warmup) return;
  ServiceTrack& track = m_tracks[service];
  track.instancesMax =
      std::max<std::uint64_t>(track.instancesMax, m_bus->services()[service].upInstances());
}

void MetricsCollector::onRunEnd(SimTime now) {
  onClock(now);
  closeBucket(now);
  m_end = now;
  for (std::uint32_t s = 0; s < m_tracks.size(); ++s)
    m_tracks[s].atEnd = areasAt(s, now);
}

}  // namespace eventscope::core
