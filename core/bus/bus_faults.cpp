// Faults and scaling: crash and recover instances, add or remove them (by hand or by the
// autoscaler), slow a service, pause a producer, inject an event, duplicate deliveries.
#include <algorithm>
#include <bit>
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

// Takes one instance down: its scheduled completion, timeout or blocked publish becomes void,
// its unacked work (the running copy, then what it prefetched) is appended to `giveBack`.
void Bus::takeDown(std::uint32_t serviceIndex, std::uint32_t index,
                   std::vector<Delivery>& giveBack) {
  ServiceState& service = m_services[serviceIndex];
  Instance& instance = service.instances[index];
  ++instance.token;
  const bool running =
      instance.state == InstanceState::Busy || instance.state == InstanceState::Publishing;
  if (instance.state == InstanceState::Publishing) {
    // Follow-ups decided but not yet published are lost with the instance; the redelivered
    // event publishes them again unless an idempotent service skips it as already processed.
    service.counters.unpublishedFollowUps +=
        static_cast<std::uint64_t>(std::popcount(instance.emitsLeft));
  }
  const bool wasZombie = instance.zombie;
  instance.zombie = false;
  instance.emitsLeft = 0;
  instance.deadLetterPending = false;
  instance.unacked = 0;
  setInstanceState(serviceIndex, index, InstanceState::Down);
  if (running) {
    const Delivery current = instance.current;
    m_observer.onAttemptEnded(m_scheduler.now, attemptInfo(serviceIndex, index),
                              m_events[current.event],
                              AttemptEnd{.outcome = AttemptOutcome::Crashed});
    if (wasZombie) {
      releaseCopy(current.event);  // the broker already took this one back
    } else {
      changeInProcess(service, service.queues[instance.currentQueue], -1);
      giveBack.push_back(current);
    }
  }
  while (!instance.prefetched.empty())
    giveBack.push_back(instance.prefetched.popFront());
}

void Bus::bringUp(std::uint32_t serviceIndex, std::uint32_t index) {
  Instance& instance = m_services[serviceIndex].instances[index];
  ++instance.token;
  instance.zombie = false;
  instance.unacked = 0;
  // `available` stays as it is: if set, the instance is still listed for credit.
  setInstanceState(serviceIndex, index, InstanceState::Idle);
}

