#include "ui/trace/trace_layout.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "core/store/recording_batch.h"

namespace eventscope::ui {

using core::SimTime;
using core::store::RecordedSpan;
using core::store::SpanOutcome;

namespace {

constexpr std::int32_t kDuplicateBits =
    core::store::kDuplicateProcessed | core::store::kDuplicateSkipped | core::store::kDuplicateCopy;

// The engine's retry delay after the n-th failure (core/bus/bus_attempts.cpp failAttempt).
SimTime backoffAfter(const core::RetrySpec& retry, int failures) {
  const double delay =
      std::min(static_cast<double>(retry.backoff) *
                   std::pow(retry.multiplier, static_cast<double>(std::max(0, failures - 1))),
               static_cast<double>(std::min(retry.maxBackoff, core::kMaxDuration)));
  return static_cast<SimTime>(std::max(0.0, delay));
}

void addUnique(std::vector<std::string>& names, const std::string& name) {
  if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end())
    names.push_back(name);
}

}  // namespace

TracePolicies tracePoliciesOf(const core::Scenario& scenario) {
  TracePolicies out;
  for (const core::ServiceSpec& s : scenario.services)
    out[s.name] = {.retry = s.retry, .deadLetter = s.deadLetter};
  return out;
}

std::string originNode(const std::string& origin) {
  for (const char* prefix : {"producer ", "service ", "source "}) {
    const std::string p(prefix);
    if (origin.rfind(p, 0) == 0) return origin.substr(p.size());
  }
  const std::string broker("broker (for ");
  if (origin.rfind(broker, 0) == 0 && origin.size() > broker.size() && origin.back() == ')')
    return origin.substr(broker.size(), origin.size() - broker.size() - 1);
  return {};
}

TraceLayout::TraceLayout(const core::store::Trace& trace, const TracePolicies& policies)
    : m_policies(&policies) {
  const std::size_t n = trace.events.size();
  m_children.assign(n, {});
  m_spansOf.assign(n, {});
  m_parent.assign(n, -1);
  std::unordered_map<std::uint64_t, std::size_t> indexOf;
  indexOf.reserve(n);
  for (std::size_t i = 0; i < n; ++i)
    indexOf.emplace(trace.events[i].id, i);
  std::vector<bool> isChild(n, false);
  for (std::size_t i = 0; i < n; ++i) {
    auto parent = indexOf.find(trace.events[i].causation);
    if (trace.events[i].causation != 0 && parent != indexOf.end() && parent->second != i) {
      m_children[parent->second].push_back(i);
      m_parent[i] = static_cast<std::ptrdiff_t>(parent->second);
      isChild[i] = true;
    }
  }
  for (std::size_t s = 0; s < trace.spans.size(); ++s) {
    auto owner = indexOf.find(trace.spans[s].event);
    if (owner != indexOf.end()) m_spansOf[owner->second].push_back(static_cast<int>(s));
  }
  m_rows.reserve(n + trace.spans.size());

  // Depth first without recursion (a long emit chain must not overflow the stack); events a
  // causation cycle hides from every root are laid out as roots afterwards.
  std::vector<bool> visited(n, false);
  auto walkFrom = [&](std::size_t root) {
    std::vector<std::pair<std::size_t, int>> stack{{root, 0}};
    while (!stack.empty()) {
      const auto [event, depth] = stack.back();
      stack.pop_back();
      if (visited[event]) continue;
      visited[event] = true;
      addEvent(trace, event, depth);
      addAttempts(trace, event, depth + 1);
      const auto& children = m_children[event];
      for (auto it = children.rbegin(); it != children.rend(); ++it)
        stack.emplace_back(*it, depth + 1);
    }
  };
  for (std::size_t i = 0; i < n; ++i)
    if (!isChild[i]) walkFrom(i);
  for (std::size_t i = 0; i < n; ++i)
    if (!visited[i]) walkFrom(i);

  m_totals.events = n;
  if (!m_rows.empty()) {
    m_totals.begin = m_rows.front().start;
    m_totals.end = m_rows.front().end;
    for (const TraceRow& row : m_rows) {
      m_totals.begin = std::min(m_totals.begin, row.start);
      m_totals.end = std::max(m_totals.end, row.end);
    }
  }
  for (const auto& e : trace.events) {
    addUnique(m_path, originNode(e.origin));
    addUnique(m_path, e.topic);
  }
  for (const auto& s : trace.spans)
    addUnique(m_path, s.service);
  m_policies = nullptr;  // only needed while building
}

