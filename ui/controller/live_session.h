#pragma once

#include <QString>
#include <chrono>
#include <deque>
#include <memory>

#include "core/metrics/metrics_collector.h"
#include "core/sim/engine.h"
#include "core/sim/observer_fanout.h"
#include "core/store/recorder.h"
#include "ui/controller/dead_letter_observer.h"
#include "ui/controller/live_snapshot.h"
#include "ui/controller/token_sampler.h"

namespace eventscope::ui {

using WallClock = std::chrono::steady_clock;

// One live run: the model, the engine and its observers (metrics, tokens, an optional
// recorder), and the pacing that maps wall-clock time to simulated time. Lives on the
// controller's worker thread.
struct LiveSession {
  LiveSession(const core::Scenario& model, std::unique_ptr<core::store::Recorder> recorder,
              QString recordPath);

  // Paces the run at `speed` simulated seconds per wall second from now on.
  void anchor(WallClock::time_point wall);
  // Advances the engine for at most `budget` of wall time: towards the paced target, or as far
  // as it gets when speed is kMaxSpeed (0). Returns false once the run has ended.
  // Never past holdAt: something is due there (a person's fault, done again after a rewind).
  bool advance(double speed, WallClock::duration budget);
  // complete: false while running, when a large list of dead letters may wait for a later
  // snapshot instead of being copied 60 times a second.
  std::shared_ptr<const LiveSnapshot> snapshot(std::uint64_t serial, bool complete = true);

  core::Scenario scenario;
  core::MetricsCollector metrics;
  TokenSampler tokens;
  DeadLetterObserver deadLetters;
  std::unique_ptr<core::store::Recorder> recorder;
  QString recordPath;
  core::ObserverFanout fanout;
  std::unique_ptr<core::Engine> engine;
  WallClock::time_point started = WallClock::now();
  core::SimTime holdAt = core::kNever;

 private:
  struct RateSample {
    WallClock::time_point wall;
    std::uint64_t engineEvents;
    core::SimTime now;
  };
  void copySeriesIfGrown();
  double recentThroughput(std::size_t service) const;

  // An idle model lets the chunk grow fast; a cap keeps the doubling far from overflow.
  static constexpr core::SimTime kMaxChunk = core::kHour;

  WallClock::time_point m_anchorWall = WallClock::now();
  core::SimTime m_anchorSim = 0;
  core::SimTime m_chunk = core::kMillisecond;  // simulated time per engine call at full speed
  std::deque<RateSample> m_rates;
  std::shared_ptr<const core::TimeSeries> m_series;
  std::size_t m_seriesBuckets = static_cast<std::size_t>(-1);
  WallClock::time_point m_deadLettersCopied{};
  std::shared_ptr<const DeadLetterList> m_deadLetterList;
  std::uint64_t m_deadLetterTotal = 0;
};

}  // namespace eventscope::ui
