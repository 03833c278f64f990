#pragma once

#include <gtest/gtest.h>

#include <string>

#include "core/model/scenario.h"

namespace eventscope::core::testing {

// Expects two scenarios to be equal in every field except source positions, naming the first
// field that differs (e.g. "services[2].retry.backoff"). Doubles must be equal exactly.
inline void expectSameScenario(const Scenario& expected, const Scenario& actual) {
  auto check = [](const auto& want, const auto& got, const std::string& field) {
    EXPECT_TRUE(want == got) << field << " differs";
    return want == got;
  };
  check(expected.format, actual.format, "format");
  check(expected.name, actual.name, "name");
  check(expected.seed, actual.seed, "seed");
  check(expected.duration, actual.duration, "duration");
  check(expected.warmup, actual.warmup, "warmup");

  if (check(expected.topics.size(), actual.topics.size(), "topics.size()")) {
    for (std::size_t i = 0; i < expected.topics.size(); ++i) {
      const TopicSpec& a = expected.topics[i];
      const TopicSpec& b = actual.topics[i];
      const std::string at = "topics[" + std::to_string(i) + "].";
      check(a.name, b.name, at + "name");
      check(a.partitions, b.partitions, at + "partitions");
      check(a.capacity, b.capacity, at + "capacity");
      check(a.overflow, b.overflow, at + "overflow");
      check(a.implicit, b.implicit, at + "implicit");
    }
  }

  if (check(expected.producers.size(), actual.producers.size(), "producers.size()")) {
    for (std::size_t i = 0; i < expected.producers.size(); ++i) {
      const ProducerSpec& a = expected.producers[i];
      const ProducerSpec& b = actual.producers[i];
      const std::string at = "producers[" + std::to_string(i) + "].";
      check(a.name, b.name, at + "name");
      check(a.topic, b.topic, at + "topic");
      check(a.event, b.event, at + "event");
      check(a.schema, b.schema, at + "schema");
      check(a.ratePerSecond, b.ratePerSecond, at + "ratePerSecond");
      check(a.arrivals, b.arrivals, at + "arrivals");
      check(a.keys.kind, b.keys.kind, at + "keys.kind");
      check(a.keys.count, b.keys.count, at + "keys.count");
      check(a.keys.exponent, b.keys.exponent, at + "keys.exponent");
      check(a.count, b.count, at + "count");
      check(a.start, b.start, at + "start");
      check(a.stop, b.stop, at + "stop");
      check(a.payload, b.payload, at + "payload");
    }
  }

  if (check(expected.services.size(), actual.services.size(), "services.size()")) {
    for (std::size_t i = 0; i < expected.services.size(); ++i) {
      const ServiceSpec& a = expected.services[i];
      const ServiceSpec& b = actual.services[i];
      const std::string at = "services[" + std::to_string(i) + "].";
      check(a.name, b.name, at + "name");
      check(a.subscribes, b.subscribes, at + "subscribes");
      check(a.delivery, b.delivery, at + "delivery");
      check(a.instances, b.instances, at + "instances");
      check(a.serviceTime.kind, b.serviceTime.kind, at + "serviceTime.kind");
      check(a.serviceTime.first, b.serviceTime.first, at + "serviceTime.first");
      check(a.serviceTime.second, b.serviceTime.second, at + "serviceTime.second");
      check(a.prefetch, b.prefetch, at + "prefetch");
      check(a.ackTimeout, b.ackTimeout, at + "ackTimeout");
      check(a.failureRate, b.failureRate, at + "failureRate");
      check(a.poisonKeys, b.poisonKeys, at + "poisonKeys");
      check(a.retry.maxAttempts, b.retry.maxAttempts, at + "retry.maxAttempts");
      check(a.retry.backoff, b.retry.backoff, at + "retry.backoff");
      check(a.retry.multiplier, b.retry.multiplier, at + "retry.multiplier");
      check(a.retry.maxBackoff, b.retry.maxBackoff, at + "retry.maxBackoff");
      check(a.deadLetter, b.deadLetter, at + "deadLetter");
      check(a.idempotent, b.idempotent, at + "idempotent");
      check(a.acceptsSchema, b.acceptsSchema, at + "acceptsSchema");
      check(a.autoscale.has_value(), b.autoscale.has_value(), at + "autoscale");
      if (a.autoscale && b.autoscale) {
        check(a.autoscale->min, b.autoscale->min, at + "autoscale.min");
        check(a.autoscale->max, b.autoscale->max, at + "autoscale.max");
        check(a.autoscale->targetBacklog, b.autoscale->targetBacklog,
              at + "autoscale.targetBacklog");
        check(a.autoscale->checkEvery, b.autoscale->checkEvery, at + "autoscale.checkEvery");
      }
      if (check(a.emits.size(), b.emits.size(), at + "emits.size()")) {
        for (std::size_t e = 0; e < a.emits.size(); ++e) {
          const std::string emitAt = at + "emits[" + std::to_string(e) + "].";
          check(a.emits[e].topic, b.emits[e].topic, emitAt + "topic");
          check(a.emits[e].event, b.emits[e].event, emitAt + "event");
          check(a.emits[e].probability, b.emits[e].probability, emitAt + "probability");
          check(a.emits[e].schema, b.emits[e].schema, emitAt + "schema");
          check(a.emits[e].payload, b.emits[e].payload, emitAt + "payload");
        }
      }
    }
  }

  if (check(expected.faults.size(), actual.faults.size(), "faults.size()")) {
    for (std::size_t i = 0; i < expected.faults.size(); ++i) {
      const FaultSpec& a = expected.faults[i];
      const FaultSpec& b = actual.faults[i];
      const std::string at = "faults[" + std::to_string(i) + "].";
      check(a.kind, b.kind, at + "kind");
      check(a.at, b.at, at + "at");
      check(a.duration, b.duration, at + "duration");
      check(a.target, b.target, at + "target");
      check(a.instances, b.instances, at + "instances");
      check(a.factor, b.factor, at + "factor");
      check(a.fraction, b.fraction, at + "fraction");
      check(a.inject.topic, b.inject.topic, at + "inject.topic");
      check(a.inject.event, b.inject.event, at + "inject.event");
      check(a.inject.key, b.inject.key, at + "inject.key");
      check(a.inject.schema, b.inject.schema, at + "inject.schema");
      check(a.inject.payload, b.inject.payload, at + "inject.payload");
    }
  }

  if (check(expected.layout.size(), actual.layout.size(), "layout.size()")) {
    for (std::size_t i = 0; i < expected.layout.size(); ++i) {
      const std::string at = "layout[" + std::to_string(i) + "].";
      check(expected.layout[i].node, actual.layout[i].node, at + "node");
      check(expected.layout[i].x, actual.layout[i].x, at + "x");
      check(expected.layout[i].y, actual.layout[i].y, at + "y");
    }
  }
}

}  // namespace eventscope::core::testing
