#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/bus/bus_state.h"
#include "core/bus/dead_letter.h"
#include "core/bus/external_input.h"
#include "core/bus/key_table.h"
#include "core/model/limits.h"
#include "core/model/scenario.h"
#include "core/sim/engine_observer.h"
#include "core/sim/scheduler.h"

namespace eventscope::core {

// The event bus: topics, producers and consumer services with their delivery semantics
// (DESIGN.md §2). It reacts to the actions the engine pops and schedules new ones; everything
// that happens is reported to the observer. Single-threaded and deterministic.
class Bus {
 public:
  Bus(const Scenario& scenario, Scheduler& scheduler, EngineObserver& observer);
  Bus(const Bus&) = delete;
  Bus& operator=(const Bus&) = delete;

  void start();
  void handle(const Action& action);

  // Interventions: scenario faults use them, and the GUI injects the same ones live.
  void crash(std::uint32_t service, int count, std::optional<SimTime> duration);
  void recover(std::uint32_t service, int count);
  void setInstances(std::uint32_t service, int count);
  void setSlowFactor(std::uint32_t service, double factor);
  void setProducerPaused(std::uint32_t producer, bool paused);
  void inject(const InjectSpec& injection);
  void setDuplication(std::uint32_t topic, double fraction);
  // Redrive: publishes a dead letter again onto its original topic and partition, now, as a
  // new event with the same type, key, schema, payload and correlation id, caused by the
  // dead-letter copy (letter.id). Returns the new event's id, or 0 when the topic is full: with
  // overflow `block` it is published as soon as there is room, with `reject` it is refused.
  std::uint64_t redrive(const DeadLetter& letter);

  // What-if replay: publishes the source's inputs at their times instead of the producers'
  // own events. Producers publish nothing themselves (an input of a paused producer is
  // skipped) and the scenario's inject faults are left out: the inputs hold what was injected.
  // Call before start(); the source must outlive the run.
  void replayInputs(ExternalInputSource& source);

  // Read access for observers, metrics and tests.
  const std::vector<TopicState>& topics() const { return m_topics; }
  const std::vector<ServiceState>& services() const { return m_services; }
  const std::vector<ProducerState>& producers() const { return m_producers; }
  const std::string& eventType(std::uint16_t type) const { return m_eventTypes[type]; }
  std::size_t eventTypeCount() const { return m_eventTypes.size(); }
  std::size_t payloadCount() const { return m_payloads.size(); }
  // An event's payload as compact JSON text (empty: none).
  const std::string& payload(std::uint32_t index) const { return m_payloads[index]; }
  const KeyTable& keys() const { return m_keys; }
  const Scenario& scenario() const { return m_scenario; }
  const EventPool& events() const { return m_events; }
  std::uint64_t partitionDepth(std::uint32_t topic, std::uint32_t partition) const;
  std::uint64_t eventsPublished() const { return m_nextEventId - 1; }
  std::optional<std::uint32_t> findTopic(std::string_view name) const;
  std::optional<std::uint32_t> findService(std::string_view name) const;
  std::optional<std::uint32_t> findProducer(std::string_view name) const;
  SimTime now() const { return m_scheduler.now; }

 private:
  // Where an event to publish comes from and what it carries (its id is given on admission).
  struct Draft {
    std::uint32_t topic = 0;
    std::uint32_t partition = 0;
    std::uint16_t type = 0;
    std::uint16_t schema = 1;
    KeyId key = kNoKey;
    std::uint32_t payload = kNoPayload;
    std::uint64_t correlationId = 0;  // 0: a new chain, the event's own id
    std::uint64_t causationId = 0;
    std::uint32_t origin = 0;
  };
  enum class Admission { Published, Rejected, Blocked };

  // bus.cpp: topology
  void buildTopics();
  void buildProducers();
  void buildServices();
  std::uint16_t internType(const std::string& name);
  std::uint32_t internPayload(const std::string& payload);
  std::uint32_t partitionFor(const TopicState& topic, KeyId key, RandomStream& rng) const;

