#include "core/io/scenario_writer.h"

#include <algorithm>

#include "core/io/yaml_writing.h"

namespace eventscope::core {

namespace {

using detail::FlowMap;
using detail::yamlDuration;
using detail::yamlNumber;
using detail::yamlPayload;
using detail::yamlRate;
using detail::yamlString;

std::string integer(std::int64_t value) {
  return std::to_string(value);
}

std::string unsignedInteger(std::uint64_t value) {
  return std::to_string(value);
}

// Appends `key: value` lines at one indentation.
class Block {
 public:
  Block(std::string& out, int indent) : m_out(out), m_indent(static_cast<std::size_t>(indent)) {}

  void field(std::string_view key, const std::string& value) {
    m_out.append(m_indent, ' ').append(key).append(": ").append(value).append("\n");
  }
  // The first field of a list entry, which carries the `- `.
  void firstField(std::string_view key, const std::string& value) {
    m_out.append(m_indent - 2, ' ').append("- ").append(key).append(": ").append(value);
    m_out.append("\n");
  }

 private:
  std::string& m_out;
  std::size_t m_indent;
};

std::string flowList(const std::vector<std::string>& items) {
  std::string text = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    text += (i == 0 ? "" : ", ") + items[i];
  }
  return text + "]";
}

void writeTopics(std::string& out, const Scenario& scenario) {
  const bool anyDeclared = std::any_of(scenario.topics.begin(), scenario.topics.end(),
                                       [](const TopicSpec& t) { return !t.implicit; });
  if (!anyDeclared) {
    return;
  }
  out += "\ntopics:\n";
  for (const TopicSpec& topic : scenario.topics) {
    if (topic.implicit) {
      continue;  // the reader adds it again from the service's dead_letter
    }
    Block entry(out, 4);
    entry.firstField("name", yamlString(topic.name));
    if (topic.partitions != 1) {
      entry.field("partitions", integer(topic.partitions));
    }
    if (topic.capacity) {
      entry.field("capacity", unsignedInteger(*topic.capacity));
    }
    // A bounded topic says what happens when it is full, even when that is the default.
    if (topic.overflow != Overflow::Block || topic.capacity) {
      entry.field("overflow", overflowName(topic.overflow));
    }
  }
}

std::string keysText(const KeySpace& keys) {
  if (keys.kind == KeySpace::Kind::Uniform) {
    return unsignedInteger(keys.count);
  }
  return FlowMap()
      .add("zipf", unsignedInteger(keys.count))
      .add("s", yamlNumber(keys.exponent))
      .text();
}

void writeProducers(std::string& out, const Scenario& scenario) {
  if (scenario.producers.empty()) {
    return;
  }
  out += "\nproducers:\n";
  for (const ProducerSpec& producer : scenario.producers) {
    Block entry(out, 4);
    entry.firstField("name", yamlString(producer.name));
    entry.field("topic", yamlString(producer.topic));
    entry.field("event", yamlString(producer.event));
    if (producer.schema != 1) {
      entry.field("schema", integer(producer.schema));
    }
    entry.field("rate", yamlRate(producer.ratePerSecond));
    if (producer.arrivals != Arrivals::Poisson) {
      entry.field("arrivals", "constant");
    }
    if (producer.keys.kind != KeySpace::Kind::None) {
      entry.field("keys", keysText(producer.keys));
    }
    if (producer.count) {
      entry.field("count", unsignedInteger(*producer.count));
    }
    if (producer.start != 0) {
      entry.field("start", yamlDuration(producer.start));
    }
    if (producer.stop) {
      entry.field("stop", yamlDuration(*producer.stop));
    }
    if (!producer.payload.empty()) {
      entry.field("payload", yamlPayload(producer.payload));
    }
  }
}

std::string serviceTimeText(const Distribution& time) {
  switch (time.kind) {
    case Distribution::Kind::Constant:
      return FlowMap().add("constant", yamlDuration(time.first)).text();
    case Distribution::Kind::Exponential:
      return FlowMap().add("exponential", yamlDuration(time.first)).text();
    case Distribution::Kind::Uniform:
      return FlowMap()
          .add("uniform", flowList({yamlDuration(time.first), yamlDuration(time.second)}))
          .text();
    case Distribution::Kind::Lognormal:
      return FlowMap()
          .add("lognormal", FlowMap()
                                .add("mean", yamlDuration(time.first))
                                .add("stddev", yamlDuration(time.second))
                                .text())
          .text();
  }
  return FlowMap().add("exponential", yamlDuration(time.first)).text();
}

std::string retryText(const RetrySpec& retry) {
  // Attempts and backoff always, as the demos do; the multiplier and the cap only where the
  // reader would assume something else: the model's defaults, with the cap raised to the
  // backoff when that is longer.
  const RetrySpec defaults;
  FlowMap map;
  map.add("max_attempts", integer(retry.maxAttempts));
  map.add("backoff", yamlDuration(retry.backoff));
  if (retry.multiplier != defaults.multiplier) {
    map.add("multiplier", yamlNumber(retry.multiplier));
  }
  if (retry.maxBackoff != std::max(defaults.maxBackoff, retry.backoff)) {
    map.add("max_backoff", yamlDuration(retry.maxBackoff));
  }
  return map.text();
}

bool retriesDiffer(const RetrySpec& a, const RetrySpec& b) {
  return a.maxAttempts != b.maxAttempts || a.backoff != b.backoff || a.multiplier != b.multiplier ||
         a.maxBackoff != b.maxBackoff;
}

std::string emitText(const EmitSpec& emit) {
  FlowMap map;
  map.add("topic", yamlString(emit.topic)).add("event", yamlString(emit.event));
  if (emit.probability != 1.0) {
    map.add("probability", yamlNumber(emit.probability));
  }
  if (emit.schema != 1) {
    map.add("schema", integer(emit.schema));
  }
  if (!emit.payload.empty()) {
    map.add("payload", yamlPayload(emit.payload));
  }
  return map.text();
}

std::string autoscaleText(const AutoscaleSpec& autoscale) {
  return FlowMap()
      .add("min", integer(autoscale.min))
      .add("max", integer(autoscale.max))
      .add("target_backlog", yamlNumber(autoscale.targetBacklog))
      .add("check_every", yamlDuration(autoscale.checkEvery))
      .text();
}

void writeService(std::string& out, const ServiceSpec& service) {
  Block entry(out, 4);
  entry.firstField("name", yamlString(service.name));
  std::vector<std::string> topics;
  for (const std::string& topic : service.subscribes) {
    topics.push_back(yamlString(topic));
  }
  entry.field("subscribes", topics.size() == 1 ? topics.front() : flowList(topics));
  entry.field("delivery", service.delivery == DeliveryMode::Shared ? "shared" : "partitioned");
  entry.field("instances", integer(service.instances));
  entry.field("service_time", serviceTimeText(service.serviceTime));
  if (service.prefetch != 1) {
    entry.field("prefetch", integer(service.prefetch));
  }
  if (service.ackTimeout) {
    entry.field("ack_timeout", yamlDuration(*service.ackTimeout));
  }
  if (service.failureRate != 0.0) {
    entry.field("failure_rate", yamlNumber(service.failureRate));
  }
  if (!service.poisonKeys.empty()) {
    std::vector<std::string> keys;
    for (const std::string& key : service.poisonKeys) {
      keys.push_back(yamlString(key));
    }
    entry.field("poison_keys", flowList(keys));
  }
  if (retriesDiffer(service.retry, RetrySpec{})) {
    entry.field("retry", retryText(service.retry));
  }
  if (service.deadLetter) {
    entry.field("dead_letter", yamlString(*service.deadLetter));
  }
  if (service.idempotent) {
    entry.field("idempotent", "true");
  }
  if (!service.acceptsSchema.empty()) {
    std::vector<std::string> versions;
    for (const int version : service.acceptsSchema) {
      versions.push_back(integer(version));
    }
    entry.field("accepts_schema", flowList(versions));
  }
  if (!service.emits.empty()) {
    out += "    emits:\n";
    for (const EmitSpec& emit : service.emits) {
      out += "      - " + emitText(emit) + "\n";
    }
  }
  if (service.autoscale) {
    entry.field("autoscale", autoscaleText(*service.autoscale));
  }
}

void writeServices(std::string& out, const Scenario& scenario) {
  if (scenario.services.empty()) {
    return;
  }
  out += "\nservices:\n";
  for (std::size_t i = 0; i < scenario.services.size(); ++i) {
    // Services are the largest entries; a blank line between them keeps each one readable.
    if (i > 0) {
      out += "\n";
    }
    writeService(out, scenario.services[i]);
  }
}

std::string faultText(const FaultSpec& fault) {
  FlowMap map;
  map.add("at", yamlDuration(fault.at));
  switch (fault.kind) {
    case FaultSpec::Kind::Crash:
      map.add("crash", yamlString(fault.target)).add("instances", integer(fault.instances));
      break;
    case FaultSpec::Kind::Pause:
      map.add("pause", yamlString(fault.target));
      break;
    case FaultSpec::Kind::Slow:
      map.add("slow", yamlString(fault.target)).add("factor", yamlNumber(fault.factor));
      break;
    case FaultSpec::Kind::Inject: {
      const InjectSpec& inject = fault.inject;
      FlowMap what;
      what.add("topic", yamlString(inject.topic)).add("event", yamlString(inject.event));
      if (inject.key) {
        what.add("key", yamlString(*inject.key));
      }
      if (inject.schema != 1) {
        what.add("schema", integer(inject.schema));
      }
      if (!inject.payload.empty()) {
        what.add("payload", yamlPayload(inject.payload));
      }
      // An inject happens once: it has no `for`.
      return map.add("inject", what.text()).text();
    }
    case FaultSpec::Kind::Duplicate: {
      // `for` inside, as DESIGN.md writes it: it belongs to the duplication.
      FlowMap what;
      what.add("topic", yamlString(fault.target)).add("fraction", yamlNumber(fault.fraction));
      if (fault.duration) {
        what.add("for", yamlDuration(*fault.duration));
      }
      return map.add("duplicate", what.text()).text();
    }
  }
  if (fault.duration) {
    map.add("for", yamlDuration(*fault.duration));
  }
  return map.text();
}

void writeFaults(std::string& out, const Scenario& scenario) {
  if (scenario.faults.empty()) {
    return;
  }
  out += "\nfaults:\n";
  for (const FaultSpec& fault : scenario.faults) {
    out += "  - " + faultText(fault) + "\n";
  }
}

}  // namespace

std::string writeScenario(const Scenario& scenario) {
  std::string out = "eventscope: 1\n";
  out += "name: " + yamlString(scenario.name) + "\n";
  out += "seed: " + unsignedInteger(scenario.seed) + "\n";
  out += "duration: " + yamlDuration(scenario.duration) + "\n";
  if (scenario.warmup != 0) {
    out += "warmup: " + yamlDuration(scenario.warmup) + "\n";
  }
  writeTopics(out, scenario);
  writeProducers(out, scenario);
  writeServices(out, scenario);
  writeFaults(out, scenario);
  if (!scenario.layout.empty()) {
    out += "\n" + detail::layoutSection(scenario.layout);
  }
  return out;
}

}  // namespace eventscope::core
