#include "core/io/node_fields.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>

#include "core/io/scenario_reader.h"
#include "core/io/scenario_writer.h"
#include "core/model/scenario_edits.h"

namespace eventscope::core {

namespace {
const std::vector<std::string>& keysOf(const FieldOwner& owner) {
  static const std::vector<std::string> model = {"name", "seed", "duration", "warmup", "faults"};
  static const std::vector<std::string> topic = {"name", "partitions", "capacity", "overflow"};
  static const std::vector<std::string> producer = {"name",  "topic",    "event",  "schema",
                                                    "rate",  "arrivals", "keys",   "count",
                                                    "start", "stop",     "payload"};
  static const std::vector<std::string> service = {
      "name",        "subscribes",  "delivery",       "instances",   "service_time",
      "prefetch",    "ack_timeout", "failure_rate",   "poison_keys", "retry",
      "dead_letter", "idempotent",  "accepts_schema", "emits",       "autoscale"};
  if (!owner) return model;
  switch (owner->kind) {
    case NodeKind::Topic:
      return topic;
    case NodeKind::Producer:
      return producer;
    case NodeKind::Service:
      return service;
  }
  return model;
}

const char* sectionOf(NodeKind kind) {
  switch (kind) {
    case NodeKind::Topic:
      return "topics";
    case NodeKind::Producer:
      return "producers";
    case NodeKind::Service:
      return "services";
  }
  return "";
}

// The smallest scenario that holds the owner and what it refers to, so one unfinished node
// elsewhere does not block an edit here: for a node, the model's topics (as plain declared
// topics: bounds checks belong to the topic itself) and, for a topic, the services reading it;
// for the scenario's own fields, the whole model (faults name nodes).
Scenario probeFor(const Scenario& scenario, const FieldOwner& owner) {
  if (!owner) return scenario;
  Scenario probe;
  probe.name = scenario.name;
  probe.seed = scenario.seed;
  probe.duration = scenario.duration;
  probe.topics = scenario.topics;
  for (std::size_t t = 0; t < probe.topics.size(); ++t) {
    TopicSpec& topic = probe.topics[t];
    topic.implicit = false;
    if (owner->kind == NodeKind::Topic && t == owner->index) continue;
    topic.capacity.reset();
    topic.overflow = Overflow::Block;
  }
  switch (owner->kind) {
    case NodeKind::Topic: {
      const std::string& name = scenario.topics.at(owner->index).name;
      for (const ServiceSpec& service : scenario.services)
        if (std::find(service.subscribes.begin(), service.subscribes.end(), name) !=
            service.subscribes.end())
          probe.services.push_back(service);
      break;
    }
    case NodeKind::Producer:
      probe.producers = {scenario.producers.at(owner->index)};
      break;
    case NodeKind::Service:
      probe.services = {scenario.services.at(owner->index)};
      break;
  }
  return probe;
}

// The YAML map the owner's fields live in, inside the probe's document.
YAML::Node ownerMap(YAML::Node& root, const FieldOwner& owner) {
  if (!owner) return root;
  const std::size_t index = owner->kind == NodeKind::Topic ? owner->index : 0;
  return root[sectionOf(owner->kind)][index];
}

std::string flowText(const YAML::Node& node) {
  YAML::Emitter out;
  out.SetMapFormat(YAML::Flow);
  out.SetSeqFormat(YAML::Flow);
  out << node;
  return out.c_str();
}

std::string blockText(const YAML::Node& node) {
  YAML::Emitter out;
  out << node;
  return std::string(out.c_str()) + "\n";
}

std::vector<std::string> messages(const Diagnostics& errors) {
  std::vector<std::string> result;
  for (const Diagnostic& d : errors)
    result.push_back(d.message);
  return result;
}
}  // namespace

std::vector<NodeField> nodeFields(const Scenario& scenario, const FieldOwner& owner) {
  YAML::Node root = YAML::Load(writeScenario(probeFor(scenario, owner)));
  YAML::Node map = ownerMap(root, owner);
  std::vector<NodeField> fields;
  for (const std::string& key : keysOf(owner)) {
    NodeField field{key, {}};
    if (map[key]) field.value = flowText(map[key]);
    fields.push_back(std::move(field));
  }
  return fields;
}

FieldEdit editField(const Scenario& scenario, const FieldOwner& owner, const std::string& key,
                    const std::string& value) {
  FieldEdit result;
  const auto& keys = keysOf(owner);
  if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
    result.errors.push_back("unknown field '" + key + "'");
    return result;
  }
  if (owner && key == "name") {
    Scenario renamed = scenario;
    std::string error;
    try {
      const YAML::Node node = YAML::Load(value);
      error = node.IsScalar() ? renameNode(renamed, *owner, node.Scalar())
                              : "a name is one word or a quoted text";
    } catch (const YAML::Exception& e) {
      error = "not valid YAML: " + e.msg;
    }
    if (!error.empty()) {
      result.errors.push_back(error);
      return result;
    }
    syncImplicitTopics(renamed);
    result.scenario = std::move(renamed);
    return result;
  }