void TraceLayout::addEvent(const core::store::Trace& trace, std::size_t event, int depth) {
  const auto& e = trace.events[event];
  TraceRow row;
  row.kind = TraceRowKind::Event;
  row.depth = depth;
  row.event = event;
  row.start = row.end = e.t;
  // On a dead-letter topic: the engine republishes the failed event there, caused by it.
  const bool byService = e.origin.rfind("service ", 0) == 0 || e.origin.rfind("broker ", 0) == 0;
  if (e.causation != 0 && byService) {
    const std::string publisher = originNode(e.origin);
    auto policy = m_policies->find(publisher);
    if (policy != m_policies->end() && policy->second.deadLetter) {
      row.deadLetter = *policy->second.deadLetter == e.topic;
    } else if (policy == m_policies->end() && m_parent[event] >= 0) {
      // No model: a republished copy of a parent that this service dead-lettered.
      const auto parent = static_cast<std::size_t>(m_parent[event]);
      if (trace.events[parent].type == e.type) {
        for (int s : m_spansOf[parent]) {
          const RecordedSpan& span = trace.spans[static_cast<std::size_t>(s)];
          if (span.outcome == SpanOutcome::DeadLettered && span.service == publisher)
            row.deadLetter = true;
        }
      }
    }
  }
  for (int s : m_spansOf[event])
    row.end = std::max(row.end, trace.spans[static_cast<std::size_t>(s)].end);
  std::string label = "#" + std::to_string(e.id);
  label += ' ';
  label += e.type;
  label += " \u2192 ";
  label += e.topic;
  if (row.deadLetter) label += " (dead letter)";
  row.label = std::move(label);
  m_rows.push_back(std::move(row));
}

void TraceLayout::addAttempts(const core::store::Trace& trace, std::size_t event, int depth) {
  const auto& e = trace.events[event];
  // Grouped by service (in order of their first attempt), each group by start: a retry
  // sequence reads top to bottom.
  std::vector<int> spans = m_spansOf[event];
  std::vector<std::string> order;
  for (int s : spans)
    addUnique(order, trace.spans[static_cast<std::size_t>(s)].service);
  std::stable_sort(spans.begin(), spans.end(), [&](int a, int b) {
    const auto& sa = trace.spans[static_cast<std::size_t>(a)];
    const auto& sb = trace.spans[static_cast<std::size_t>(b)];
    const auto ga = std::find(order.begin(), order.end(), sa.service) - order.begin();
    const auto gb = std::find(order.begin(), order.end(), sb.service) - order.begin();
    return ga != gb ? ga < gb : sa.start < sb.start;
  });

  // The previous attempt of the same delivery chain (service, original or broker copy).
  std::map<std::pair<std::string, bool>, const RecordedSpan*> previous;
  std::map<std::pair<std::string, bool>, int> failures;
  std::map<std::string, int> acks;
  for (int index : spans) {
    const RecordedSpan& s = trace.spans[static_cast<std::size_t>(index)];
    TraceRow row;
    row.kind = TraceRowKind::Attempt;
    row.depth = depth;
    row.event = event;
    row.span = index;
    row.outcome = s.outcome;
    row.start = s.start;
    row.end = s.end;
    if (s.outcome == SpanOutcome::Dropped || s.instance < 0) {
      row.dropped = true;
      row.intervals.push_back({s.start, s.start, TraceIntervalKind::Drop});
      row.label = s.service + " \u00b7 dropped";
      ++m_totals.drops;
      m_rows.push_back(std::move(row));
      continue;
    }
    ++m_totals.attempts;
    const auto chain = std::make_pair(s.service, (s.reason & core::store::kDuplicateCopy) != 0);
    const bool zombie = s.outcome == SpanOutcome::ZombieDone;
    SimTime ready = e.t;
    if (zombie) {
      ready = s.start;  // the same work, carried on after its timeout: nothing waited
    } else if (auto prev = previous.find(chain); prev != previous.end()) {
      const RecordedSpan& p = *prev->second;
      ready = std::min(p.end, s.start);
      if (p.outcome == SpanOutcome::Failed) {
        row.retry = true;
        ++m_totals.retries;
        auto policy = m_policies->find(s.service);
        if (policy != m_policies->end()) {
          const SimTime backoff = backoffAfter(policy->second.retry, failures[chain]);
          const SimTime until = std::min(s.start, p.end + backoff);
          row.intervals.push_back({ready, until, TraceIntervalKind::Backoff});
          row.backoff = until - ready;
          ready = until;
        }
      }
    }
    if (!zombie) {
      ready = std::min(ready, s.start);
      row.intervals.push_back({ready, s.start, TraceIntervalKind::Waiting});
      row.wait = s.start - ready;
      row.start = row.intervals.front().start;
      previous[chain] = &s;
      if (s.outcome == SpanOutcome::Failed) ++failures[chain];
    }
    row.intervals.push_back({s.start, s.end, TraceIntervalKind::Processing});
    row.processing = s.end - s.start;
    if (s.outcome == SpanOutcome::Acked && ++acks[s.service] > 1) row.duplicate = true;
    if ((s.reason & kDuplicateBits) != 0) row.duplicate = true;
    if (row.duplicate) ++m_totals.duplicates;
    row.deadLetter = s.outcome == SpanOutcome::DeadLettered;
    if (row.deadLetter) ++m_totals.deadLetters;
    row.label = s.service + "[" + std::to_string(s.instance) + "] \u00b7 attempt " +
                std::to_string(s.attempt);
    m_rows.push_back(std::move(row));
  }
}

int TraceLayout::rowOfSpan(int span) const {
  for (std::size_t r = 0; r < m_rows.size(); ++r)
    if (m_rows[r].kind == TraceRowKind::Attempt && m_rows[r].span == span)
      return static_cast<int>(r);
  return -1;
}

int TraceLayout::rowOfEvent(std::size_t event) const {
  for (std::size_t r = 0; r < m_rows.size(); ++r)
    if (m_rows[r].kind == TraceRowKind::Event && m_rows[r].event == event)
      return static_cast<int>(r);
  return -1;
}

}  // namespace eventscope::ui
