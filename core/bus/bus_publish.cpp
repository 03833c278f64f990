// Publishing: admission into a topic partition, the four overflow policies, blocked publishers
// (backpressure) and the producers' arrival processes.
#include <algorithm>

#include "core/bus/bus.h"

namespace eventscope::core {

// The event a draft becomes when published now with this id; a new chain's correlation id is
// its own id.
Event Bus::eventFrom(const Draft& draft, std::uint64_t id) const {
  return Event{.id = id,
               .correlationId = draft.correlationId != 0 ? draft.correlationId : id,
               .causationId = draft.causationId,
               .publishedAt = m_scheduler.now,
               .key = draft.key,
               .payload = draft.payload,
               .type = draft.type,
               .topic = static_cast<std::uint16_t>(draft.topic),
               .partition = static_cast<std::uint16_t>(draft.partition),
               .schema = draft.schema,
               .origin = static_cast<std::uint16_t>(draft.origin)};
}

bool Bus::hasRoom(const TopicState& topic, std::uint32_t partition) const {
  if (topic.capacity == kUnbounded) return true;
  if (topic.subscribers.empty()) return topic.parts[partition].retained < topic.capacity;
  return std::all_of(topic.subscribers.begin(), topic.subscribers.end(), [&](const auto& sub) {
    return m_services[sub.service].queues[sub.firstQueue + partition].held() < topic.capacity;
  });
}

Bus::Admission Bus::publish(const Draft& draft, const PublisherRef& by, bool canWait) {
  TopicState& topic = m_topics[draft.topic];
  TopicPartitionState& part = topic.parts[draft.partition];
  // Only a bounded topic with a publisher-facing policy can hold a publish back.
  const bool publisherFacing = topic.capacity != kUnbounded && (topic.overflow == Overflow::Block ||
                                                                topic.overflow == Overflow::Reject);
  // Newcomers queue behind publishers already waiting; those being admitted now go first.
  const bool othersWaiting = !part.blocked.empty() && !m_drainingWakeups;
  if (publisherFacing && (othersWaiting || !hasRoom(topic, draft.partition))) {
    if (topic.overflow == Overflow::Block && canWait) {
      part.blocked.pushBack(by);  // behind anyone already waiting: first blocked, first admitted
      return Admission::Blocked;
    }
    ++topic.rejected;
    const Event refused = eventFrom(draft, 0);  // never published: it has no id
    m_observer.onRefused(m_scheduler.now, refused, Refusal::Rejected, -1, 0);
    return Admission::Rejected;
  }

  const EventSlot slot = m_events.allocate();
  Event& event = m_events[slot];
  event = eventFrom(draft, m_nextEventId++);
  ++topic.produced;
  m_observer.onPublished(m_scheduler.now, event, by);

  if (topic.subscribers.empty()) {
    // Nobody reads this topic (a dead-letter topic, say): it keeps the events, up to capacity.
    if (part.retained < topic.capacity) {
      ++part.retained;
    } else {
      ++topic.dropped;
      const bool oldest = topic.overflow == Overflow::DropOldest;
      m_observer.onRefused(m_scheduler.now, event,
                           oldest ? Refusal::DroppedOldest : Refusal::DroppedNewest, -1, 0);
    }
  } else {
    const bool duplicate =
        topic.duplicateFraction > 0 && topic.duplicateRng.bernoulli(topic.duplicateFraction);
    bool duplicatedCounted = false;
    for (std::size_t i = 0; i < topic.subscribers.size(); ++i) {
      const auto [serviceIndex, firstQueue] = topic.subscribers[i];
      ServiceState& service = m_services[serviceIndex];
      const std::uint32_t queue = firstQueue + draft.partition;
      ++service.counters.produced;
      if (service.queues[queue].held() >= topic.capacity &&
          !(topic.overflow == Overflow::DropOldest && evictOldest(serviceIndex, queue))) {
        ++topic.dropped;
        ++service.counters.dropped;
        event.doneMask |= 1u << i;
        m_observer.onRefused(m_scheduler.now, event, Refusal::DroppedNewest,
                             static_cast<std::int32_t>(serviceIndex), queue);
        continue;
      }
      const auto sub = static_cast<std::uint8_t>(i);
      enqueueCopy(serviceIndex, queue, slot, sub, DeliveryCause::Original);
      if (duplicate && service.queues[queue].held() < topic.capacity) {
        if (!duplicatedCounted) ++topic.duplicated;  // publishes delivered twice, not copies
        duplicatedCounted = true;
        ++service.counters.brokerDuplicates;
        enqueueCopy(serviceIndex, queue, slot, sub, DeliveryCause::BrokerDuplicate);
      }
      // The partition's depth is its fullest subscriber's: only a publish can raise it.
      part.maxDepth = std::max(part.maxDepth, service.queues[queue].held());
    }
  }
  if (topic.subscribers.empty()) part.maxDepth = std::max(part.maxDepth, part.retained);
  if (m_events[slot].copies == 0) m_events.release(slot);
  return Admission::Published;
}

void Bus::enqueueCopy(std::uint32_t serviceIndex, std::uint32_t queue, EventSlot slot,
                      std::uint8_t sub, DeliveryCause cause) {
  ServiceState& service = m_services[serviceIndex];
  changeHeld(service, service.queues[queue], 1);
  ++m_events[slot].copies;
  if (cause == DeliveryCause::BrokerDuplicate) m_events[slot].twoCopiesMask |= 1u << sub;
  const Delivery copy{.event = slot, .cause = cause, .subscriber = sub};
  m_observer.onEnqueued(m_scheduler.now, serviceIndex, queue, m_events[slot], cause);
  offer(serviceIndex, queue, copy, false);
}

// drop-oldest: the oldest copy of this partition still waiting in the broker (not prefetched,
// running or in backoff) gives way. Returns false when there is none to evict.
bool Bus::evictOldest(std::uint32_t serviceIndex, std::uint32_t queue) {
  ServiceState& service = m_services[serviceIndex];
  RingBuffer<Delivery>& ready =
      service.mode == DeliveryMode::Shared ? service.sharedReady : service.queues[queue].ready;
  for (std::size_t i = 0; i < ready.size(); ++i) {
    const Delivery copy = ready.at(i);
    if (queueOf(copy) != queue) continue;
    ready.erase(i);
    Event& event = m_events[copy.event];
    changeHeld(service, service.queues[queue], -1);
    if (leaveCopy(event, copy.subscriber)) {
      // A redundant broker duplicate: the service still holds the event's other copy, so the
      // event is not lost; only the duplicate delivery is.
      releaseCopy(copy.event);
      return true;
    }
    const std::uint32_t bit = 1u << copy.subscriber;
    if ((event.doneMask & bit) == 0) {
      event.doneMask |= bit;
      ++service.counters.dropped;
      ++m_topics[event.topic].dropped;
      m_observer.onRefused(m_scheduler.now, event, Refusal::DroppedOldest,
                           static_cast<std::int32_t>(serviceIndex), queue);
    }
    releaseCopy(copy.event);
    return true;
  }
  return false;
}

// A queue of this topic partition lost a copy: admit blocked publishers while there is room.
// Wake-ups are queued and drained at the outermost call, so a publisher resumed here that
// finishes work and frees room elsewhere does not recurse without bound.
void Bus::admitBlocked(std::uint32_t topicIndex, std::uint32_t partition) {
  m_wakeups.pushBack({topicIndex, partition});
  if (m_drainingWakeups) return;
  m_drainingWakeups = true;
  while (!m_wakeups.empty()) {
    const auto [t, p] = m_wakeups.popFront();
    TopicPartitionState& part = m_topics[t].parts[p];
    while (!part.blocked.empty() && hasRoom(m_topics[t], p)) {
      resumePublisher(part.blocked.popFront());
    }
  }
  m_drainingWakeups = false;
}

void Bus::resumePublisher(const PublisherRef& by) {
  switch (by.kind) {
    case PublisherRef::Kind::Producer: {
      ProducerState& producer = m_producers[by.index];
      producer.blocked = false;
      producer.blockedTotal += m_scheduler.now - producer.blockedSince;
      m_observer.onProducerBlocked(m_scheduler.now, by.index, false);
      publishProducerEvent(by.index);
      break;
    }
    case PublisherRef::Kind::Instance: {
      const Instance& instance = m_services[by.index].instances[by.instance];
      if (instance.token == by.token && instance.state == InstanceState::Publishing) {
        continuePublishing(by.index, by.instance);
      }
      break;
    }
    case PublisherRef::Kind::Injection:
      publish(m_injections[by.index], by);
      break;
    case PublisherRef::Kind::Replay:
      publishReplayed(m_injections[by.token], by);
      break;
    case PublisherRef::Kind::Broker:  // never waits
      break;
  }
}

void Bus::onProducerArrival(std::uint32_t index, std::uint32_t generation) {
  ProducerState& producer = m_producers[index];
  if (generation != producer.generation || producer.paused || producer.blocked) return;
  producer.pendingKey = producer.keys.hasKeys() ? producer.keys.sample(producer.rng) : kNoKey;
  producer.pendingPartition =
      partitionFor(m_topics[producer.topic], producer.pendingKey, producer.rng);
  publishProducerEvent(index);
}

bool Bus::publishProducerEvent(std::uint32_t index) {
  ProducerState& producer = m_producers[index];
  const Draft draft{.topic = producer.topic,
                    .partition = producer.pendingPartition,
                    .type = producer.type,
                    .schema = producer.schema,
                    .key = producer.pendingKey,
                    .payload = producer.payload,
                    .origin = index};
  switch (publish(draft, PublisherRef{PublisherRef::Kind::Producer, index})) {
    case Admission::Published:
      ++producer.attempts;
      ++producer.published;
      scheduleNextArrival(index);
      return true;
    case Admission::Rejected:
      ++producer.attempts;
      ++producer.rejected;
      scheduleNextArrival(index);
      return false;
    case Admission::Blocked:
      producer.blocked = true;
      producer.blockedSince = m_scheduler.now;
      m_observer.onProducerBlocked(m_scheduler.now, index, true);
      return false;
  }
  return false;
}

void Bus::scheduleNextArrival(std::uint32_t index) {
  ProducerState& producer = m_producers[index];
  if (producer.paused || producer.attempts >= producer.limit) return;
  const SimTime gap = producer.arrivals.sample(producer.rng);
  if (gap >= producer.stop - m_scheduler.now) return;
  m_scheduler.after(gap, ActionKind::ProducerArrival, index, 0, producer.generation);
}

}  // namespace eventscope::core
