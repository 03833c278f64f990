#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/metrics/time_series.h"
#include "core/model/scenario.h"
#include "core/store/recording.h"
#include "ui/controller/live_snapshot.h"

namespace eventscope::ui {

// Pictures of a recording at any simulated time, in the same LiveSnapshot form a live run
// gives, so the topology and charts show a recording exactly as they show a run (DESIGN.md §1
// rule 3). The state comes from the recording's checkpoint at or before t (Recording::stateAt),
// running counters from its metric buckets, and tokens from the events published shortly
// before t with their delivery attempts.
class RecordedFrames {
 public:
  // Tokens are drawn for the events of this much simulated time before t, at most kMaxTokens.
  static constexpr std::size_t kMaxTokens = 1500;

  RecordedFrames(std::shared_ptr<const core::store::Recording> recording, core::Scenario scenario,
                 core::TimeSeries series);

  const core::store::Recording& recording() const { return *m_recording; }
  const core::Scenario& scenario() const { return m_scenario; }
  const std::shared_ptr<const core::TimeSeries>& series() const { return m_series; }
  core::SimTime end() const { return m_end; }

  // The picture at t; false (and why) when the file turns out to be damaged.
  bool snapshotAt(core::SimTime t, core::SimTime tokenWindow, LiveSnapshot& out,
                  std::string* error) const;

  // The times of the nearest events before and after t (for stepping one event at a time).
  core::SimTime previousEventTime(core::SimTime t) const;
  core::SimTime nextEventTime(core::SimTime t) const;

 private:
  void addTokens(const core::store::EventPage& page, core::SimTime t, LiveSnapshot& out) const;
  std::optional<NodeRef> nodeOf(const std::string& origin) const;

  std::shared_ptr<const core::store::Recording> m_recording;
  core::Scenario m_scenario;
  std::shared_ptr<const core::TimeSeries> m_series;
  core::SimTime m_end = 0;
  // Per recorded service: the scenario's service index (or -1), and running totals per bucket.
  std::vector<int> m_serviceIndex;
  struct Totals {
    std::uint64_t acked = 0, retries = 0, deadLettered = 0, duplicates = 0, dropped = 0;
  };
  std::vector<std::vector<Totals>> m_totals;  // [recorded service][bucket + 1], prefix sums
};

}  // namespace eventscope::ui