// Crashes up to `count` running instances at once, lowest index first. All go down before their
// work is given back, so none of it lands on an instance crashing in the same instant. With a
// duration, exactly these instances come back after it.
void Bus::crash(std::uint32_t serviceIndex, int count, std::optional<SimTime> duration) {
  ServiceState& service = m_services[serviceIndex];
  std::vector<std::uint32_t> victims;
  for (std::uint32_t i = 0;
       i < service.instances.size() && static_cast<int>(victims.size()) < count; ++i) {
    const InstanceState state = service.instances[i].state;
    if (state != InstanceState::Down && state != InstanceState::Removed) victims.push_back(i);
  }
  if (victims.empty()) return;
  m_giveBack.clear();
  for (std::uint32_t i : victims)
    takeDown(serviceIndex, i, m_giveBack);
  recountMembers(serviceIndex);
  if (service.mode == DeliveryMode::Partitioned) rebalance(serviceIndex);
  returnCopies(serviceIndex, m_giveBack, DeliveryCause::CrashRedelivery);
  if (duration) {
    m_recoveries.push_back(std::move(victims));
    m_scheduler.after(*duration, ActionKind::RecoverInstances, serviceIndex,
                      static_cast<std::uint32_t>(m_recoveries.size() - 1));
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

// The end of a crash with a duration: the instances it took down come back, if still down.
void Bus::onRecovery(std::uint32_t serviceIndex, std::uint32_t recovery) {
  bool any = false;
  for (std::uint32_t i : m_recoveries[recovery]) {
    if (m_services[serviceIndex].instances[i].state != InstanceState::Down) continue;
    bringUp(serviceIndex, i);
    any = true;
  }
  m_recoveries[recovery].clear();
  if (any) joinGroup(serviceIndex);
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

// Instances provisioned: all but the removed ones. Crashed instances and zombies count: they
// come back, like pods a deployment restarts, so scaling never ends above what was asked.
std::uint32_t Bus::provisioned(const ServiceState& service) {
  return static_cast<std::uint32_t>(
      std::count_if(service.instances.begin(), service.instances.end(),
                    [](const Instance& i) { return i.state != InstanceState::Removed; }));
}

// Sets how many instances are provisioned: adds new (or previously removed) ones, or removes
// crashed ones first and then idle ones, highest index first. Busy instances are never removed
// mid-attempt (the autoscaler tries again at its next check).
void Bus::setInstances(std::uint32_t serviceIndex, int count) {
  ServiceState& service = m_services[serviceIndex];
  count = std::clamp(count, 0, limits::kMaxInstances);
  auto current = static_cast<int>(provisioned(service));
  if (count > current) {
    for (std::uint32_t i = 0; i < service.instances.size() && current < count; ++i) {
      if (service.instances[i].state != InstanceState::Removed) continue;
      bringUp(serviceIndex, i);
      ++current;
    }
    while (current < count) {
      service.instances.emplace_back();
      service.instances.back().state = InstanceState::Removed;
      bringUp(serviceIndex, static_cast<std::uint32_t>(service.instances.size() - 1));
      ++current;
    }
    joinGroup(serviceIndex);
    return;
  }
  for (const InstanceState removable : {InstanceState::Down, InstanceState::Idle}) {
    for (auto i = static_cast<std::int64_t>(service.instances.size()) - 1;
         i >= 0 && current > count; --i) {
      Instance& instance = service.instances[static_cast<std::size_t>(i)];
      if (instance.state != removable || !instance.prefetched.empty()) continue;
      ++instance.token;
      setInstanceState(serviceIndex, static_cast<std::uint32_t>(i), InstanceState::Removed);
      --current;
    }
  }
  recountMembers(serviceIndex);
  if (service.mode == DeliveryMode::Partitioned) rebalance(serviceIndex);
}

// Like a queue-length autoscaler (KEDA) with a stabilization window (Kubernetes HPA): aim at
// target_backlog waiting events per instance, never below the instances busy right now; scale
// up at once, scale down only to the highest target of the last five checks, so a queue that
// has just drained does not make the group flap.
void Bus::onAutoscaleCheck(std::uint32_t serviceIndex) {
  ServiceState& service = m_services[serviceIndex];
  const AutoscaleSpec& rule = *service.autoscale;
  const auto waiting = static_cast<double>(service.waiting());
  // In double, clamped before the cast: waiting / target_backlog may be beyond any int.
  const double aim = std::ceil(waiting / std::max(1e-9, rule.targetBacklog));
  const int forBacklog = static_cast<int>(std::min(aim, static_cast<double>(rule.max)));
  const int wanted = std::clamp(std::max(forBacklog, static_cast<int>(service.busyInstances())),
                                rule.min, rule.max);
  auto& recent = service.recentScaleTargets;
  recent[service.scaleChecks++ % recent.size()] = wanted;
  const std::size_t window = std::min<std::size_t>(service.scaleChecks, recent.size());
  const int stable = *std::max_element(recent.begin(), recent.begin() + static_cast<long>(window));
  const auto current = static_cast<int>(provisioned(service));
  if (wanted > current) {
    setInstances(serviceIndex, wanted);
  } else if (stable < current) {
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

// Publishes one event from outside the model (a fault, or the GUI). It is drafted once, so if
// a full topic holds it back, it is published unchanged when there is room.
void Bus::inject(const InjectSpec& injection) {
  const auto topic = findTopic(injection.topic);
  if (!topic) return;
  const KeyId key = injection.key ? m_keys.intern(*injection.key) : kNoKey;
  m_injections.push_back(Draft{.topic = *topic,
                               .partition = partitionFor(m_topics[*topic], key, m_injectionRng),
                               .type = internType(injection.event),
                               .schema = static_cast<std::uint16_t>(injection.schema),
                               .key = key,
                               .payload = internPayload(injection.payload)});
  const auto index = static_cast<std::uint32_t>(m_injections.size() - 1);
  publish(m_injections.back(), PublisherRef{PublisherRef::Kind::Injection, index});
}

// Redrive is an injection whose cause is the dead letter: drafted once like any injection, so
// a full topic holds it back unchanged, and recorded as injected (it is not an external input:
// it has a cause, so a what-if replay leaves it out).
std::uint64_t Bus::redrive(const DeadLetter& letter) {
  // A letter from another run could name types, keys or payloads this bus never interned.
  const bool keyKnown = letter.key == kNoKey || letter.key < KeyTable::kInternedBase ||
                        letter.key - KeyTable::kInternedBase < m_keys.internedCount();
  if (letter.topic >= m_topics.size() || letter.type >= m_eventTypes.size() ||
      letter.payload >= m_payloads.size() || !keyKnown) {
    return 0;
  }
  const auto partitions = static_cast<std::uint32_t>(m_topics[letter.topic].partitions);
  m_injections.push_back(Draft{.topic = letter.topic,
                               .partition = letter.partition % std::max(1u, partitions),
                               .type = letter.type,
                               .schema = letter.schema,
                               .key = letter.key,
                               .payload = letter.payload,
                               .correlationId = letter.correlationId,
                               .causationId = letter.id});
  const auto index = static_cast<std::uint32_t>(m_injections.size() - 1);
  const std::uint64_t id = m_nextEventId;
  const Admission admission =
      publish(m_injections.back(), PublisherRef{PublisherRef::Kind::Injection, index});
  return admission == Admission::Published ? id : 0;
}

void Bus::onFault(std::uint32_t index, bool begins) {
  const FaultSpec& fault = m_scenario.faults[index];
  m_observer.onFault(m_scheduler.now, fault, begins);
  switch (fault.kind) {
    case FaultSpec::Kind::Crash:
      if (const auto service = findService(fault.target)) {
        // With `for`, crash() schedules the recovery of exactly the instances it took down.
        if (begins) crash(*service, fault.instances, fault.duration);
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
      if (begins) inject(fault.inject);
      break;
    case FaultSpec::Kind::Duplicate:
      if (const auto topic = findTopic(fault.target)) {
        setDuplication(*topic, begins ? fault.fraction : 0.0);
      }
      break;
  }
}

}  // namespace eventscope::core
