// MetricsCollector::report: turns the collected areas, histograms and the bus's counters into
// the run report of DESIGN.md §4.
#include <algorithm>

#include "core/bus/bus.h"
#include "core/metrics/metrics_collector.h"

namespace eventscope::core {

namespace {
LatencySummary summarize(const Histogram& histogram, double sum, SimTime max, std::uint64_t count) {
  if (count == 0) return {};
  constexpr double s = kSecond;
  return {count,
          sum / static_cast<double>(count) / s,
          histogram.quantile(0.50) / s,
          histogram.quantile(0.95) / s,
          histogram.quantile(0.99) / s,
          static_cast<double>(max) / s};
}
}  // namespace

RunReport MetricsCollector::report(double wallSeconds, std::uint64_t engineEvents,
                                   bool stoppedEarly) const {
  RunReport report;
  if (m_bus == nullptr) return report;
  const Bus& bus = *m_bus;
  report.scenario = bus.scenario().name;
  report.seed = bus.scenario().seed;
  report.simTimeS = toSeconds(m_end);
  report.warmupS = toSeconds(std::min(m_warmup, m_end));
  report.wallTimeS = wallSeconds;
  report.engineEvents = engineEvents;
  report.stoppedEarly = stoppedEarly;
  const double window = toSeconds(std::max<SimTime>(0, m_end - m_warmup));
  const double windowNs = window * kSecond;

  RunTotals& totals = report.totals;
  for (std::uint32_t t = 0; t < bus.topics().size(); ++t) {
    const TopicState& topic = bus.topics()[t];
    TopicReport row{.name = topic.name,
                    .produced = topic.produced,
                    .dropped = topic.dropped,
                    .rejected = topic.rejected,
                    .duplicated = topic.duplicated};
    for (const auto& part : topic.parts)
      row.maxDepth = std::max(row.maxDepth, part.maxDepth);
    totals.produced += topic.produced;
    totals.dropped += topic.dropped;
    totals.rejected += topic.rejected;
    report.topics.push_back(std::move(row));
  }
  for (std::uint32_t s = 0; s < bus.services().size(); ++s) {
    const ServiceState& service = bus.services()[s];
    const ServiceCounters& c = service.counters;
    const ServiceTrack& track = m_tracks[s];
    ServiceReport row;
    row.name = service.name;
    row.acked = c.acked;
    row.throughputPerS = window > 0 ? static_cast<double>(track.acked) / window : 0;
    row.latency = summarize(track.latency, track.latencySum, track.latencyMax, track.acked);
    row.wait = summarize(track.wait, track.waitSum, track.waitMax, track.acked);
    const Areas& a = track.atEnd;
    const Areas& w = track.atWarmup;
    const bool measured = windowNs > 0 && m_warmupTaken;
    row.backlogMean = measured ? (a.waiting - w.waiting) / windowNs : 0;
    row.backlogMax = track.backlogMax;
    row.inSystemMean = measured ? (a.held - w.held) / windowNs : 0;
    row.utilization = measured && a.up > w.up ? (a.busy - w.busy) / (a.up - w.up) : 0;
    row.instancesMean = measured ? (a.up - w.up) / windowNs : 0;
    row.instancesMax = track.instancesMax;
    row.timeouts = c.timeouts;
    row.unpublishedFollowUps = c.unpublishedFollowUps;
    row.retries = c.retries;
    row.redeliveries = c.redeliveries;
    row.deadLettered = c.deadLettered;
    row.duplicatesProcessed = c.duplicatesProcessed;
    row.sideEffects = c.sideEffects;
    row.outOfOrder = c.outOfOrder;
    row.produced = c.produced;
    row.delivered = c.delivered;
    row.failedAttempts = c.failedAttempts;
    row.discarded = c.discarded;
    row.dropped = c.dropped;
    row.duplicatesSkipped = c.duplicatesSkipped;
    row.crashRedeliveries = c.crashRedeliveries;
    row.timeoutRedeliveries = c.timeoutRedeliveries;
    row.brokerDuplicates = c.brokerDuplicates;
    row.schemaRejected = c.schemaRejected;
    row.emitted = c.emitted;
    row.inFlightAtEnd = c.produced - c.acked - c.deadLettered - c.discarded - c.dropped;

    totals.delivered += c.delivered;
    totals.acked += c.acked;
    totals.failedAttempts += c.failedAttempts;
    totals.retries += c.retries;
    totals.redeliveries += c.redeliveries;
    totals.deadLettered += c.deadLettered;
    totals.discarded += c.discarded;
    totals.duplicatesProcessed += c.duplicatesProcessed;
    totals.outOfOrder += c.outOfOrder;
    totals.inFlightAtEnd += row.inFlightAtEnd;
    report.services.push_back(std::move(row));
  }
  for (const ProducerState& producer : bus.producers()) {
    SimTime blocked = producer.blockedTotal;
    if (producer.blocked) blocked += m_end - producer.blockedSince;
    report.producers.push_back(
        {producer.name, producer.published, producer.rejected, toSeconds(blocked)});
  }
  return report;
}

}  // namespace eventscope::core