  // bus_publish.cpp: admission, overflow, backpressure, producers
  // canWait: false for the broker's own publishes, which are refused instead of blocked.
  Admission publish(const Draft& draft, const PublisherRef& by, bool canWait = true);
  bool hasRoom(const TopicState& topic, std::uint32_t partition) const;
  Event eventFrom(const Draft& draft, std::uint64_t id) const;
  void enqueueCopy(std::uint32_t service, std::uint32_t queue, EventSlot slot, std::uint8_t sub,
                   DeliveryCause cause);
  bool evictOldest(std::uint32_t service, std::uint32_t queue);
  // A queue of this topic partition lost a copy: blocked publishers may go on.
  void onQueueShrunk(std::uint32_t topic, std::uint32_t partition) {
    if (!m_topics[topic].parts[partition].blocked.empty()) admitBlocked(topic, partition);
  }
  void admitBlocked(std::uint32_t topic, std::uint32_t partition);
  void resumePublisher(const PublisherRef& by);
  void onProducerArrival(std::uint32_t producer, std::uint32_t generation);
  bool publishProducerEvent(std::uint32_t producer);
  void scheduleNextArrival(std::uint32_t producer);
  // A service's copy of an event leaves it; true if the service still holds another copy.
  static bool leaveCopy(Event& event, std::uint8_t subscriber) {
    const std::uint32_t bit = 1u << subscriber;
    const bool another = (event.twoCopiesMask & bit) != 0;
    event.twoCopiesMask &= ~bit;
    return another;
  }
  void releaseCopy(EventSlot slot) {
    if (--m_events[slot].copies == 0) m_events.release(slot);
  }

  // bus_shared.cpp / bus_partitioned.cpp: who gets the next copy
  void offer(std::uint32_t service, std::uint32_t queue, const Delivery& copy, bool atFront);
  void dispatchShared(std::uint32_t service);
  void grantCredit(std::uint32_t service, std::uint32_t instance);
  void dispatchPartitioned(std::uint32_t service, std::uint32_t instance);
  void kickPartitionOwner(std::uint32_t service, std::uint32_t queue);
  void rebalance(std::uint32_t service);
  void recountMembers(std::uint32_t service);
  void returnCopies(std::uint32_t service, const std::vector<Delivery>& copies,
                    DeliveryCause cause);
  // The instance has finished its attempt: it is idle, and back in the group if it was a
  // zombie. Called before the attempt's end is reported, so observers see it as it now is.
  bool settleInstance(std::uint32_t serviceIndex, std::uint32_t index) {
    ServiceState& service = m_services[serviceIndex];
    Instance& instance = service.instances[index];
    const bool rejoins = instance.zombie;
    instance.zombie = false;
    if (rejoins) recountMembers(serviceIndex);
    if (instance.state != InstanceState::Idle) setBusy(service, instance, false);
    return rejoins;
  }
  void takeNextWork(std::uint32_t service, std::uint32_t instance, bool rejoined);

