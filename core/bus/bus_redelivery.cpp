// The broker's side of failures: copies coming back after their backoff, attempts whose ack
// does not come in time (zombies), and the dead letters the broker itself publishes.
#include "core/bus/bus.h"

namespace eventscope::core {

Bus::Draft Bus::deadLetterDraft(std::uint32_t serviceIndex, const Event& input,
                                std::uint32_t partition) const {
  // The same event on the dead-letter topic: type, key, schema, payload and correlation stay;
  // its cause is the original.
  return Draft{.topic = m_services[serviceIndex].deadLetterTopic,
               .partition = partition,
               .type = input.type,
               .schema = input.schema,
               .key = input.key,
               .payload = input.payload,
               .correlationId = input.correlationId,
               .causationId = input.id,
               .origin = serviceIndex};
}

void Bus::onRetryDue(std::uint32_t serviceIndex, std::uint32_t slotOrQueue) {
  ServiceState& service = m_services[serviceIndex];
  if (service.mode == DeliveryMode::Shared) {
    Delivery copy = service.retrySlots[slotOrQueue];
    service.freeRetrySlots.push_back(slotOrQueue);
    copy.cause = DeliveryCause::Retry;
    const std::uint32_t queue = queueOf(copy);
    changeDelayed(service, service.queues[queue], -1);
    m_observer.onEnqueued(m_scheduler.now, serviceIndex, queue, m_events[copy.event],
                          DeliveryCause::Retry);
    offer(serviceIndex, queue, copy, false);
  } else {
    ServiceQueue& queue = service.queues[slotOrQueue];
    Delivery copy = queue.retrying;
    copy.cause = DeliveryCause::Retry;
    queue.blocked = false;
    changeDelayed(service, queue, -1);
    m_observer.onEnqueued(m_scheduler.now, serviceIndex, slotOrQueue, m_events[copy.event],
                          DeliveryCause::Retry);
    offer(serviceIndex, slotOrQueue, copy, true);  // still the head: order is kept
  }
}

// No ack within ack_timeout: the broker takes the event back. The instance works on as a zombie
// whose side effects still happen (a duplicate, when the event is processed again) but whose
// ack will be refused. The timed-out attempt counts against retry.max_attempts: with attempts
// left the event is redelivered at once; without, the broker dead-letters it (like a delivery
// limit), or discards it when the service has no dead-letter topic.
void Bus::onAckTimeout(std::uint32_t serviceIndex, std::uint32_t index, std::uint32_t token) {
  ServiceState& service = m_services[serviceIndex];
  Instance& instance = service.instances[index];
  if (instance.token != token || instance.state != InstanceState::Busy || instance.zombie) return;
  instance.zombie = true;
  const std::uint32_t queueIndex = instance.currentQueue;
  changeInProcess(service, service.queues[queueIndex], -1);
  ++service.counters.failedAttempts;
  ++service.counters.timeouts;
  ++instance.current.failures;
  const Delivery copy = instance.current;
  const AttemptInfo info = attemptInfo(serviceIndex, index);
  const bool redeliver = copy.failures < service.retry.maxAttempts;
  AttemptEnd end{.outcome = AttemptOutcome::TimedOut, .failure = FailureKind::Timeout};
  // What goes back to the front of the queue, in order: the event itself (unless the broker
  // gives up on it), then, in shared mode, everything the closed channel had prefetched.
  m_giveBack.clear();
  if (redeliver) {
    ++m_events[copy.event].copies;  // the redelivered copy; the zombie keeps its own
    m_giveBack.push_back(copy);
  }
  if (service.mode == DeliveryMode::Shared) {
    while (!instance.prefetched.empty())
      m_giveBack.push_back(instance.prefetched.popFront());
    instance.unacked = 0;
    recountMembers(serviceIndex);
  } else {
    rebalance(serviceIndex);  // the zombie leaves the group; its partitions move
  }
  if (redeliver) {
    m_observer.onAttemptEnded(m_scheduler.now, info, m_events[copy.event], end);
    returnCopies(serviceIndex, m_giveBack, DeliveryCause::TimeoutRedelivery);
    return;
  }
  returnCopies(serviceIndex, m_giveBack, DeliveryCause::TimeoutRedelivery);
  std::uint64_t deadLetterId = 0;
  if (service.deadLetterTopic != kNone) {
    const Event input = m_events[copy.event];
    const std::uint32_t partition =
        partitionFor(m_topics[service.deadLetterTopic], input.key, service.rng);
    const PublisherRef broker{PublisherRef::Kind::Broker, serviceIndex};
    if (publish(deadLetterDraft(serviceIndex, input, partition), broker, false) ==
        Admission::Published) {
      deadLetterId = m_nextEventId - 1;
    }
  }
  Event& event = m_events[copy.event];
  const std::uint32_t bit = 1u << copy.subscriber;
  end.outcome = deadLetterId != 0 ? AttemptOutcome::DeadLettered : AttemptOutcome::Discarded;
  end.firstDone = (event.doneMask & bit) == 0;
  if (end.firstDone) {
    event.doneMask |= bit;
    markDone(serviceIndex, end.outcome, event);
  }
  ServiceQueue& queue = service.queues[queueIndex];
  changeHeld(service, queue, -1);
  leaveCopy(event, copy.subscriber);
  if (service.mode == DeliveryMode::Partitioned) queue.blocked = false;
  m_observer.onAttemptEnded(m_scheduler.now, info, event, end);
  m_observer.onDeadLettered(m_scheduler.now, serviceIndex, event, FailureKind::Timeout,
                            copy.attempts, deadLetterId);
  const std::uint32_t topic = event.topic;
  const std::uint32_t partition = event.partition;
  if (service.mode == DeliveryMode::Partitioned) kickPartitionOwner(serviceIndex, queueIndex);
  onQueueShrunk(topic, partition);
}

}  // namespace eventscope::core
