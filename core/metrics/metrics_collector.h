#pragma once

#include <vector>

#include "core/metrics/histogram.h"
#include "core/metrics/run_report.h"
#include "core/metrics/time_series.h"
#include "core/sim/engine_observer.h"

namespace eventscope::core {

// Observes a run and keeps what the report and the charts need: time-averages (integrated
// exactly between state changes), latency histograms and per-bucket series. It reads the
// counts it integrates from the bus after each notification, so it never re-derives bus state.
class MetricsCollector final : public EngineObserver {
 public:
  MetricsCollector(SimTime warmup, SimTime bucketWidth);

  void onRunStart(const Bus& bus) override;
  void onEnqueued(SimTime now, std::uint32_t service, std::uint32_t queue, const Event& event,
                  DeliveryCause cause) override;
  void onRefused(SimTime now, const Event& event, Refusal why, std::int32_t service,
                 std::uint32_t queue) override;
  void onAttemptStarted(SimTime now, const AttemptInfo& attempt, const Event& event) override;
  void onAttemptEnded(SimTime now, const AttemptInfo& attempt, const Event& event,
                      const AttemptEnd& end) override;
  void onInstanceChanged(SimTime now, std::uint32_t service, std::uint32_t instance,
                         InstanceState state) override;
  void onRunEnd(SimTime now) override;

  // The report after the run: wall time and engine events come from whoever ran it.
  RunReport report(double wallSeconds, std::uint64_t engineEvents, bool stoppedEarly) const;
  const TimeSeries& series() const { return m_series; }

 private:
  struct QueueTrack {
    SimTime last = 0;
    std::uint64_t held = 0;
    std::uint32_t inProcess = 0;
    double backlogArea = 0, lagArea = 0;  // this bucket
  };
  struct ServiceTrack {
    SimTime last = 0;
    std::uint64_t held = 0;
    std::uint32_t inProcess = 0, busy = 0, up = 0;
    // [warmup, end)
    double waitingArea = 0, inSystemArea = 0, busyArea = 0, upArea = 0;
    std::uint64_t backlogMax = 0, acked = 0;
    double latencySum = 0, waitSum = 0;
    SimTime latencyMax = 0, waitMax = 0;
    Histogram latency, wait;
    // this bucket
    double bucketWaiting = 0, bucketHeld = 0, bucketBusy = 0, bucketUp = 0;
    std::uint64_t bucketBacklogMax = 0;
    Histogram bucketLatency;
    ServiceSample bucketCounts;
    std::vector<QueueTrack> queues;
  };

  void advance(SimTime now);
  void closeBucket(SimTime end);
  void integrate(ServiceTrack& track, SimTime until) const;
  void refresh(std::uint32_t service, SimTime now);
  void touch(std::uint32_t service, std::uint32_t queue, SimTime now);
  void touch(std::uint32_t service, SimTime now);

  const Bus* m_bus = nullptr;
  SimTime m_warmup;
  SimTime m_bucketStart = 0;
  SimTime m_end = 0;
  std::vector<ServiceTrack> m_tracks;
  TimeSeries m_series;
};

}  // namespace eventscope::core
