#include <algorithm>

#include "core/io/payload_reader.h"
#include "core/io/scenario_sections.h"
#include "core/io/yaml_values.h"
#include "core/model/limits.h"

namespace eventscope::core::detail {

namespace {

struct Action {
  const char* key;
  FaultSpec::Kind kind;
  std::vector<std::string> outerKeys;  // keys besides `at` and the action that it takes
};

const std::vector<Action> kActions{
    {"crash", FaultSpec::Kind::Crash, {"instances", "for"}},
    {"pause", FaultSpec::Kind::Pause, {"for"}},
    {"slow", FaultSpec::Kind::Slow, {"factor", "for"}},
    {"inject", FaultSpec::Kind::Inject, {}},
    {"duplicate", FaultSpec::Kind::Duplicate, {"for"}},
};

const std::vector<std::string> kFaultKeys{"at",        "crash",     "pause", "slow",  "inject",
                                          "duplicate", "instances", "for",   "factor"};

void readInject(ReadContext& context, const Field& field, FaultSpec& fault) {
  const std::optional<MapFields> parts =
      readMap(context, field, "{topic: orders, event: OrderPlaced, key: k13, schema: 2}");
  if (!parts) {
    return;
  }
  parts->rejectUnknown({"topic", "event", "key", "schema", "payload"}, "in 'inject'");
  if (const Field* f = parts->require("topic", "'inject'")) {
    fault.targetPos = f->valuePos;
    fault.target = readName(context, *f).value_or("");
    fault.inject.topic = fault.target;
  }
  if (const Field* f = parts->require("event", "'inject'")) {
    fault.inject.event = readName(context, *f).value_or("");
  }
  if (const Field* f = parts->find("key")) {
    fault.inject.key = readText(context, *f);
  }
  if (const Field* f = parts->find("schema")) {
    fault.inject.schema =
        static_cast<int>(readInteger(context, *f, 1, limits::kMaxSchema).value_or(1));
  }
  if (const Field* f = parts->find("payload")) {
    fault.inject.payload = readPayload(context, *f).value_or(std::string());
  }
}

void readDuplicate(ReadContext& context, const Field& field, const Field* outerFor,
                   FaultSpec& fault) {
  const std::optional<MapFields> parts =
      readMap(context, field, "{topic: orders, fraction: 0.1, for: 5s}");
  if (!parts) {
    return;
  }
  parts->rejectUnknown({"topic", "fraction", "for"}, "in 'duplicate'");
  if (const Field* f = parts->require("topic", "'duplicate'")) {
    fault.targetPos = f->valuePos;
    fault.target = readName(context, *f).value_or("");
  }
  // Without a fraction the fault would do nothing, which is never what was meant.
  if (const Field* f = parts->require("fraction", "'duplicate'")) {
    fault.fraction = readProbability(context, *f).value_or(0.0);
  }
  if (const Field* f = parts->find("for")) {
    if (outerFor) {
      context.error(f->keyPos, "'for' is given both inside and outside 'duplicate'; keep one");
    } else {
      fault.duration = readDuration(context, *f, false);
    }
  }
}

void readFault(ReadContext& context, const MapFields& entry, std::size_t index,
               Scenario& scenario) {
  const std::string label = "fault #" + std::to_string(index);
  entry.rejectUnknown(kFaultKeys, "in " + label);
  FaultSpec fault;
  fault.pos = entry.position();
  fault.targetPos = entry.position();
  const Field* at = entry.require("at", label);
  if (at) {
    fault.at = readDuration(context, *at, true).value_or(0);
  }

  const Action* action = nullptr;
  const Field* actionField = nullptr;
  for (const Field& field : entry.fields()) {
    for (const Action& candidate : kActions) {
      if (field.key != candidate.key) {
        continue;
      }
      if (!action) {
        action = &candidate;
        actionField = &field;
      } else {
        context.error(field.keyPos, label + " has two actions, '" + std::string(action->key) +
                                        "' and '" + field.key + "'; write one fault for each");
      }
    }
  }
  if (!action) {
    // A misspelt action ("crsh") already got a "did you mean"; say nothing more about it.
    for (const Action& candidate : kActions) {
      if (entry.suggested(candidate.key)) {
        return;
      }
    }
    context.error(entry.position(),
                  label + " needs an action: one of crash, pause, slow, inject or duplicate");
    return;
  }
  fault.kind = action->kind;
  for (const std::string key : {"instances", "for", "factor"}) {
    const Field* f = entry.find(key);
    const auto& allowed = action->outerKeys;
    if (f && std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      std::string message = std::string("'").append(key).append("' does not apply to '");
      message.append(action->key).append("' faults");
      if (action->kind == FaultSpec::Kind::Inject && key == "for") {
        message += "; an 'inject' happens once";
      }
      context.error(f->keyPos, message);
    }
  }
  const Field* outerFor = action->kind == FaultSpec::Kind::Inject ? nullptr : entry.find("for");
  if (outerFor) {
    fault.duration = readDuration(context, *outerFor, false);
  }

  // Where the target is named; inject and duplicate refine it to their inner `topic:`.
  fault.targetPos = actionField->valuePos;
  switch (action->kind) {
    case FaultSpec::Kind::Crash:
    case FaultSpec::Kind::Pause:
    case FaultSpec::Kind::Slow:
      fault.target = readName(context, *actionField).value_or("");
      break;
    case FaultSpec::Kind::Inject:
      readInject(context, *actionField, fault);
      break;
    case FaultSpec::Kind::Duplicate:
      readDuplicate(context, *actionField, outerFor, fault);
      break;
  }
  if (action->kind == FaultSpec::Kind::Crash) {
    if (const Field* f = entry.find("instances")) {
      fault.instances =
          static_cast<int>(readInteger(context, *f, 1, limits::kMaxInstances).value_or(1));
    }
  }
  if (action->kind == FaultSpec::Kind::Slow) {
    // Without a factor a slow-down would change nothing, which is never what was meant.
    if (const Field* f = entry.require("factor", "'slow' " + label)) {
      fault.factor = readNumber(context, *f, {0.0, limits::kMaxSlowFactor, true}).value_or(1.0);
    }
  }
  scenario.faults.push_back(std::move(fault));
}

}  // namespace

void readFaults(ReadContext& context, const Field& section, Scenario& scenario) {
  forEachEntry(context, section, "fault", "'- {at: 20s, crash: billing, for: 10s}'",
               [&](const MapFields& entry, std::size_t index) {
                 readFault(context, entry, index, scenario);
               });
}

}  // namespace eventscope::core::detail
