#include "core/io/recorded_model.h"

#include <algorithm>
#include <set>

#include "core/io/scenario_reader.h"

namespace eventscope::core {

namespace {

bool named(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

Scenario deriveScenario(const store::Recording& recording,
                        const std::vector<store::Recording::Flow>& flows) {
  Scenario scenario;
  const std::string origin = recording.meta("origin");
  scenario.name = origin.empty() ? "Imported events" : origin;
  std::set<std::string> topics;
  for (const auto& flow : flows) {
    topics.insert(flow.topic);
    if (!flow.causeTopic.empty()) topics.insert(flow.causeTopic);
  }
  for (const auto& topic : topics)
    scenario.topics.push_back(TopicSpec{.name = topic});

  // Services first: a source whose events were caused by others consumes their topics.
  for (const auto& flow : flows) {
    if (flow.causeTopic.empty() || flow.origin.empty()) continue;
    auto it = std::find_if(scenario.services.begin(), scenario.services.end(),
                           [&](const ServiceSpec& s) { return s.name == flow.origin; });
    if (it == scenario.services.end()) {
      scenario.services.push_back(ServiceSpec{.name = flow.origin});
      it = std::prev(scenario.services.end());
    }
    if (!named(it->subscribes, flow.causeTopic)) {
      it->subscribes.push_back(flow.causeTopic);
      it->subscribesPos.push_back({});
    }
    const bool emitted = std::any_of(it->emits.begin(), it->emits.end(),
                                     [&](const EmitSpec& e) { return e.topic == flow.topic; });
    if (!emitted) it->emits.push_back(EmitSpec{.topic = flow.topic, .event = "event"});
  }
  std::set<std::string> taken;
  for (const auto& service : scenario.services)
    taken.insert(service.name);
  for (const auto& flow : flows) {
    if (!flow.causeTopic.empty() || flow.origin.empty()) continue;
    const bool known = std::any_of(
        scenario.producers.begin(), scenario.producers.end(), [&](const ProducerSpec& p) {
          return p.topic == flow.topic && p.name.rfind(flow.origin, 0) == 0;
        });
    if (known) continue;
    // Names are unique across kinds: a source that also consumes, or that publishes onto
    // several topics, gets the topic in its producer's name.
    std::string name = flow.origin;
    if (taken.count(name) != 0) name = flow.origin + " → " + flow.topic;
    taken.insert(name);
    scenario.producers.push_back(ProducerSpec{.name = name, .topic = flow.topic, .event = "event"});
  }
  return scenario;
}

}  // namespace

std::optional<RecordedModel> recordedModel(const store::Recording& recording, std::string* error) {
  const std::string text = recording.meta("scenario");
  std::string note;
  if (!text.empty()) {
    ScenarioReadResult read = parseScenario(text, recording.path() + " (its model)");
    if (read.ok()) return RecordedModel{std::move(*read.scenario), false, {}};
    note = read.errors.empty() ? recording.path() + ": its model does not read"
                               : read.errors.front().format();
  }
  std::vector<store::Recording::Flow> flows;
  if (!recording.flows(flows, error)) return std::nullopt;
  return RecordedModel{deriveScenario(recording, flows), true, note};
}

}  // namespace eventscope::core
