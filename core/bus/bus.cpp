#include "core/bus/bus.h"

#include <algorithm>

namespace eventscope::core {

namespace {
// Entity kinds for RandomStream::forEntity: each entity has its own stream.
enum StreamKind : std::uint32_t { kProducerStream = 1, kServiceStream, kTopicStream, kFaultStream };
}  // namespace

Bus::Bus(const Scenario& scenario, Scheduler& scheduler, EngineObserver& observer)
    : m_scenario(scenario), m_scheduler(scheduler), m_observer(observer) {
  m_payloads.emplace_back();  // kNoPayload
  buildTopics();
  buildServices();
  buildProducers();
  m_injectionRng = RandomStream::forEntity(scenario.seed, kFaultStream, 0);
}

void Bus::buildTopics() {
  for (std::size_t i = 0; i < m_scenario.topics.size(); ++i) {
    const TopicSpec& spec = m_scenario.topics[i];
    TopicState topic;
    topic.name = spec.name;
    topic.partitions = spec.partitions;
    topic.capacity = spec.capacity.value_or(kUnbounded);
    topic.overflow = spec.overflow;
    topic.parts.resize(static_cast<std::size_t>(spec.partitions));
    topic.duplicateRng = RandomStream::forEntity(m_scenario.seed, kTopicStream, i);
    m_topics.push_back(std::move(topic));
  }
}

void Bus::buildServices() {
  for (std::size_t s = 0; s < m_scenario.services.size(); ++s) {
    const ServiceSpec& spec = m_scenario.services[s];
    ServiceState service;
    service.name = spec.name;
    service.mode = spec.delivery;
    service.serviceTime = ServiceTimeSampler(spec.serviceTime);
    service.rng = RandomStream::forEntity(m_scenario.seed, kServiceStream, s);
    service.prefetch = spec.delivery == DeliveryMode::Shared ? std::max(1, spec.prefetch) : 1;
    service.ackTimeout = spec.ackTimeout.value_or(kNever);
    service.failureRate = spec.failureRate;
    service.retry = spec.retry;
    service.idempotent = spec.idempotent;
    service.autoscale = spec.autoscale;
    if (spec.deadLetter) service.deadLetterTopic = findTopic(*spec.deadLetter).value_or(kNone);
    for (int version : spec.acceptsSchema) {
      service.acceptsSchema.push_back(static_cast<std::uint16_t>(version));
    }
    for (const std::string& key : spec.poisonKeys)
      service.poisonKeys.push_back(m_keys.intern(key));
    std::sort(service.poisonKeys.begin(), service.poisonKeys.end());
    for (const EmitSpec& emit : spec.emits) {
      service.emits.push_back({.topic = findTopic(emit.topic).value_or(0),
                               .type = internType(emit.event),
                               .schema = static_cast<std::uint16_t>(emit.schema),
                               .probability = emit.probability,
                               .payload = internPayload(emit.payload)});
    }
    for (const std::string& topicName : spec.subscribes) {
      const auto topicIndex = findTopic(topicName);
      if (!topicIndex) continue;
      TopicState& topic = m_topics[*topicIndex];
      topic.subscribers.push_back(
          {static_cast<std::uint32_t>(s), static_cast<std::uint32_t>(service.queues.size())});
      for (int p = 0; p < topic.partitions; ++p) {
        ServiceQueue queue;
        queue.topic = *topicIndex;
        queue.partition = static_cast<std::uint32_t>(p);
        service.queues.push_back(std::move(queue));
      }
    }
    int instances = spec.instances;
    if (spec.autoscale) instances = std::clamp(instances, spec.autoscale->min, spec.autoscale->max);
    service.instances.resize(static_cast<std::size_t>(std::max(0, instances)));
    service.liveInstances = static_cast<std::uint32_t>(service.instances.size());
    service.load.add(0, ServiceState::kUp, service.liveInstances);
    m_services.push_back(std::move(service));
  }
}

void Bus::buildProducers() {
  for (std::size_t i = 0; i < m_scenario.producers.size(); ++i) {
    const ProducerSpec& spec = m_scenario.producers[i];
    ProducerState producer;
    producer.name = spec.name;
    producer.topic = findTopic(spec.topic).value_or(0);
    producer.type = internType(spec.event);
    producer.schema = static_cast<std::uint16_t>(spec.schema);
    producer.payload = internPayload(spec.payload);
    producer.arrivals = ArrivalSampler(spec.ratePerSecond, spec.arrivals);
    producer.keys = KeySampler(spec.keys);
    producer.rng = RandomStream::forEntity(m_scenario.seed, kProducerStream, i);
    producer.stop = spec.stop.value_or(kNever);
    if (spec.count) producer.limit = *spec.count;
    m_producers.push_back(std::move(producer));
  }
}

std::uint16_t Bus::internType(const std::string& name) {
  auto it = std::find(m_eventTypes.begin(), m_eventTypes.end(), name);
  if (it != m_eventTypes.end()) return static_cast<std::uint16_t>(it - m_eventTypes.begin());
  m_eventTypes.push_back(name);
  return static_cast<std::uint16_t>(m_eventTypes.size() - 1);
}

std::uint32_t Bus::internPayload(const std::string& payload) {
  if (payload.empty()) return kNoPayload;
  m_payloads.push_back(payload);
  return static_cast<std::uint32_t>(m_payloads.size() - 1);
}

std::uint32_t Bus::partitionFor(const TopicState& topic, KeyId key, RandomStream& rng) const {
  const auto count = static_cast<std::uint64_t>(topic.partitions);
  if (count == 1) return 0;
  // Keyed events: a stable hash of the key. Keyless events: a uniformly random partition, so a
  // Poisson stream splits into independent Poisson streams (like Kafka's random partitioner).
  if (key != kNoKey) return static_cast<std::uint32_t>(m_keys.hash(key) % count);
  return static_cast<std::uint32_t>(rng.below(count));
}

void Bus::start() {
  m_observer.onRunStart(*this);
  for (std::uint32_t p = 0; p < m_producers.size(); ++p) {
    ProducerState& producer = m_producers[p];
    // Constant arrivals begin at `start` (rate x window events in [start, stop)); Poisson ones
    // are memoryless, so the first comes one random gap after it.
    const ProducerSpec& spec = m_scenario.producers[p];
    const SimTime first =
        spec.start +
        (spec.arrivals == Arrivals::Constant ? 0 : producer.arrivals.sample(producer.rng));
    if (first < producer.stop && producer.limit > 0) {
      m_scheduler.at(first, ActionKind::ProducerArrival, p, 0, producer.generation);
    }
  }
  for (std::uint32_t s = 0; s < m_services.size(); ++s) {
    ServiceState& service = m_services[s];
    if (service.mode == DeliveryMode::Partitioned) {
      rebalance(s);
    } else {
      for (std::uint32_t i = 0; i < service.instances.size(); ++i)
        grantCredit(s, i);
    }
    if (service.autoscale) {
      m_scheduler.after(service.autoscale->checkEvery, ActionKind::AutoscaleCheck, s);
    }
  }
  for (std::uint32_t f = 0; f < m_scenario.faults.size(); ++f) {
    const FaultSpec& fault = m_scenario.faults[f];
    if (m_replay != nullptr && fault.kind == FaultSpec::Kind::Inject) continue;
    m_scheduler.at(fault.at, ActionKind::FaultBegin, f);
    if (fault.duration && fault.kind != FaultSpec::Kind::Inject) {
      m_scheduler.at(fault.at + *fault.duration, ActionKind::FaultEnd, f);
    }
  }
  if (m_replay != nullptr) scheduleNextReplayInput();
}

void Bus::handle(const Action& action) {
  switch (action.kind) {
    case ActionKind::ProducerArrival:
      onProducerArrival(action.target, action.token);
      break;
    case ActionKind::AttemptComplete:
      onAttemptComplete(action.target, action.arg, action.token);
      break;
    case ActionKind::AckTimeout:
      onAckTimeout(action.target, action.arg, action.token);
      break;
    case ActionKind::RetryDue:
      onRetryDue(action.target, action.arg);
      break;
    case ActionKind::FaultBegin:
      onFault(action.target, true);
      break;
    case ActionKind::FaultEnd:
      onFault(action.target, false);
      break;
    case ActionKind::AutoscaleCheck:
      onAutoscaleCheck(action.target);
      break;
    case ActionKind::RecoverInstances:
      onRecovery(action.target, action.arg);
      break;
    case ActionKind::ReplayInput:
      onReplayInput();
      break;
  }
}

std::uint64_t Bus::partitionDepth(std::uint32_t topicIndex, std::uint32_t partition) const {
  const TopicState& topic = m_topics[topicIndex];
  if (topic.subscribers.empty()) return topic.parts[partition].retained;
  std::uint64_t depth = 0;
  for (const auto& sub : topic.subscribers) {
    depth = std::max(depth, m_services[sub.service].queues[sub.firstQueue + partition].held());
  }
  return depth;
}

namespace {
template <typename T>
std::optional<std::uint32_t> indexByName(const std::vector<T>& items, std::string_view name) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].name == name) return static_cast<std::uint32_t>(i);
  }
  return std::nullopt;
}
}  // namespace

std::optional<std::uint32_t> Bus::findTopic(std::string_view name) const {
  return indexByName(m_topics, name);
}
std::optional<std::uint32_t> Bus::findService(std::string_view name) const {
  return indexByName(m_services, name);
}
std::optional<std::uint32_t> Bus::findProducer(std::string_view name) const {
  return indexByName(m_producers, name);
}

}  // namespace eventscope::core
