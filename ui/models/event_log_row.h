#pragma once

#include <QString>
#include <cstdint>
#include <span>

#include "core/model/sim_time.h"
#include "core/store/recording.h"

namespace eventscope::ui {

// One row of the event log: one published event, with what happened to its deliveries folded
// into three cells (the services its attempts went to, how each ended, how many attempts).
struct EventLogRow {
  std::uint64_t id = 0;
  core::SimTime t = 0;
  QString type, key, topic;
  std::uint32_t partition = 0;
  std::uint64_t correlation = 0;
  QString services;       // "billing, inventory" in the order they were first attempted
  QString outcome;        // "acked", or per service when they differ: "billing dead-lettered, ..."
  int attempts = 0;       // processing attempts, all services together (dropped copies not counted)
  bool troubled = false;  // some service did not end with an ack (drawn in a warning colour)
};

// Folds an event and its spans (all of them, by start) into a row. A service's outcome is how
// its last span ended; an event nothing was delivered to (no subscriber, or still waiting in a
// live run) has empty services and outcome.
EventLogRow eventLogRow(const core::store::RecordedEvent& event,
                        std::span<const core::store::RecordedSpan> spans);

// "12.345678": seconds with microseconds, the precision the log shows times at.
QString eventLogTime(core::SimTime t);

}  // namespace eventscope::ui
