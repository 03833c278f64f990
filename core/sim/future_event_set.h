#pragma once

#include <cstdint>
#include <vector>

#include "core/model/sim_time.h"

namespace eventscope::core {

// What a scheduled action does; the engine routes each kind to its handler.
enum class ActionKind : std::uint8_t {
  ProducerArrival,   // target producer, token = producer generation
  AttemptComplete,   // target service, arg instance, token = instance attempt token
  AckTimeout,        // target service, arg instance, token = instance attempt token
  RetryDue,          // target service, arg retry slot (shared) or queue (partitioned)
  FaultBegin,        // target fault
  FaultEnd,          // target fault
  AutoscaleCheck,    // target service
  RecoverInstances,  // target service, arg the crash's recovery record
  ReplayInput,       // the next external input of a replay is due
};

struct Action {
  SimTime time = 0;
  std::uint64_t sequence = 0;  // insertion order: ties at equal time run first-scheduled first
  std::uint32_t target = 0;
  std::uint32_t arg = 0;
  std::uint32_t token = 0;
  ActionKind kind = ActionKind::ProducerArrival;
};

// The future-event set: a 4-ary min-heap ordered by (time, insertion sequence). Storage is
// reused, so scheduling allocates only when the set grows past its largest size so far.
class FutureEventSet {
 public:
  void schedule(SimTime time, ActionKind kind, std::uint32_t target, std::uint32_t arg = 0,
                std::uint32_t token = 0) {
    m_heap.push_back(Action{time, m_nextSequence++, target, arg, token, kind});
    siftUp(m_heap.size() - 1);
  }

  bool empty() const { return m_heap.empty(); }
  std::size_t size() const { return m_heap.size(); }
  const Action& top() const { return m_heap.front(); }

  Action pop() {
    Action first = m_heap.front();
    m_heap.front() = m_heap.back();
    m_heap.pop_back();
    if (!m_heap.empty()) siftDown(0);
    return first;
  }

  void reserve(std::size_t n) { m_heap.reserve(n); }

 private:
  static bool before(const Action& a, const Action& b) {
    return a.time < b.time || (a.time == b.time && a.sequence < b.sequence);
  }

  void siftUp(std::size_t i) {
    const Action moving = m_heap[i];
    while (i > 0) {
      const std::size_t parent = (i - 1) / 4;
      if (!before(moving, m_heap[parent])) break;
      m_heap[i] = m_heap[parent];
      i = parent;
    }
    m_heap[i] = moving;
  }

  void siftDown(std::size_t i) {
    const Action moving = m_heap[i];
    const std::size_t n = m_heap.size();
    while (true) {
      const std::size_t firstChild = 4 * i + 1;
      if (firstChild >= n) break;
      std::size_t best = firstChild;
      const std::size_t lastChild = firstChild + 4 < n ? firstChild + 4 : n;
      for (std::size_t c = firstChild + 1; c < lastChild; ++c) {
        if (before(m_heap[c], m_heap[best])) best = c;
      }
      if (!before(m_heap[best], moving)) break;
      m_heap[i] = m_heap[best];
      i = best;
    }
    m_heap[i] = moving;
  }

  std::vector<Action> m_heap;
  std::uint64_t m_nextSequence = 0;
};

}  // namespace eventscope::core
