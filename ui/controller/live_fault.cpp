#include "ui/controller/live_fault.h"

#include <algorithm>

namespace eventscope::ui {

namespace {
// The event type producers (or emitting services) publish to a topic, so an injected event
// looks like the real ones.
std::string eventTypeOf(const core::Scenario& scenario, const std::string& topic) {
  for (const auto& producer : scenario.producers)
    if (producer.topic == topic) return producer.event;
  for (const auto& service : scenario.services)
    for (const auto& emit : service.emits)
      if (emit.topic == topic) return emit.event;
  return "Injected";
}
}  // namespace

InjectionPlan planInjection(const core::Scenario& scenario, const LiveFault& fault) {
  InjectionPlan plan;
  if (fault.kind == LiveFault::Kind::InjectPoison) {
    const auto& service = scenario.services.at(fault.target);
    if (service.poisonKeys.empty() || service.subscribes.empty()) {
      plan.unavailable = "'" + service.name + "' has no poison_keys: add one in its properties";
      return plan;
    }
    core::InjectSpec spec;
    spec.topic = service.subscribes.front();
    spec.event = eventTypeOf(scenario, spec.topic);
    spec.key = service.poisonKeys.front();
    plan.injection = spec;
    return plan;
  }
  const auto& topic = scenario.topics.at(fault.target);
  int newest = 1;
  for (const auto& service : scenario.services) {
    if (std::find(service.subscribes.begin(), service.subscribes.end(), topic.name) ==
        service.subscribes.end())
      continue;
    for (int version : service.acceptsSchema)
      newest = std::max(newest, version);
  }
  core::InjectSpec spec;
  spec.topic = topic.name;
  spec.event = eventTypeOf(scenario, topic.name);
  spec.schema = std::min(newest + 1, 65535);
  plan.injection = spec;
  return plan;
}

std::string describeFault(const core::Scenario& scenario, const LiveFault& fault) {
  using Kind = LiveFault::Kind;
  const auto service = [&] { return scenario.services.at(fault.target).name; };
  const auto producer = [&] { return scenario.producers.at(fault.target).name; };
  const auto topic = [&] { return scenario.topics.at(fault.target).name; };
  switch (fault.kind) {
    case Kind::Crash:
      return "crash an instance of " + service();
    case Kind::Recover:
      return "recover an instance of " + service();
    case Kind::AddInstance:
      return "add an instance to " + service();
    case Kind::RemoveInstance:
      return "remove an instance from " + service();
    case Kind::Slow:
      return "slow " + service() + " down 5x";
    case Kind::Unslow:
      return "give " + service() + " its normal speed";
    case Kind::PauseProducer:
      return "pause " + producer();
    case Kind::ResumeProducer:
      return "resume " + producer();
    case Kind::InjectPoison:
      return "inject a poison event for " + service();
    case Kind::InjectSchema:
      return "inject an event of a newer schema into " + topic();
    case Kind::Duplicate:
      return "duplicate 25% of deliveries from " + topic();
    case Kind::StopDuplicate:
      return "stop duplicating deliveries from " + topic();
  }
  return {};
}

}  // namespace eventscope::ui
