#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/model/scenario.h"
#include "core/model/sim_time.h"
#include "core/store/recording.h"

namespace eventscope::ui {

// What the trace view knows of a service's model: its retry policy (to split a retry's gap into
// backoff and queueing) and its dead-letter topic. Absent for imported recordings.
struct TraceServicePolicy {
  core::RetrySpec retry;
  std::optional<std::string> deadLetter;
};
using TracePolicies = std::map<std::string, TraceServicePolicy>;

// The policies of every service of a scenario, by service name.
TracePolicies tracePoliciesOf(const core::Scenario& scenario);

enum class TraceRowKind { Event, Attempt };

// Backoff: a failed attempt's retry delay; Waiting: queued (publish or backoff end -> start);
// Processing: start -> end; Drop: the instant a copy was dropped (start == end).
enum class TraceIntervalKind { Backoff, Waiting, Processing, Drop };

struct TraceInterval {
  core::SimTime start = 0, end = 0;
  TraceIntervalKind kind = TraceIntervalKind::Processing;
};

struct TraceRow {
  TraceRowKind kind = TraceRowKind::Event;
  int depth = 0;
  std::string label;
  std::size_t event = 0;             // index into Trace::events
  int span = -1;                     // index into Trace::spans (attempt rows only)
  core::SimTime start = 0, end = 0;  // extent of the row's intervals (an event row: its publish)
  std::vector<TraceInterval> intervals;
  core::SimTime backoff = 0, wait = 0, processing = 0;  // attempt rows
  core::store::SpanOutcome outcome = core::store::SpanOutcome::Acked;
  bool retry = false;       // an attempt after a failed one
  bool duplicate = false;   // a second ack by the same service, or duplicate reason bits
  bool dropped = false;     // a copy dropped by a full partition
  bool deadLetter = false;  // attempt: dead-lettered; event: published on a dead-letter topic
};

struct TraceTotals {
  std::size_t events = 0, attempts = 0, retries = 0, deadLetters = 0, duplicates = 0, drops = 0;
  core::SimTime begin = 0, end = 0;  // first publish .. last span end
};

// The rows of a trace's waterfall, in causation order (depth first: an event, one row per
// delivery attempt of it grouped by service, then the events it caused). Pure maths, no Qt.
class TraceLayout {
 public:
  TraceLayout() = default;
  explicit TraceLayout(const core::store::Trace& trace, const TracePolicies& policies = {});

  const std::vector<TraceRow>& rows() const { return m_rows; }
  const TraceTotals& totals() const { return m_totals; }
  bool empty() const { return m_rows.empty(); }
  // The producers, topics and services the trace went through, as the scenario names them.
  const std::vector<std::string>& path() const { return m_path; }
  // The row of an attempt (span index) or of an event (event index); -1 when absent.
  int rowOfSpan(int span) const;
  int rowOfEvent(std::size_t event) const;

 private:
  void addEvent(const core::store::Trace& trace, std::size_t event, int depth);
  void addAttempts(const core::store::Trace& trace, std::size_t event, int depth);

  const TracePolicies* m_policies = nullptr;
  std::vector<std::vector<std::size_t>> m_children;  // by event index
  std::vector<std::vector<int>> m_spansOf;           // by event index, by start
  std::vector<std::ptrdiff_t> m_parent;              // by event index; -1: a root
  std::vector<TraceRow> m_rows;
  TraceTotals m_totals;
  std::vector<std::string> m_path;
};

// "producer checkout" -> "checkout"; "service billing" -> "billing"; "broker (for billing)" ->
// "billing"; anything else -> "".
std::string originNode(const std::string& origin);

}  // namespace eventscope::ui