  YAML::Node root = YAML::Load(writeScenario(probeFor(scenario, owner)));
  YAML::Node map = ownerMap(root, owner);
  if (value.find_first_not_of(" \t") == std::string::npos) {
    map.remove(key);
  } else {
    try {
      map[key] = YAML::Load(value);
    } catch (const YAML::Exception& e) {
      result.errors.push_back("not valid YAML: " + e.msg);
      return result;
    }
  }
  ScenarioReadResult read = parseScenario(blockText(root), "model");
  if (!read.ok()) {
    result.errors = messages(read.errors);
    return result;
  }
  Scenario edited = scenario;
  const Scenario& probe = *read.scenario;
  if (!owner) {
    edited.name = probe.name;
    edited.seed = probe.seed;
    edited.duration = probe.duration;
    edited.warmup = probe.warmup;
    edited.faults = probe.faults;
  } else if (owner->kind == NodeKind::Topic) {
    const bool implicit = edited.topics[owner->index].implicit;
    edited.topics[owner->index] = probe.topics.at(owner->index);
    // An implicit dead-letter topic becomes a declared one once a person sets its fields.
    edited.topics[owner->index].implicit = implicit && value.empty();
  } else if (owner->kind == NodeKind::Producer) {
    edited.producers[owner->index] = probe.producers.front();
  } else {
    edited.services[owner->index] = probe.services.front();
  }
  syncImplicitTopics(edited);
  result.scenario = std::move(edited);
  return result;
}

void syncImplicitTopics(Scenario& scenario) {
  std::set<std::string> named;
  for (const ServiceSpec& service : scenario.services)
    if (service.deadLetter) named.insert(*service.deadLetter);
  scenario.topics.erase(
      std::remove_if(scenario.topics.begin(), scenario.topics.end(),
                     [&](const TopicSpec& t) { return t.implicit && named.count(t.name) == 0; }),
      scenario.topics.end());
  for (const std::string& name : named) {
    if (scenario.findTopic(name) != nullptr) continue;
    TopicSpec topic;
    topic.name = name;
    topic.implicit = true;
    scenario.topics.push_back(std::move(topic));
  }
}

std::vector<ModelProblem> modelProblems(const Scenario& scenario) {
  const std::string text = writeScenario(scenario);
  const ScenarioReadResult read = parseScenario(text, "model");
  if (read.errors.empty()) return {};
  // Which entry each line of the written text belongs to: sections start at column 0, entries
  // with "  - ". Implicit topics are not written, so written topic i is declared topic i.
  std::vector<FieldOwner> lineOwner{FieldOwner{}};  // 1-based lines
  std::optional<NodeKind> section;
  std::uint32_t entry = 0;
  bool inEntry = false;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string_view line(text.data() + start, end - start);
    if (!line.empty() && line[0] != ' ' && line[0] != '#') {
      section.reset();
      inEntry = false;
      entry = 0;
      if (line.rfind("topics:", 0) == 0) section = NodeKind::Topic;
      if (line.rfind("producers:", 0) == 0) section = NodeKind::Producer;
      if (line.rfind("services:", 0) == 0) section = NodeKind::Service;
    } else if (section && line.rfind("  - ", 0) == 0) {
      if (inEntry) ++entry;
      inEntry = true;
    }
    lineOwner.push_back(section && inEntry ? FieldOwner(NodeRef{*section, entry}) : FieldOwner{});
    start = end + 1;
  }
  std::vector<ModelProblem> problems;
  for (const Diagnostic& d : read.errors) {
    const auto line = static_cast<std::size_t>(d.line);
    problems.push_back({line < lineOwner.size() ? lineOwner[line] : FieldOwner{}, d.message});
  }
  return problems;
}

}  // namespace eventscope::core
