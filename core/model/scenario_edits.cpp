#include "core/model/scenario_edits.h"

#include <algorithm>

namespace eventscope::core {

namespace {
bool nameTaken(const Scenario& scenario, const std::string& name) {
  // Producers, topics and services share the canvas: one name, one node.
  return scenario.findTopic(name) != nullptr || scenario.findService(name) != nullptr ||
         scenario.findProducer(name) != nullptr;
}

template <typename T, typename Predicate>
void eraseIf(std::vector<T>& items, Predicate predicate) {
  items.erase(std::remove_if(items.begin(), items.end(), predicate), items.end());
}

// Every place a topic name is mentioned outside the topic itself.
template <typename Visit>
void forEachTopicMention(Scenario& scenario, Visit visit) {
  for (auto& producer : scenario.producers)
    visit(producer.topic);
  for (auto& service : scenario.services) {
    for (auto& topic : service.subscribes)
      visit(topic);
    for (auto& emit : service.emits)
      visit(emit.topic);
    if (service.deadLetter) visit(*service.deadLetter);
  }
  for (auto& fault : scenario.faults) {
    if (fault.kind == FaultSpec::Kind::Duplicate) visit(fault.target);
    if (fault.kind == FaultSpec::Kind::Inject) visit(fault.inject.topic);
  }
}
}  // namespace

std::string nodeName(const Scenario& scenario, NodeRef node) {
  switch (node.kind) {
    case NodeKind::Producer:
      return scenario.producers.at(node.index).name;
    case NodeKind::Topic:
      return scenario.topics.at(node.index).name;
    case NodeKind::Service:
      return scenario.services.at(node.index).name;
  }
  return {};
}

std::string freshName(const Scenario& scenario, NodeKind kind) {
  const std::string base = kind == NodeKind::Producer ? "producer"
                           : kind == NodeKind::Topic  ? "topic"
                                                      : "service";
  for (int n = 1;; ++n) {
    std::string candidate = base + "-" + std::to_string(n);
    if (!nameTaken(scenario, candidate)) return candidate;
  }
}

NodeRef addNode(Scenario& scenario, NodeKind kind, double x, double y) {
  const std::string name = freshName(scenario, kind);
  NodeRef node{kind, 0};
  switch (kind) {
    case NodeKind::Producer: {
      ProducerSpec producer;
      producer.name = name;
      producer.event = "Event";
      producer.ratePerSecond = 10;
      // A topic-less producer is an error the editor shows until it is connected.
      if (!scenario.topics.empty()) producer.topic = scenario.topics.front().name;
      scenario.producers.push_back(std::move(producer));
      node.index = static_cast<std::uint32_t>(scenario.producers.size() - 1);
      break;
    }
    case NodeKind::Topic: {
      TopicSpec topic;
      topic.name = name;
      scenario.topics.push_back(std::move(topic));
      node.index = static_cast<std::uint32_t>(scenario.topics.size() - 1);
      break;
    }
    case NodeKind::Service: {
      ServiceSpec service;
      service.name = name;
      service.serviceTime = {Distribution::Kind::Exponential, 10 * kMillisecond, 0};
      scenario.services.push_back(std::move(service));
      node.index = static_cast<std::uint32_t>(scenario.services.size() - 1);
      break;
    }
  }
  placeNode(scenario, node, x, y);
  return node;
}

std::string connectNodes(Scenario& scenario, NodeRef from, NodeRef to) {
  if (from.kind == NodeKind::Producer && to.kind == NodeKind::Topic) {
    scenario.producers.at(from.index).topic = scenario.topics.at(to.index).name;
    return {};
  }
  if (from.kind == NodeKind::Topic && to.kind == NodeKind::Service) {
    auto& subscribes = scenario.services.at(to.index).subscribes;
    const std::string& topic = scenario.topics.at(from.index).name;
    if (std::find(subscribes.begin(), subscribes.end(), topic) != subscribes.end())
      return "'" + scenario.services[to.index].name + "' already subscribes to '" + topic + "'";
    subscribes.push_back(topic);
    scenario.services[to.index].subscribesPos.resize(subscribes.size());
    return {};
  }
  if (from.kind == NodeKind::Service && to.kind == NodeKind::Topic) {
    ServiceSpec& service = scenario.services.at(from.index);
    const std::string& topic = scenario.topics.at(to.index).name;
    for (const auto& emit : service.emits)
      if (emit.topic == topic) return "'" + service.name + "' already emits to '" + topic + "'";
    EmitSpec emit;
    emit.topic = topic;
    emit.event = "Event";
    service.emits.push_back(std::move(emit));
    return {};
  }
  if (from.kind == NodeKind::Producer && to.kind == NodeKind::Service)
    return "a producer publishes to a topic, not to a service: connect it to a topic";
  if (from.kind == NodeKind::Topic && to.kind == NodeKind::Topic)
    return "topics do not feed topics: put a service between them";
  if (from.kind == NodeKind::Service && to.kind == NodeKind::Service)
    return "services talk through topics: connect the service to a topic";
  return "events flow from producers to topics to services: drag from the sender to the receiver";
}

void removeNode(Scenario& scenario, NodeRef node) {
  const std::string name = nodeName(scenario, node);
  eraseIf(scenario.layout, [&](const LayoutEntry& e) { return e.node == name; });
  switch (node.kind) {
    case NodeKind::Producer:
      scenario.producers.erase(scenario.producers.begin() + node.index);
      eraseIf(scenario.faults, [&](const FaultSpec& f) {
        return f.kind == FaultSpec::Kind::Pause && f.target == name;
      });
      return;
    case NodeKind::Service:
      scenario.services.erase(scenario.services.begin() + node.index);
      eraseIf(scenario.faults, [&](const FaultSpec& f) {
        return (f.kind == FaultSpec::Kind::Crash || f.kind == FaultSpec::Kind::Slow) &&
               f.target == name;
      });
      return;
    case NodeKind::Topic:
      break;
  }
  scenario.topics.erase(scenario.topics.begin() + node.index);
  // Its producers stay, unconnected (the editor lists them as problems): nothing a person made
  // disappears as a side effect.
  for (auto& producer : scenario.producers)
    if (producer.topic == name) producer.topic.clear();
  for (auto& service : scenario.services) {
    for (std::size_t i = service.subscribes.size(); i-- > 0;) {
      if (service.subscribes[i] != name) continue;
      service.subscribes.erase(service.subscribes.begin() + static_cast<std::ptrdiff_t>(i));
      if (i < service.subscribesPos.size())
        service.subscribesPos.erase(service.subscribesPos.begin() + static_cast<std::ptrdiff_t>(i));
    }
    eraseIf(service.emits, [&](const EmitSpec& e) { return e.topic == name; });
    if (service.deadLetter == name) service.deadLetter.reset();
  }
  eraseIf(scenario.faults, [&](const FaultSpec& f) {
    return (f.kind == FaultSpec::Kind::Duplicate && f.target == name) ||
           (f.kind == FaultSpec::Kind::Inject && f.inject.topic == name);
  });
}

std::string renameNode(Scenario& scenario, NodeRef node, const std::string& name) {
  const std::string old = nodeName(scenario, node);
  if (name == old) return {};
  if (name.empty()) return "a name cannot be empty";
  if (nameTaken(scenario, name)) return "the name '" + name + "' is taken";
  for (auto& entry : scenario.layout)
    if (entry.node == old) entry.node = name;
  switch (node.kind) {
    case NodeKind::Producer:
      scenario.producers.at(node.index).name = name;
      for (auto& fault : scenario.faults)
        if (fault.kind == FaultSpec::Kind::Pause && fault.target == old) fault.target = name;
      break;
    case NodeKind::Service:
      scenario.services.at(node.index).name = name;
      for (auto& fault : scenario.faults)
        if ((fault.kind == FaultSpec::Kind::Crash || fault.kind == FaultSpec::Kind::Slow) &&
            fault.target == old)
          fault.target = name;
      break;
    case NodeKind::Topic:
      scenario.topics.at(node.index).name = name;
      forEachTopicMention(scenario, [&](std::string& topic) {
        if (topic == old) topic = name;
      });
      break;
  }
  return {};
}

void placeNode(Scenario& scenario, NodeRef node, double x, double y) {
  const std::string name = nodeName(scenario, node);
  for (auto& entry : scenario.layout) {
    if (entry.node != name) continue;
    entry.x = x;
    entry.y = y;
    return;
  }
  LayoutEntry entry;
  entry.node = name;
  entry.x = x;
  entry.y = y;
  scenario.layout.push_back(std::move(entry));
}

}  // namespace eventscope::core
