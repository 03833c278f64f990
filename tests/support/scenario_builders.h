#pragma once

#include <string>

#include "core/model/scenario.h"

// Small scenarios built in code, for tests that need a model without a YAML file.
namespace eventscope::core::testing {

inline TopicSpec topic(std::string name, int partitions = 1) {
  TopicSpec t;
  t.name = std::move(name);
  t.partitions = partitions;
  return t;
}

inline ProducerSpec producer(std::string name, std::string topicName, double rate,
                             Arrivals arrivals = Arrivals::Poisson) {
  ProducerSpec p;
  p.name = std::move(name);
  p.topic = std::move(topicName);
  p.event = "Event";
  p.ratePerSecond = rate;
  p.arrivals = arrivals;
  return p;
}

inline ServiceSpec service(std::string name, std::string topicName, Distribution serviceTime,
                           int instances = 1, DeliveryMode mode = DeliveryMode::Shared) {
  ServiceSpec s;
  s.name = std::move(name);
  s.subscribes = {std::move(topicName)};
  s.subscribesPos = {SourcePos{}};
  s.serviceTime = serviceTime;
  s.instances = instances;
  s.delivery = mode;
  return s;
}

inline Distribution exponential(SimTime mean) {
  return {.kind = Distribution::Kind::Exponential, .first = mean};
}
inline Distribution constant(SimTime value) {
  return {.kind = Distribution::Kind::Constant, .first = value};
}

// One Poisson producer at `lambda`/s into topic "in", one service with `servers` instances of
// exponential service at `mu`/s each: an M/M/c queue.
inline Scenario queueModel(double lambda, double mu, int servers, SimTime duration,
                           std::uint64_t seed = 1) {
  Scenario s;
  s.name = "queue";
  s.seed = seed;
  s.duration = duration;
  s.topics = {topic("in")};
  s.producers = {producer("source", "in", lambda)};
  s.services = {service("server", "in", exponential(static_cast<SimTime>(kSecond / mu)), servers)};
  return s;
}

}  // namespace eventscope::core::testing
