// Who gets the next copy: `shared` delivery (competing consumers with prefetch credit, served
// round-robin like RabbitMQ) and `partitioned` delivery (each partition owned by one instance,
// processed in order, reassigned when the group changes, like a Kafka consumer group).
#include "core/bus/bus.h"

namespace eventscope::core {

namespace {
bool isUp(const Instance& instance) {
  return instance.state != InstanceState::Down && instance.state != InstanceState::Removed;
}
bool isMember(const Instance& instance) {
  return isUp(instance) && !instance.zombie;
}
}  // namespace

void Bus::offer(std::uint32_t serviceIndex, std::uint32_t queue, const Delivery& copy,
                bool atFront) {
  ServiceState& service = m_services[serviceIndex];
  if (service.mode == DeliveryMode::Shared) {
    atFront ? service.sharedReady.pushFront(copy) : service.sharedReady.pushBack(copy);
    dispatchShared(serviceIndex);
  } else {
    ServiceQueue& q = service.queues[queue];
    atFront ? q.ready.pushFront(copy) : q.ready.pushBack(copy);
    kickPartitionOwner(serviceIndex, queue);
  }
}

void Bus::dispatchShared(std::uint32_t serviceIndex) {
  ServiceState& service = m_services[serviceIndex];
  const auto prefetch = static_cast<std::uint32_t>(service.prefetch);
  while (!service.sharedReady.empty() && !service.withCredit.empty()) {
    const std::uint32_t index = service.withCredit.popFront();
    Instance& instance = service.instances[index];
    instance.available = false;
    if (!isMember(instance) || instance.unacked >= prefetch) continue;  // went away meanwhile
    const Delivery copy = service.sharedReady.popFront();
    ++instance.unacked;
    if (instance.state == InstanceState::Idle) {
      startAttempt(serviceIndex, index, queueOf(copy), copy);
    } else {
      instance.prefetched.pushBack(copy);
    }
    if (instance.unacked < prefetch) {
      instance.available = true;
      service.withCredit.pushBack(index);
    }
  }
}

void Bus::grantCredit(std::uint32_t serviceIndex, std::uint32_t index) {
  ServiceState& service = m_services[serviceIndex];
  Instance& instance = service.instances[index];
  if (!instance.available && isMember(instance) &&
      instance.unacked < static_cast<std::uint32_t>(service.prefetch)) {
    instance.available = true;
    service.withCredit.pushBack(index);
  }
  dispatchShared(serviceIndex);
}

void Bus::kickPartitionOwner(std::uint32_t serviceIndex, std::uint32_t queue) {
  const std::uint32_t owner = m_services[serviceIndex].queues[queue].owner;
  if (owner != kNone) dispatchPartitioned(serviceIndex, owner);
}

// An idle owner takes the oldest head among its partitions that are not blocked.
void Bus::dispatchPartitioned(std::uint32_t serviceIndex, std::uint32_t index) {
  ServiceState& service = m_services[serviceIndex];
  const Instance& instance = service.instances[index];
  if (instance.state != InstanceState::Idle) return;
  std::uint32_t best = kNone;
  std::uint64_t bestId = 0;
  for (std::uint32_t q : instance.owned) {
    const ServiceQueue& queue = service.queues[q];
    if (queue.blocked || queue.ready.empty()) continue;
    const std::uint64_t id = m_events[queue.ready.front().event].id;
    if (best == kNone || id < bestId) {
      best = q;
      bestId = id;
    }
  }
  if (best != kNone) startAttempt(serviceIndex, index, best, service.queues[best].ready.popFront());
}

// Round-robin assignment of the service's queues over the members of the group, by index.
void Bus::rebalance(std::uint32_t serviceIndex) {
  ServiceState& service = m_services[serviceIndex];
  m_members.clear();
  for (std::uint32_t i = 0; i < service.instances.size(); ++i) {
    service.instances[i].owned.clear();
    if (isMember(service.instances[i])) m_members.push_back(i);
  }
  service.liveInstances = static_cast<std::uint32_t>(m_members.size());
  for (std::uint32_t q = 0; q < service.queues.size(); ++q) {
    const std::uint32_t owner = m_members.empty() ? kNone : m_members[q % m_members.size()];
    ServiceQueue& queue = service.queues[q];
    if (owner != kNone) service.instances[owner].owned.push_back(q);
    if (queue.owner != owner) {
      queue.owner = owner;
      m_observer.onPartitionAssigned(m_scheduler.now, serviceIndex, q,
                                     owner == kNone ? -1 : static_cast<std::int32_t>(owner));
    }
  }
  for (std::uint32_t i = 0; i < service.instances.size(); ++i)
    dispatchPartitioned(serviceIndex, i);
}

void Bus::recountMembers(std::uint32_t serviceIndex) {
  ServiceState& service = m_services[serviceIndex];
  service.liveInstances = 0;
  for (const Instance& instance : service.instances)
    service.liveInstances += isMember(instance);
}

// Puts copies back at the front of their queues so that copies[0] becomes the head, counting
// each as a redelivery with its cause, and only then dispatches: work given back by one
// instance must not reach an instance that is about to go down in the same instant.
void Bus::returnCopies(std::uint32_t serviceIndex, const std::vector<Delivery>& copies,
                       DeliveryCause cause) {
  ServiceState& service = m_services[serviceIndex];
  for (auto it = copies.rbegin(); it != copies.rend(); ++it) {
    Delivery copy = *it;
    copy.cause = cause;
    const std::uint32_t queue = queueOf(copy);
    if (service.mode == DeliveryMode::Partitioned) {
      service.queues[queue].blocked = false;  // it was the partition's running attempt
      service.queues[queue].ready.pushFront(copy);
    } else {
      service.sharedReady.pushFront(copy);
    }
  }
  for (const Delivery& copy : copies) {
    ++service.counters.redeliveries;
    if (cause == DeliveryCause::CrashRedelivery) ++service.counters.crashRedeliveries;
    if (cause == DeliveryCause::TimeoutRedelivery) ++service.counters.timeoutRedeliveries;
    m_observer.onEnqueued(m_scheduler.now, serviceIndex, queueOf(copy), m_events[copy.event],
                          cause);
  }
  if (service.mode == DeliveryMode::Partitioned) {
    for (const Delivery& copy : copies)
      kickPartitionOwner(serviceIndex, queueOf(copy));
  } else {
    dispatchShared(serviceIndex);
  }
}

// An idle instance takes its next work: what it prefetched, or whatever the broker offers.
void Bus::takeNextWork(std::uint32_t serviceIndex, std::uint32_t index, bool rejoined) {
  ServiceState& service = m_services[serviceIndex];
  Instance& instance = service.instances[index];
  if (service.mode == DeliveryMode::Partitioned) {
    if (rejoined) {
      rebalance(serviceIndex);
    } else {
      dispatchPartitioned(serviceIndex, index);
    }
    return;
  }
  if (!instance.prefetched.empty()) {
    const Delivery next = instance.prefetched.popFront();
    startAttempt(serviceIndex, index, queueOf(next), next);
  }
  grantCredit(serviceIndex, index);
}

}  // namespace eventscope::core
