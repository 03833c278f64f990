#include "support/random_scenario.h"

#include <string>

#include "core/sim/random_stream.h"

namespace eventscope::core::testing {

namespace {
struct Dice {
  RandomStream rng;
  int between(int low, int high) {  // inclusive
    return low + static_cast<int>(rng.below(static_cast<std::uint64_t>(high - low + 1)));
  }
  bool chance(double p) { return rng.uniform() < p; }
  double real(double low, double high) { return low + (high - low) * rng.uniform(); }
  SimTime millis(double low, double high) {
    return static_cast<SimTime>(real(low, high) * kMillisecond);
  }
};

Distribution randomServiceTime(Dice& d) {
  const SimTime mean = d.millis(0.2, 4);
  switch (d.between(0, 3)) {
    case 0:
      return {.kind = Distribution::Kind::Constant, .first = mean};
    case 1:
      return {.kind = Distribution::Kind::Uniform, .first = mean / 2, .second = mean * 3 / 2};
    case 2:
      return {.kind = Distribution::Kind::Lognormal, .first = mean, .second = mean / 2};
    default:
      return {.kind = Distribution::Kind::Exponential, .first = mean};
  }
}
}  // namespace

Scenario randomScenario(std::uint64_t seed) {
  Dice d{RandomStream(seed * 7919 + 1)};
  Scenario s;
  s.name = "random-" + std::to_string(seed);
  s.seed = seed;
  s.duration = d.millis(300, 1500);
  const int topicCount = d.between(1, 4);
  for (int t = 0; t < topicCount; ++t) {
    TopicSpec topic{.name = "t" + std::to_string(t), .partitions = d.between(1, 4)};
    if (d.chance(0.4)) {
      topic.capacity = static_cast<std::uint64_t>(d.between(1, 30));
      topic.overflow = static_cast<Overflow>(d.between(0, 3));
    }
    s.topics.push_back(topic);
  }
  s.topics.push_back({.name = "dlq", .partitions = 1});
  if (d.chance(0.3)) {
    // Nobody reads the dead-letter topic: a bounded one keeps a store (block is invalid there).
    s.topics.back().capacity = static_cast<std::uint64_t>(d.between(1, 5));
    s.topics.back().overflow = static_cast<Overflow>(d.between(1, 3));
  }

  const int producerCount = d.between(1, 3);
  for (int p = 0; p < producerCount; ++p) {
    ProducerSpec producer{.name = "p" + std::to_string(p),
                          .topic = "t" + std::to_string(d.between(0, topicCount - 1)),
                          .event = "E" + std::to_string(p),
                          .schema = d.between(1, 2),
                          .ratePerSecond = d.real(50, 3000),
                          .arrivals = d.chance(0.8) ? Arrivals::Poisson : Arrivals::Constant};
    if (d.chance(0.7)) {
      producer.keys = {.kind = d.chance(0.8) ? KeySpace::Kind::Uniform : KeySpace::Kind::Zipf,
                       .count = static_cast<std::uint64_t>(d.between(1, 50)),
                       .exponent = 1.1};
    }
    if (d.chance(0.2)) producer.count = static_cast<std::uint64_t>(d.between(1, 200));
    if (d.chance(0.2)) producer.start = d.millis(0, 100);
    if (d.chance(0.2)) producer.stop = producer.start + d.millis(50, 400);
    s.producers.push_back(producer);
  }

  const int serviceCount = d.between(1, 4);
  for (int i = 0; i < serviceCount; ++i) {
    // Each service reads one topic and may emit only to higher-numbered ones: no cycles.
    const int reads = d.between(0, topicCount - 1);
    ServiceSpec service;
    service.name = "s" + std::to_string(i);
    service.subscribes = {"t" + std::to_string(reads)};
    service.subscribesPos = {SourcePos{}};
    service.delivery = d.chance(0.5) ? DeliveryMode::Shared : DeliveryMode::Partitioned;
    service.instances = d.between(1, 4);
    service.serviceTime = randomServiceTime(d);
    service.prefetch = d.between(1, 3);
    if (d.chance(0.25)) service.ackTimeout = d.millis(1, 6);
    service.failureRate = d.chance(0.5) ? d.real(0, 0.3) : 0;
    if (d.chance(0.3)) service.poisonKeys = {"k" + std::to_string(d.between(0, 5))};
    if (d.chance(0.6)) {
      service.retry = {.maxAttempts = d.between(1, 4),
                       .backoff = d.millis(0, 20),
                       .multiplier = d.real(1, 3),
                       .maxBackoff = d.millis(5, 50)};
    }
    if (d.chance(0.6)) service.deadLetter = "dlq";
    service.idempotent = d.chance(0.5);
    if (d.chance(0.2)) service.acceptsSchema = {1};
    for (int t = reads + 1; t < topicCount; ++t) {
      if (d.chance(0.4)) {
        service.emits.push_back({.topic = "t" + std::to_string(t),
                                 .event = "F" + std::to_string(t),
                                 .probability = d.chance(0.5) ? 1.0 : d.real(0, 1)});
      }
    }
    if (d.chance(0.15)) {
      service.autoscale = AutoscaleSpec{.min = 1,
                                        .max = d.between(1, 6),
                                        .targetBacklog = d.real(1, 20),
                                        .checkEvery = d.millis(20, 100)};
    }
    s.services.push_back(service);
  }

  const int faultCount = d.between(0, 4);
  for (int f = 0; f < faultCount; ++f) {
    FaultSpec fault;
    fault.at = d.millis(0, static_cast<double>(s.duration) / kMillisecond);
    if (d.chance(0.7)) fault.duration = d.millis(10, 300);
    fault.kind = static_cast<FaultSpec::Kind>(d.between(0, 4));
    switch (fault.kind) {
      case FaultSpec::Kind::Crash:
        fault.target = "s" + std::to_string(d.between(0, serviceCount - 1));
        fault.instances = d.between(1, 3);
        break;
      case FaultSpec::Kind::Slow:
        fault.target = "s" + std::to_string(d.between(0, serviceCount - 1));
        fault.factor = d.real(0.5, 20);
        break;
      case FaultSpec::Kind::Pause:
        fault.target = "p" + std::to_string(d.between(0, producerCount - 1));
        break;
      case FaultSpec::Kind::Inject:
        fault.inject = {.topic = "t" + std::to_string(d.between(0, topicCount - 1)),
                        .event = "Injected",
                        .key = "k" + std::to_string(d.between(0, 5)),
                        .schema = d.between(1, 3)};
        break;
      case FaultSpec::Kind::Duplicate:
        fault.target = "t" + std::to_string(d.between(0, topicCount - 1));
        fault.fraction = d.real(0, 1);
        break;
    }
    s.faults.push_back(fault);
  }
  return s;
}

}  // namespace eventscope::core::testing
