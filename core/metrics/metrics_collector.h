#pragma once

#include <vector>

#include "core/metrics/histogram.h"
#include "core/metrics/run_report.h"
#include "core/metrics/time_series.h"
#include "core/sim/engine_observer.h"

namespace eventscope::core {

// Observes a run and keeps what the report and the charts need. Time-averages come from the
// bus's own time-weighted counts, read at bucket ends (onClock, before the state moves on);
// latencies go into histograms as events are acked; counts per bucket come from the
// notifications. Nothing here re-derives bus state.
class MetricsCollector final : public EngineObserver {
 public:
  MetricsCollector(SimTime warmup, SimTime bucketWidth);

  void onRunStart(const Bus& bus) override;
  SimTime onClock(SimTime now) override;
  void onEnqueued(SimTime now, std::uint32_t service, std::uint32_t queue, const Event& event,
                  DeliveryCause cause) override;
  void onRefused(SimTime now, const Event& event, Refusal why, std::int32_t service,
                 std::uint32_t queue) override;
  void onAttemptEnded(SimTime now, const AttemptInfo& attempt, const Event& event,
                      const AttemptEnd& end) override;
  void onInstanceChanged(SimTime now, std::uint32_t service, std::uint32_t instance,
                         InstanceState state) override;
  void onRunEnd(SimTime now) override;

  // The report after the run: wall time and engine events come from whoever ran it.
  RunReport report(double wallSeconds, std::uint64_t engineEvents, bool stoppedEarly) const;
  const TimeSeries& series() const { return m_series; }

 private:
  // Integrals (count x ns) of a service's counts from time 0.
  struct Areas {
    double held = 0, waiting = 0, busy = 0, up = 0;
  };
  struct QueueAreas {
    double held = 0, waiting = 0;
  };
  struct ServiceTrack {
    Areas atBucketStart, atWarmup, atEnd;
    std::vector<QueueAreas> queuesAtBucketStart;
    std::uint64_t backlogMax = 0;    // after warmup
    std::uint64_t instancesMax = 0;  // after warmup
    std::uint64_t bucketBacklogMax = 0;
    std::uint64_t acked = 0;  // after warmup
    double latencySum = 0, waitSum = 0;
    SimTime latencyMax = 0, waitMax = 0;
    Histogram latency, wait;
    Histogram bucketLatency;
    ServiceSample bucketCounts;
  };

  Areas areasAt(std::uint32_t service, SimTime t) const;
  void closeBucket(SimTime end);
  void notePeak(std::uint32_t service, SimTime now);

  const Bus* m_bus = nullptr;
  SimTime m_warmup;
  SimTime m_bucketStart = 0;
  SimTime m_end = 0;
  bool m_warmupTaken = false;
  std::vector<ServiceTrack> m_tracks;
  TimeSeries m_series;
};

}  // namespace eventscope::core