  // bus_attempts.cpp: processing, acks, retries, dead letters, follow-ups
  void startAttempt(std::uint32_t service, std::uint32_t instance, std::uint32_t queue,
                    Delivery copy);
  void onAttemptComplete(std::uint32_t service, std::uint32_t instance, std::uint32_t token);
  void onAckTimeout(std::uint32_t service, std::uint32_t instance, std::uint32_t token);
  void onRetryDue(std::uint32_t service, std::uint32_t slotOrQueue);
  Draft deadLetterDraft(std::uint32_t service, const Event& input, std::uint32_t partition) const;
  void failAttempt(std::uint32_t service, std::uint32_t instance, FailureKind failure);
  void continuePublishing(std::uint32_t service, std::uint32_t instance);
  void finishCopy(std::uint32_t service, std::uint32_t instance);
  AttemptInfo attemptInfo(std::uint32_t service, std::uint32_t index) const {
    const Instance& instance = m_services[service].instances[index];
    return {service, index, instance.currentQueue, instance.startedAt, instance.current};
  }
  // The service queue a copy belongs to: its topic partition, as seen by that subscriber.
  std::uint32_t queueOf(const Delivery& copy) const {
    const Event& event = m_events[copy.event];
    return m_topics[event.topic].subscribers[copy.subscriber].firstQueue + event.partition;
  }
  // Idle <-> Busy: the hot transitions, which observers do not hear about (see setInstanceState).
  void setBusy(ServiceState& service, Instance& instance, bool busy) {
    instance.state = busy ? InstanceState::Busy : InstanceState::Idle;
    service.load.add(m_scheduler.now, ServiceState::kBusy, busy ? 1 : -1);
  }
  // Every change of a queue's held / in-process counts goes through here (kept time-weighted).
  void changeHeld(ServiceState& service, ServiceQueue& queue, std::int64_t delta) {
    queue.load.add(m_scheduler.now, ServiceQueue::kHeld, delta);
    service.heldTotal += static_cast<std::uint64_t>(delta);
  }
  void changeDelayed(ServiceState& service, ServiceQueue& queue, std::int64_t delta) {
    queue.load.add(m_scheduler.now, ServiceQueue::kDelayed, delta);
    service.delayedTotal += static_cast<std::uint64_t>(delta);
  }
  void changeInProcess(ServiceState& service, ServiceQueue& queue, std::int64_t delta) {
    queue.load.add(m_scheduler.now, ServiceQueue::kInProcess, delta);
    service.inProcessTotal += static_cast<std::uint64_t>(delta);
  }
  void markDone(std::uint32_t service, AttemptOutcome outcome, const Event& event);

  // bus_replay.cpp: external inputs of a what-if replay
  void onReplayInput();
  std::uint32_t partitionOf(std::uint32_t topic, KeyId key, std::uint32_t recorded);
  void scheduleNextReplayInput();
  void publishReplayed(const Draft& draft, const PublisherRef& by);

  // bus_faults.cpp: faults, scaling
  void onFault(std::uint32_t fault, bool begins);
  void onAutoscaleCheck(std::uint32_t service);
  void takeDown(std::uint32_t service, std::uint32_t instance, std::vector<Delivery>& giveBack);
  void onRecovery(std::uint32_t service, std::uint32_t recovery);
  static std::uint32_t provisioned(const ServiceState& service);
  void bringUp(std::uint32_t service, std::uint32_t instance);
  void joinGroup(std::uint32_t service);
  void setInstanceState(std::uint32_t service, std::uint32_t instance, InstanceState state);

  const Scenario& m_scenario;
  Scheduler& m_scheduler;
  EngineObserver& m_observer;
  std::vector<TopicState> m_topics;
  std::vector<ServiceState> m_services;
  std::vector<ProducerState> m_producers;
  std::vector<std::string> m_eventTypes;
  std::vector<std::string> m_payloads;  // [0] is "no payload"
  KeyTable m_keys;
  EventPool m_events;
  std::uint64_t m_nextEventId = 1;
  std::vector<std::vector<std::uint32_t>> m_recoveries;  // instances each timed crash took down
  std::vector<Draft> m_injections;   // every injected event, kept for a resume after blocking
  RandomStream m_injectionRng;       // partitions of keyless injected events
  std::vector<Delivery> m_giveBack;  // scratch: copies a crash or timeout hands back
  struct Wakeup {
    std::uint32_t topic = 0;
    std::uint32_t partition = 0;
  };
  RingBuffer<Wakeup> m_wakeups;  // partitions whose blocked publishers may go on
  bool m_drainingWakeups = false;
  std::vector<std::uint32_t> m_members;  // scratch for rebalance
  ExternalInputSource* m_replay = nullptr;
  ExternalInput m_nextInput;  // the replay input scheduled next
  std::unordered_map<std::string, std::uint32_t> m_replayPayloads;  // interned once each
};

}  // namespace eventscope::core
