#pragma once

#include <cstdint>
#include <vector>

#include "core/model/sim_time.h"

namespace eventscope::core {

using EventSlot = std::uint32_t;  // index of a live event in the EventPool
using KeyId = std::uint32_t;
inline constexpr KeyId kNoKey = 0xffffffffu;
inline constexpr std::uint32_t kNoPayload = 0;

// One published event, as the bus keeps it while any service still holds a copy of it.
// 64 bytes: the bulk of the memory an in-flight event costs.
struct Event {
  std::uint64_t id = 0;             // unique, increasing in publish order
  std::uint64_t correlationId = 0;  // id of the producer event that started the chain
  std::uint64_t causationId = 0;    // id of the event whose processing emitted this one; 0 = none
  SimTime publishedAt = 0;
  KeyId key = kNoKey;
  std::uint32_t payload = kNoPayload;  // index into the bus's payload templates
  std::uint16_t type = 0;              // index into the bus's event type names
  std::uint16_t topic = 0;
  std::uint16_t partition = 0;
  std::uint16_t schema = 1;
  std::uint32_t doneMask = 0;       // bit i: subscriber i of the topic has finished with it
  std::uint32_t processedMask = 0;  // bit i: subscriber i has applied its side effects once
  std::uint32_t twoCopiesMask = 0;  // bit i: subscriber i holds two copies (broker duplicate)
  std::uint16_t copies = 0;         // delivery copies still held anywhere (reference count)
  std::uint16_t origin = 0;         // producer index, or service index for emits/dead letters
};
static_assert(sizeof(Event) == 64);

// Free-list storage for live events: slots are reused, so steady state never allocates.
class EventPool {
 public:
  EventSlot allocate() {
    if (!m_free.empty()) {
      const EventSlot slot = m_free.back();
      m_free.pop_back();
      return slot;
    }
    m_events.emplace_back();
    return static_cast<EventSlot>(m_events.size() - 1);
  }
  void release(EventSlot slot) { m_free.push_back(slot); }

  Event& operator[](EventSlot slot) { return m_events[slot]; }
  const Event& operator[](EventSlot slot) const { return m_events[slot]; }

  std::size_t live() const { return m_events.size() - m_free.size(); }
  std::size_t capacityBytes() const {
    return m_events.capacity() * sizeof(Event) + m_free.capacity() * sizeof(EventSlot);
  }

 private:
  std::vector<Event> m_events;
  std::vector<EventSlot> m_free;
};

// Why a copy of an event is (again) in a service's queue.
enum class DeliveryCause : std::uint8_t {
  Original,           // first delivery after publish
  Retry,              // after a failed attempt and its backoff
  CrashRedelivery,    // the instance holding it crashed before acking
  TimeoutRedelivery,  // the ack did not come within ack_timeout
  BrokerDuplicate,    // the broker delivered the same event twice (duplicate fault)
};

// A service's copy of an event: what queues, instances and retry slots hold (12 bytes).
struct Delivery {
  EventSlot event = 0;
  std::uint16_t attempts = 0;  // attempts started on this copy's event by this service
  std::uint16_t failures = 0;  // attempts that failed (counted against retry.max_attempts)
  DeliveryCause cause = DeliveryCause::Original;
  std::uint8_t subscriber = 0;  // index of the service among the topic's subscribers
};

}  // namespace eventscope::core
