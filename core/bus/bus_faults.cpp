// Faults and scaling: crash and recover instances, add or remove them (by hand or by the
// autoscaler), slow a service, pause a producer, inject an event, duplicate deliveries.
#include <algorithm>
#include <cmath>

#include "core/bus/bus.h"

namespace eventscope::core {

void Bus::setInstanceState(std::uint32_t serviceIndex, std::uint32_t index, InstanceState state) {
  ServiceState& service = m_services[serviceIndex];
  Instance& instance = service.instances[index];
  const InstanceState previous = instance.state;
  if (previous == state) return;
  instance.state = state;
  const auto busy = [](InstanceState s) {
    return s == InstanceState::Busy || s == InstanceState::Publishing;
  };
  const auto up = [](InstanceState s) {
    return s != InstanceState::Down && s != InstanceState::Removed;
  };
  if (busy(previous) != busy(state))
    service.load.add(m_scheduler.now, ServiceState::kBusy, busy(state) ? 1 : -1);
  if (up(previous) != up(state))
    service.load.add(m_scheduler.now, ServiceState::kUp, up(state) ? 1 : -1);
  // Only going down or coming up is reported: busy and idle follow from the attempts.
  if (up(previous) != up(state))
    m_observer.onInstanceChanged(m_scheduler.now, serviceIndex, index, state);
}

void Bus::crashInstance(std::uint32_t serviceIndex, std::uint32_t index) {
  ServiceState& service = m_services[serviceIndex];
  Instance& instance = service.instances[index];
  if (instance.state == InstanceState::Down || instance.state == InstanceState::Removed) return;
  ++instance.token;  // its pending completion, timeout or blocked publish is now void
  const bool running =
      instance.state == InstanceState::Busy || instance.state == InstanceState::Publishing;
  const bool wasZombie = instance.zombie;
  const Delivery current = instance.current;
  const std::uint32_t queue = instance.currentQueue;
  instance.zombie = false;
  instance.emitsLeft = 0;
  instance.deadLetterPending = false;
  instance.unacked = 0;
  setInstanceState(serviceIndex, index, InstanceState::Down);
  if (running) {
    AttemptInfo info = attemptInfo(serviceIndex, index);
    m_observer.onAttemptEnded(m_scheduler.now, info, m_events[current.event],
                              AttemptEnd{.outcome = AttemptOutcome::Crashed});
    if (wasZombie) {
      releaseCopy(current.event);  // the broker already redelivered this one
    } else {
      changeInProcess(service, service.queues[queue], -1);
      returnToQueue(serviceIndex, queue, current, DeliveryCause::CrashRedelivery);
    }
  }
  // Unacked prefetched copies go back to the front of the queue, in their order.
  while (!instance.prefetched.empty()) {
    const Delivery back = instance.prefetched.at(instance.prefetched.size() - 1);
    instance.prefetched.erase(instance.prefetched.size() - 1);
    returnToQueue(serviceIndex, queueOf(back), back, DeliveryCause::CrashRedelivery);
  }
  if (service.mode == DeliveryMode::Partitioned) {
    rebalance(serviceIndex);
  } else {
    recountMembers(serviceIndex);
  }
}

void Bus::bringUp(std::uint32_t serviceIndex, std::uint32_t index) {
  Instance& instance = m_services[serviceIndex].instances[index];
  ++instance.token;
  instance.zombie = false;
  instance.unacked = 0;
  instance.available = false;
  setInstanceState(serviceIndex, index, InstanceState::Idle);
}

// Crashes up to `count` running instances, lowest index first; returns which.
void Bus::crash(std::uint32_t serviceIndex, int count, std::optional<SimTime> duration) {
  std::vector<std::uint32_t>& crashed = m_crashScratch;
  crashed.clear();
  ServiceState& service = m_services[serviceIndex];
  for (std::uint32_t i = 0;
       i < service.instances.size() && static_cast<int>(crashed.size()) < count; ++i) {
    const InstanceState state = service.instances[i].state;
    if (state == InstanceState::Down || state == InstanceState::Removed) continue;
    crashInstance(serviceIndex, i);
    crashed.push_back(i);
  }
  if (duration && !crashed.empty()) {
    m_scheduler.after(*duration, ActionKind::RecoverInstances, serviceIndex,
                      static_cast<std::uint32_t>(crashed.size()));
  }
}

// Brings up to `count` crashed instances back, lowest index first.
void Bus::recover(std::uint32_t serviceIndex, int count) {
  ServiceState& service = m_services[serviceIndex];
  int recovered = 0;
  for (std::uint32_t i = 0; i < service.instances.size() && recovered < count; ++i) {
    if (service.instances[i].state != InstanceState::Down) continue;
    bringUp(serviceIndex, i);
    ++recovered;
  }
  if (recovered > 0) joinGroup(serviceIndex);
}

void Bus::joinGroup(std::uint32_t serviceIndex) {
  ServiceState& service = m_services[serviceIndex];
  if (service.mode == DeliveryMode::Partitioned) {
    rebalance(serviceIndex);
    return;
  }
  recountMembers(serviceIndex);
  for (std::uint32_t i = 0; i < service.instances.size(); ++i)
    grantCredit(serviceIndex, i);
}

// Sets how many instances are up and in the group: adds new (or previously removed) ones, or
// removes idle ones, highest index first. Busy instances are never removed mid-attempt.
void Bus::setInstances(std::uint32_t serviceIndex, int count) {
  ServiceState& service = m_services[serviceIndex];
  count = std::clamp(count, 0, limits::kMaxInstances);
  auto members = static_cast<int>(service.liveInstances);
  if (count > members) {
    for (std::uint32_t i = 0; i < service.instances.size() && members < count; ++i) {
      if (service.instances[i].state != InstanceState::Removed) continue;
      bringUp(serviceIndex, i);
      ++members;
    }
    while (members < count) {
      service.instances.emplace_back();
      service.instances.back().state = InstanceState::Removed;
      bringUp(serviceIndex, static_cast<std::uint32_t>(service.instances.size() - 1));
      ++members;
    }
    joinGroup(serviceIndex);
  } else if (count < members) {
    for (auto i = static_cast<std::int64_t>(service.instances.size()) - 1;
         i >= 0 && members > count; --i) {
      const auto index = static_cast<std::uint32_t>(i);
      const Instance& instance = service.instances[index];
      if (instance.state != InstanceState::Idle || !instance.prefetched.empty()) continue;
      ++service.instances[index].token;
      setInstanceState(serviceIndex, index, InstanceState::Removed);
      --members;
    }
    if (service.mode == DeliveryMode::Partitioned) {
      rebalance(serviceIndex);
    } else {
      recountMembers(serviceIndex);
    }
  }
}

// Like a queue-length autoscaler (KEDA) with a stabilization window (Kubernetes HPA): aim at
// target_backlog waiting events per instance, never below the instances busy right now; scale
// up at once, scale down only to the highest target of the last five checks, so a queue that
// has just drained does not make the group flap.
void Bus::onAutoscaleCheck(std::uint32_t serviceIndex) {
  ServiceState& service = m_services[serviceIndex];
  const AutoscaleSpec& rule = *service.autoscale;
  const auto waiting = static_cast<double>(service.waiting());
  const auto forBacklog = static_cast<int>(std::ceil(waiting / std::max(1e-9, rule.targetBacklog)));
  const int wanted = std::clamp(std::max(forBacklog, static_cast<int>(service.busyInstances())),
                                rule.min, rule.max);
  auto& recent = service.recentScaleTargets;
  recent[service.scaleChecks++ % recent.size()] = wanted;
  const std::size_t window = std::min<std::size_t>(service.scaleChecks, recent.size());
  const int stable = *std::max_element(recent.begin(), recent.begin() + static_cast<long>(window));
  const auto live = static_cast<int>(service.liveInstances);
  if (wanted > live) {
    setInstances(serviceIndex, wanted);
  } else if (stable < live) {
    setInstances(serviceIndex, stable);
  }
  m_scheduler.after(rule.checkEvery, ActionKind::AutoscaleCheck, serviceIndex);
}

void Bus::setSlowFactor(std::uint32_t serviceIndex, double factor) {
  m_services[serviceIndex].slowFactor = factor > 0 ? factor : 1;
}

void Bus::setProducerPaused(std::uint32_t index, bool paused) {
  ProducerState& producer = m_producers[index];
  if (producer.paused == paused) return;
  producer.paused = paused;
  ++producer.generation;  // the arrival already scheduled is void either way
  if (!paused && !producer.blocked) scheduleNextArrival(index);
}

void Bus::setDuplication(std::uint32_t topic, double fraction) {
  m_topics[topic].duplicateFraction = std::clamp(fraction, 0.0, 1.0);
}

void Bus::inject(const InjectSpec& injection, std::uint32_t faultIndex) {
  const auto topic = findTopic(injection.topic);
  if (!topic) return;
  const KeyId key = injection.key ? m_keys.intern(*injection.key) : kNoKey;
  const Draft draft{.topic = *topic,
                    .partition = partitionFor(m_topics[*topic], key, m_injectRng[faultIndex]),
                    .type = internType(injection.event),
                    .schema = static_cast<std::uint16_t>(injection.schema),
                    .key = key,
                    .payload = internPayload(injection.payload)};
  publish(draft, PublisherRef{PublisherRef::Kind::Injection, faultIndex});
}

void Bus::onFault(std::uint32_t index, bool begins) {
  const FaultSpec& fault = m_scenario.faults[index];
  m_observer.onFault(m_scheduler.now, fault, begins);
  switch (fault.kind) {
    case FaultSpec::Kind::Crash:
      if (const auto service = findService(fault.target)) {
        if (begins) {
          crash(*service, fault.instances, std::nullopt);
          m_faultInstances[index] = m_crashScratch;
        } else {
          for (std::uint32_t i : m_faultInstances[index]) {
            if (m_services[*service].instances[i].state == InstanceState::Down) {
              bringUp(*service, i);
            }
          }
          joinGroup(*service);
        }
      }
      break;
    case FaultSpec::Kind::Pause:
      if (const auto producer = findProducer(fault.target)) setProducerPaused(*producer, begins);
      break;
    case FaultSpec::Kind::Slow:
      if (const auto service = findService(fault.target)) {
        setSlowFactor(*service, begins ? fault.factor : 1.0);
      }
      break;
    case FaultSpec::Kind::Inject:
      if (begins) inject(fault.inject, index);
      break;
    case FaultSpec::Kind::Duplicate:
      if (const auto topic = findTopic(fault.target)) {
        setDuplication(*topic, begins ? fault.fraction : 0.0);
      }
      break;
  }
}

}  // namespace eventscope::core
