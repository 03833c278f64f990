#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/model/sim_time.h"
#include "core/store/recording.h"

namespace eventscope::ui {

// What the event log shows: core's event filters without the paging fields. An event matches
// when every given filter does; service and outcome match when any of its attempts does.
struct EventLogFilter {
  std::optional<std::string> type, key, service;
  std::optional<std::uint64_t> correlation;
  std::optional<core::store::SpanOutcome> outcome;
  core::SimTime from = 0, to = core::kNever;  // publish time in [from, to)

  // Nothing but a time window: events are numbered in publish order, so the matches are one
  // run of consecutive ids and the log can count them without reading them.
  bool timeOnly() const { return !type && !key && !service && !correlation && !outcome; }
  // The page of matches after `afterId`.
  core::store::EventQuery query(std::uint64_t afterId, std::size_t limit) const {
    core::store::EventQuery q;
    q.type = type;
    q.key = key;
    q.service = service;
    q.correlation = correlation;
    q.outcome = outcome;
    q.from = from;
    q.to = to;
    q.afterId = afterId;
    q.limit = limit;
    return q;
  }
  bool operator==(const EventLogFilter&) const = default;
};

}  // namespace eventscope::ui
