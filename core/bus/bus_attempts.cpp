// Processing attempts: start, success with side effects and follow-up events, failure with
// retries and backoff, dead letters, acks, ack timeouts (zombie attempts).
#include <algorithm>
#include <bit>
#include <cmath>

#include "core/bus/bus.h"

namespace eventscope::core {

void Bus::startAttempt(std::uint32_t serviceIndex, std::uint32_t index, std::uint32_t queue,
                       Delivery copy) {
  ServiceState& service = m_services[serviceIndex];
  Instance& instance = service.instances[index];
  const Event& event = m_events[copy.event];
  if (copy.attempts < UINT16_MAX) ++copy.attempts;  // crash loops could redeliver without end
  ++service.counters.delivered;
  ++instance.token;
  instance.current = copy;
  instance.currentQueue = queue;
  instance.startedAt = m_scheduler.now;
  instance.zombie = false;
  instance.ending = AttemptEnd{};
  ServiceQueue& q = service.queues[queue];
  changeInProcess(service, q, 1);
  if (service.mode == DeliveryMode::Partitioned) q.blocked = true;
  setBusy(service, instance, true);  // from Idle: only idle instances start attempts

  // The outcome is drawn now, so the ack timeout is known to fire (or not) before completion.
  SimTime duration = 0;
  const bool accepted = service.acceptsSchema.empty() ||
                        std::find(service.acceptsSchema.begin(), service.acceptsSchema.end(),
                                  event.schema) != service.acceptsSchema.end();
  if (!accepted) {
    instance.willFail = FailureKind::Schema;  // fails at once: it cannot even be read
  } else {
    duration = service.serviceTime.sample(service.rng);
    if (service.slowFactor != 1) {
      duration = static_cast<SimTime>(
          std::min(static_cast<double>(duration) * service.slowFactor, double(kMaxDuration)));
    }
    if (event.key != kNoKey &&
        std::binary_search(service.poisonKeys.begin(), service.poisonKeys.end(), event.key)) {
      instance.willFail = FailureKind::Poison;
    } else if (service.failureRate > 0 && service.rng.bernoulli(service.failureRate)) {
      instance.willFail = FailureKind::Error;
    } else {
      instance.willFail = FailureKind::None;
    }
  }
  m_observer.onAttemptStarted(m_scheduler.now, attemptInfo(serviceIndex, index), event);
  m_scheduler.after(duration, ActionKind::AttemptComplete, serviceIndex, index, instance.token);
  if (service.ackTimeout < duration) {
    m_scheduler.after(service.ackTimeout, ActionKind::AckTimeout, serviceIndex, index,
                      instance.token);
  }
}

void Bus::onAttemptComplete(std::uint32_t serviceIndex, std::uint32_t index, std::uint32_t token) {
  ServiceState& service = m_services[serviceIndex];
  Instance& instance = service.instances[index];
  if (instance.token != token || instance.state != InstanceState::Busy) return;  // crashed
  if (instance.willFail != FailureKind::None) {
    failAttempt(serviceIndex, index, instance.willFail);
    return;
  }
  Event& event = m_events[instance.current.event];
  const std::uint32_t bit = 1u << instance.current.subscriber;
  const bool already = (event.processedMask & bit) != 0;
  // An idempotent service remembers the ids it processed and skips a repeat; any other service
  // applies its side effects (and emits its follow-ups) once more.
  const bool sideEffect = !(service.idempotent && already);
  event.processedMask |= bit;
  if (sideEffect) {
    ++service.counters.sideEffects;
    if (already) ++service.counters.duplicatesProcessed;
  } else {
    ++service.counters.duplicatesSkipped;
  }
  instance.ending.outcome = instance.zombie ? AttemptOutcome::ZombieDone : AttemptOutcome::Acked;
  instance.ending.sideEffect = sideEffect;
  instance.ending.duplicate = already;
  instance.emitsLeft = 0;
  if (sideEffect) {
    for (std::size_t k = 0; k < service.emits.size(); ++k) {
      const double p = service.emits[k].probability;
      if (p >= 1 || service.rng.bernoulli(p)) instance.emitsLeft |= 1u << k;
    }
  }
  instance.pendingPartition = kNone;
  if (instance.emitsLeft == 0) {
    finishCopy(serviceIndex, index);  // nothing to publish: straight to the ack
    return;
  }
  setInstanceState(serviceIndex, index, InstanceState::Publishing);
  continuePublishing(serviceIndex, index);
}

void Bus::failAttempt(std::uint32_t serviceIndex, std::uint32_t index, FailureKind failure) {
  ServiceState& service = m_services[serviceIndex];
  Instance& instance = service.instances[index];
  ++service.counters.failedAttempts;
  instance.ending.failure = failure;
  if (instance.zombie) {  // nobody waits for this attempt any more
    instance.ending.outcome = AttemptOutcome::ZombieDone;
    finishCopy(serviceIndex, index);
    return;
  }
  Delivery& copy = instance.current;
  ++copy.failures;
  const bool permanent = failure == FailureKind::Schema;
  if (permanent) ++service.counters.schemaRejected;
  if (!permanent && copy.failures < service.retry.maxAttempts) {
    const double backoff =
        std::min(static_cast<double>(service.retry.backoff) *
                     std::pow(service.retry.multiplier, static_cast<double>(copy.failures - 1)),
                 static_cast<double>(std::min(service.retry.maxBackoff, kMaxDuration)));
    const auto delay = static_cast<SimTime>(std::max(0.0, backoff));
    ++service.counters.retries;
    ServiceQueue& queue = service.queues[instance.currentQueue];
    changeInProcess(service, queue, -1);
    changeDelayed(service, queue, 1);  // held, but not waiting in the queue until its backoff ends
    instance.ending.outcome = AttemptOutcome::Failed;
    instance.ending.retryAt = m_scheduler.now + delay;
    if (service.mode == DeliveryMode::Shared) --instance.unacked;
    const bool rejoined = settleInstance(serviceIndex, index);
    m_observer.onAttemptEnded(m_scheduler.now, attemptInfo(serviceIndex, index),
                              m_events[copy.event], instance.ending);
    if (service.mode == DeliveryMode::Shared) {
      std::uint32_t slot = 0;
      if (service.freeRetrySlots.empty()) {
        slot = static_cast<std::uint32_t>(service.retrySlots.size());
        service.retrySlots.push_back(copy);
      } else {
        slot = service.freeRetrySlots.back();
        service.freeRetrySlots.pop_back();
        service.retrySlots[slot] = copy;
      }
      m_scheduler.after(delay, ActionKind::RetryDue, serviceIndex, slot);
    } else {
      queue.retrying = copy;  // the partition stays blocked: head-of-line blocking
      m_scheduler.after(delay, ActionKind::RetryDue, serviceIndex, instance.currentQueue);
    }
    takeNextWork(serviceIndex, index, rejoined);
    return;
  }
  if (service.deadLetterTopic != kNone) {
    instance.ending.outcome = AttemptOutcome::DeadLettered;
    instance.deadLetterPending = true;
    instance.emitsLeft = 0;
    instance.pendingPartition = kNone;
    setInstanceState(serviceIndex, index, InstanceState::Publishing);
    continuePublishing(serviceIndex, index);
  } else {
    instance.ending.outcome = AttemptOutcome::Discarded;
    m_observer.onDeadLettered(m_scheduler.now, serviceIndex, m_events[copy.event], failure,
                              copy.attempts, 0);
    finishCopy(serviceIndex, index);
  }
}

// Publishes what the finished attempt owes (follow-ups, or the dead letter), in order; a full
// topic with the block policy parks the instance until there is room.
void Bus::continuePublishing(std::uint32_t serviceIndex, std::uint32_t index) {
  ServiceState& service = m_services[serviceIndex];
  const PublisherRef self{PublisherRef::Kind::Instance, serviceIndex, index,
                          service.instances[index].token};
  while (service.instances[index].emitsLeft != 0) {
    Instance& instance = service.instances[index];
    const int k = std::countr_zero(instance.emitsLeft);
    const EmitRuntime& emit = service.emits[static_cast<std::size_t>(k)];
    const Event input = m_events[instance.current.event];  // a copy: publishing may grow the pool
    if (instance.pendingPartition == kNone) {
      instance.pendingPartition = partitionFor(m_topics[emit.topic], input.key, service.rng);
    }
    const Draft draft{.topic = emit.topic,
                      .partition = instance.pendingPartition,
                      .type = emit.type,
                      .schema = emit.schema,
                      .key = input.key,
                      .payload = emit.payload,
                      .correlationId = input.correlationId,
                      .causationId = input.id,
                      .origin = serviceIndex};
    const Admission admission = publish(draft, self);
    if (admission == Admission::Blocked) return;
    Instance& after = service.instances[index];
    if (admission == Admission::Published) ++service.counters.emitted;
    after.emitsLeft &= ~(1u << k);
    after.pendingPartition = kNone;
  }
  Instance& instance = service.instances[index];
  if (instance.deadLetterPending) {
    const Event input = m_events[instance.current.event];
    if (instance.pendingPartition == kNone) {
      instance.pendingPartition =
          partitionFor(m_topics[service.deadLetterTopic], input.key, service.rng);
    }
    const Admission admission =
        publish(deadLetterDraft(serviceIndex, input, instance.pendingPartition), self);
    if (admission == Admission::Blocked) return;
    Instance& after = service.instances[index];
    after.deadLetterPending = false;
    const bool stored = admission == Admission::Published;
    if (!stored) after.ending.outcome = AttemptOutcome::Discarded;  // the dead-letter topic refused
    m_observer.onDeadLettered(m_scheduler.now, serviceIndex, m_events[after.current.event],
                              after.ending.failure, after.current.attempts,
                              stored ? m_nextEventId - 1 : 0);
  }
  finishCopy(serviceIndex, index);
}

// The attempt is over and owes nothing: settle the copy (ack, dead letter or discard).
void Bus::finishCopy(std::uint32_t serviceIndex, std::uint32_t index) {
  ServiceState& service = m_services[serviceIndex];
  Instance& instance = service.instances[index];
  const Delivery copy = instance.current;
  const std::uint32_t queueIndex = instance.currentQueue;
  Event& event = m_events[copy.event];
  AttemptEnd& end = instance.ending;
  const bool zombie = end.outcome == AttemptOutcome::ZombieDone;
  if (!zombie) {
    ServiceQueue& queue = service.queues[queueIndex];
    const std::uint32_t bit = 1u << copy.subscriber;
    end.firstDone = (event.doneMask & bit) == 0;
    if (end.firstDone) {
      event.doneMask |= bit;
      markDone(serviceIndex, end.outcome, event);
    }
    changeHeld(service, queue, -1);
    changeInProcess(service, queue, -1);
    leaveCopy(event, copy.subscriber);
    if (service.mode == DeliveryMode::Shared) --instance.unacked;
    if (service.mode == DeliveryMode::Partitioned) queue.blocked = false;
  }
  const bool rejoined = settleInstance(serviceIndex, index);
  m_observer.onAttemptEnded(m_scheduler.now, attemptInfo(serviceIndex, index), event, end);
  const std::uint32_t topic = event.topic;
  const std::uint32_t partition = event.partition;
  releaseCopy(copy.event);
  takeNextWork(serviceIndex, index, rejoined);
  if (!zombie) {
    if (service.mode == DeliveryMode::Partitioned) kickPartitionOwner(serviceIndex, queueIndex);
    onQueueShrunk(topic, partition);
  }
}

void Bus::markDone(std::uint32_t serviceIndex, AttemptOutcome outcome, const Event& event) {
  ServiceState& service = m_services[serviceIndex];
  switch (outcome) {
    case AttemptOutcome::Acked:
      ++service.counters.acked;
      if (event.key != kNoKey) {
        // Per-key order: acking an event older than one of its key already acked breaks it.
        std::uint64_t& last = service.lastAckedIdByKey[event.key];
        if (event.id < last) {
          ++service.counters.outOfOrder;
        } else {
          last = event.id;
        }
      }
      break;
    case AttemptOutcome::DeadLettered:
      ++service.counters.deadLettered;
      break;
    case AttemptOutcome::Discarded:
      ++service.counters.discarded;
      break;
    default:
      break;
  }
}

}  // namespace eventscope::core
