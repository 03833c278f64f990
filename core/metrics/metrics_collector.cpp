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
    const ServiceState& service = bus.services()[s];
    m_series.serviceNames.push_back(service.name);
    m_tracks[s].queues.resize(service.queues.size());
    m_series.queues[s].resize(service.queues.size());
    refresh(s, 0);
  }
}

// Adds the time since the last change, at the values seen then, to the areas.
void MetricsCollector::integrate(ServiceTrack& track, SimTime until) const {
  if (until <= track.last) return;
  const auto dt = static_cast<double>(until - track.last);
  const auto waiting = static_cast<double>(track.held - track.inProcess);
  const auto held = static_cast<double>(track.held);
  track.bucketWaiting += waiting * dt;
  track.bucketHeld += held * dt;
  track.bucketBusy += track.busy * dt;
  track.bucketUp += track.up * dt;
  const SimTime from = std::max(track.last, m_warmup);
  if (until > from) {
    const auto counted = static_cast<double>(until - from);
    track.waitingArea += waiting * counted;
    track.inSystemArea += held * counted;
    track.busyArea += track.busy * counted;
    track.upArea += track.up * counted;
  }
  track.last = until;
}

void MetricsCollector::refresh(std::uint32_t service, SimTime now) {
  ServiceTrack& track = m_tracks[service];
  const ServiceState& state = m_bus->services()[service];
  track.held = state.held;
  track.inProcess = state.inProcess;
  track.busy = state.busyInstances;
  track.up = state.upInstances;
  const std::uint64_t waiting = track.held - track.inProcess;
  track.bucketBacklogMax = std::max(track.bucketBacklogMax, waiting);
  if (now >= m_warmup) track.backlogMax = std::max(track.backlogMax, waiting);
}

void MetricsCollector::touch(std::uint32_t service, SimTime now) {
  advance(now);
  integrate(m_tracks[service], now);
  refresh(service, now);
}

void MetricsCollector::touch(std::uint32_t service, std::uint32_t queue, SimTime now) {
  touch(service, now);
  QueueTrack& q = m_tracks[service].queues[queue];
  if (now > q.last) {
    const auto dt = static_cast<double>(now - q.last);
    q.backlogArea += static_cast<double>(q.held - q.inProcess) * dt;
    q.lagArea += static_cast<double>(q.held) * dt;
    q.last = now;
  }
  const ServiceQueue& state = m_bus->services()[service].queues[queue];
  q.held = state.held;
  q.inProcess = state.inProcess;
}

void MetricsCollector::advance(SimTime now) {
  while (now >= m_bucketStart + m_series.bucketWidth) {
    closeBucket(m_bucketStart + m_series.bucketWidth);
  }
}

void MetricsCollector::closeBucket(SimTime end) {
  const auto width = static_cast<double>(end - m_bucketStart);
  if (width <= 0) return;
  const double seconds = width / kSecond;
  for (std::uint32_t s = 0; s < m_tracks.size(); ++s) {
    ServiceTrack& track = m_tracks[s];
    integrate(track, end);
    ServiceSample sample = track.bucketCounts;
    sample.backlog = static_cast<float>(track.bucketWaiting / width);
    sample.lag = static_cast<float>(track.bucketHeld / width);
    sample.backlogMax = static_cast<float>(track.bucketBacklogMax);
    sample.throughput = static_cast<float>(sample.acked / seconds);
    sample.utilization =
        track.bucketUp > 0 ? static_cast<float>(track.bucketBusy / track.bucketUp) : 0.0f;
    sample.instances = track.up;
    sample.latencyP50 = static_cast<float>(track.bucketLatency.quantile(0.50) / kSecond);
    sample.latencyP95 = static_cast<float>(track.bucketLatency.quantile(0.95) / kSecond);
    sample.latencyP99 = static_cast<float>(track.bucketLatency.quantile(0.99) / kSecond);
    m_series.services[s].push_back(sample);
    for (std::uint32_t q = 0; q < track.queues.size(); ++q) {
      QueueTrack& queue = track.queues[q];
      const auto dt = static_cast<double>(end - queue.last);
      queue.backlogArea += static_cast<double>(queue.held - queue.inProcess) * dt;
      queue.lagArea += static_cast<double>(queue.held) * dt;
      queue.last = end;
      m_series.queues[s][q].push_back({static_cast<float>(queue.backlogArea / width),
                                       static_cast<float>(queue.lagArea / width)});
      queue.backlogArea = queue.lagArea = 0;
    }
    track.bucketWaiting = track.bucketHeld = track.bucketBusy = track.bucketUp = 0;
    track.bucketBacklogMax = track.held - track.inProcess;
    track.bucketLatency.clear();
    track.bucketCounts = ServiceSample{};
  }
  m_bucketStart = end;
}

void MetricsCollector::onEnqueued(SimTime now, std::uint32_t service, std::uint32_t queue,
                                  const Event& /*event*/, DeliveryCause cause) {
  touch(service, queue, now);
  if (cause == DeliveryCause::CrashRedelivery || cause == DeliveryCause::TimeoutRedelivery) {
    ++m_tracks[service].bucketCounts.redeliveries;
  }
}

void MetricsCollector::onRefused(SimTime now, const Event& /*event*/, Refusal /*why*/,
                                 std::int32_t service, std::uint32_t queue) {
  if (service < 0) return;
  const auto index = static_cast<std::uint32_t>(service);
  touch(index, queue, now);
  ++m_tracks[index].bucketCounts.dropped;
}

void MetricsCollector::onAttemptStarted(SimTime now, const AttemptInfo& attempt,
                                        const Event& /*event*/) {
  touch(attempt.service, attempt.queue, now);
}

void MetricsCollector::onAttemptEnded(SimTime now, const AttemptInfo& attempt, const Event& event,
                                      const AttemptEnd& end) {
  touch(attempt.service, attempt.queue, now);
  ServiceTrack& track = m_tracks[attempt.service];
  ServiceSample& counts = track.bucketCounts;
  if (end.failure != FailureKind::None) ++counts.failedAttempts;
  if (end.outcome == AttemptOutcome::Failed) ++counts.retries;
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
  track.latency.record(latency);
  track.wait.record(wait);
  track.latencySum += static_cast<double>(latency);
  track.waitSum += static_cast<double>(wait);
  track.latencyMax = std::max(track.latencyMax, latency);
  track.waitMax = std::max(track.waitMax, wait);
}

void MetricsCollector::onInstanceChanged(SimTime now, std::uint32_t service,
                                         std::uint32_t /*instance*/, InstanceState /*state*/) {
  touch(service, now);
}

void MetricsCollector::onRunEnd(SimTime now) {
  advance(now);
  closeBucket(now);
  m_end = now;
}

}  // namespace eventscope::core
