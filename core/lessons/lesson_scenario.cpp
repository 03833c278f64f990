#include "core/lessons/lesson_scenario.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <optional>

#include "core/io/did_you_mean.h"
#include "core/io/map_fields.h"
#include "core/io/scenario_map_reader.h"
#include "core/io/units.h"
#include "core/io/yaml_values.h"

namespace eventscope::core {

namespace {

using detail::Field;
using detail::MapFields;
using detail::ReadContext;

// Sections of a scenario whose entries are named, and the action that adds one.
struct Section {
  const char* name;
  const char* addKey;
};
constexpr Section kSections[] = {
    {"topics", "add_topic"}, {"producers", "add_producer"}, {"services", "add_service"}};
const std::vector<std::string> kTopLevelSettable{"name", "seed", "duration", "warmup"};

// yaml-cpp's Node::operator= replaces the content of the node it refers to; reset() makes a
// variable refer to another node. Moving through the tree uses reset(), editing it operator=.

// Applies one step's action map to the scenario's YAML tree, reporting what it cannot apply
// where the action says it. Values keep their marks, so errors in them found later by the
// scenario reader point into the lesson too.
class ActionApplier {
 public:
  ActionApplier(ReadContext& context, YAML::Node scenario, std::vector<RedriveAction>& redrives)
      : m_context(context), m_scenario(std::move(scenario)), m_redrives(redrives) {}

  void apply(const YAML::Node& action) {
    if (!action.IsMap()) {
      if (!action.IsNull())
        m_context.error(m_context.position(action),
                        "'action' must be a map such as '{set: {services.billing.instances: 3}}'");
      return;
    }
    const MapFields fields(m_context, action);
    fields.rejectUnknown(actionKeys(), "in an action");
    if (const Field* f = fields.find("set")) set(*f);
    for (const Section& section : kSections)
      if (const Field* f = fields.find(section.addKey)) add(*f, section.name);
    if (const Field* f = fields.find("remove")) remove(*f);
    if (const Field* f = fields.find("fault")) add(*f, "faults");
    if (const Field* f = fields.find("idempotent")) idempotent(*f);
    if (const Field* f = fields.find("redrive")) redrive(*f);
  }

 private:
  // An entry of a named section whose name the path starts with (the longest, since names
  // may hold dots), and the rest of the path after it.
  std::optional<YAML::Node> entry(const std::string& section, const std::string& path,
                                  std::size_t& at, SourcePos pos) {
    YAML::Node list = m_scenario[section];
    if (!list.IsSequence()) {
      m_context.error(pos, "the scenario has no " + section);
      return std::nullopt;
    }
    std::optional<YAML::Node> best;
    std::size_t bestLength = 0;
    std::vector<std::string> names;
    for (YAML::Node item : list) {
      if (!item.IsMap() || !item["name"].IsScalar()) continue;
      const std::string name = item["name"].Scalar();
      names.push_back(name);
      if (name.size() > bestLength && path.compare(at, name.size(), name) == 0 &&
          (at + name.size() == path.size() || path[at + name.size()] == '.')) {
        best.emplace(item);  // not operator=, which would overwrite the earlier match
        bestLength = name.size();
      }
    }
    if (!best) {
      const std::size_t dot = path.find('.', at);
      const std::string word = path.substr(at, dot == std::string::npos ? dot : dot - at);
      const auto hint = closestMatch(word, names);
      m_context.error(pos, "no " + section.substr(0, section.size() - 1) + " named '" + word +
                               "' in the lesson's scenario" +
                               (hint ? "; did you mean '" + *hint + "'?" : ""));
      return std::nullopt;
    }
    at += bestLength + 1;
    return best;
  }

  // Where `path` leads: the map that holds its last key, and that key. A path is
  // `SECTION.NAME.KEY[.KEY...]` or a top-level key such as `seed`.
  bool locate(const std::string& path, SourcePos pos, YAML::Node& owner, std::string& key) {
    const std::size_t dot = path.find('.');
    const std::string head = path.substr(0, dot);
    const auto section = std::find_if(std::begin(kSections), std::end(kSections),
                                      [&](const Section& s) { return head == s.name; });
    if (section == std::end(kSections)) {
      if (dot == std::string::npos && std::find(kTopLevelSettable.begin(), kTopLevelSettable.end(),
                                                head) != kTopLevelSettable.end()) {
        owner.reset(m_scenario);
        key = head;
        return true;
      }
      m_context.error(pos, "'" + path +
                               "' is not a scenario field: write SECTION.NAME.KEY such as "
                               "services.billing.instances, or one of name, seed, duration, "
                               "warmup");
      return false;
    }
    std::size_t at = dot == std::string::npos ? path.size() : dot + 1;
    const std::optional<YAML::Node> found = entry(head, path, at, pos);
    if (!found) return false;
    YAML::Node node = *found;
    if (at >= path.size()) {
      m_context.error(pos, "'" + path + "' names a whole " + head.substr(0, head.size() - 1) +
                               "; add the key to change, e.g. '" + path + ".instances'");
      return false;
    }
    // Nested keys (retry.max_attempts) walk into maps, made when missing.
    for (std::size_t next = path.find('.', at); next != std::string::npos;
         next = path.find('.', at)) {
      YAML::Node inner = node[path.substr(at, next - at)];
      if (inner.IsDefined() && !inner.IsMap() && !inner.IsNull()) {
        m_context.error(pos, "'" + path.substr(0, next) + "' is not a map of keys");
        return false;
      }
      if (!inner.IsMap()) {
        node[path.substr(at, next - at)] = YAML::Node(YAML::NodeType::Map);
        inner.reset(node[path.substr(at, next - at)]);
      }
      node.reset(inner);
      at = next + 1;
    }
    owner.reset(node);
    key = path.substr(at);
    return true;
  }

  void set(const Field& field) {
    const auto map = detail::readMap(m_context, field, "'set: {services.billing.instances: 3}'");
    if (!map) return;
    for (const Field& change : map->fields()) {
      YAML::Node owner;
      std::string key;
      if (locate(change.key, change.keyPos, owner, key)) owner[key] = change.value;
    }
  }

  void add(const Field& field, const std::string& section) {
    // One entry (a map) or a list of them.
    std::vector<YAML::Node> entries;
    if (field.value.IsMap()) {
      entries.push_back(field.value);
    } else {
      const auto items = detail::readItems(m_context, field, false, "entries");
      if (!items) return;
      for (const detail::Item& item : *items)
        entries.push_back(item.node);
    }
    YAML::Node list = m_scenario[section];
    if (!list.IsSequence()) {
      m_scenario[section] = YAML::Node(YAML::NodeType::Sequence);
      list.reset(m_scenario[section]);
    }
    for (const YAML::Node& e : entries)
      list.push_back(e);
  }

  void remove(const Field& field) {
    const auto items = detail::readItems(m_context, field, true, "paths");
    if (!items) return;
    for (const detail::Item& item : *items) {
      const auto path =
          detail::readName(m_context, detail::itemField("each entry of 'remove'", item));
      if (!path) continue;
      const std::size_t dot = path->find('.');
      const std::string head = path->substr(0, dot);
      const bool section = std::any_of(std::begin(kSections), std::end(kSections),
                                       [&](const Section& s) { return head == s.name; });
      std::size_t at = dot == std::string::npos ? path->size() : dot + 1;
      if (section && dot != std::string::npos) {
        const std::optional<YAML::Node> found = entry(head, *path, at, item.pos);
        if (!found) continue;
        if (at >= path->size()) {  // the whole entry
          YAML::Node kept(YAML::NodeType::Sequence);
          for (YAML::Node e : m_scenario[head])
            if (!e.is(*found)) kept.push_back(e);
          m_scenario[head] = kept;
          continue;
        }
      }
      YAML::Node owner;
      std::string key;
      if (!locate(*path, item.pos, owner, key)) continue;
      if (!owner[key].IsDefined()) {
        m_context.error(item.pos, "'" + *path + "' is not set in the scenario; nothing to remove");
        continue;
      }
      owner.remove(key);
    }
  }

  void idempotent(const Field& field) {
    const auto map = detail::readMap(m_context, field, "'idempotent: {billing: true}'");
    if (!map) return;
    for (const Field& change : map->fields()) {
      std::size_t at = 0;
      std::optional<YAML::Node> service = entry("services", change.key, at, change.keyPos);
      if (!service) continue;
      if (at != change.key.size() + 1) {
        m_context.error(change.keyPos, "'idempotent' takes service names, e.g. {billing: true}");
        continue;
      }
      (*service)["idempotent"] = change.value;
    }
  }

  void redrive(const Field& field) {
    const auto map = detail::readMap(m_context, field, "'redrive: {service: billing, at: 40s}'");
    if (!map) return;
    map->rejectUnknown({"service", "at"}, "in 'redrive'");
    RedriveAction action;
    const Field* service = map->require("service", "'redrive'");
    const Field* at = map->require("at", "'redrive'");
    if (!service || !at) return;
    const auto name = detail::readName(m_context, *service);
    const auto time = detail::readDuration(m_context, *at, true);
    if (!name || !time) return;
    YAML::Node services = m_scenario["services"];
    bool found = false, hasDeadLetter = false;
    std::vector<std::string> names;
    if (services.IsSequence()) {
      for (YAML::Node s : services) {
        if (!s.IsMap() || !s["name"].IsScalar()) continue;
        names.push_back(s["name"].Scalar());
        if (names.back() == *name) {
          found = true;
          hasDeadLetter = s["dead_letter"].IsDefined() && !s["dead_letter"].IsNull();
        }
      }
    }
    if (!found) {
      const auto hint = closestMatch(*name, names);
      m_context.error(service->valuePos, "no service named '" + *name +
                                             "' in the lesson's scenario" +
                                             (hint ? "; did you mean '" + *hint + "'?" : ""));
      return;
    }
    if (!hasDeadLetter) {
      m_context.error(service->valuePos,
                      "service '" + *name + "' has no 'dead_letter' topic, so nothing to redrive");
      return;
    }
    m_redrives.push_back({*name, *time});
  }

  ReadContext& m_context;
  YAML::Node m_scenario;
  std::vector<RedriveAction>& m_redrives;
};

}  // namespace

const std::vector<std::string>& actionKeys() {
  static const std::vector<std::string> keys{"set",    "add_topic", "add_producer", "add_service",
                                             "remove", "fault",     "idempotent",   "redrive"};
  return keys;
}

StepScenario lessonScenario(const Lesson& lesson, std::size_t step,
                            const std::optional<ActionOverride>& override) {
  StepScenario result;
  ReadContext context(lesson.text, lesson.fileName);
  const std::vector<YAML::Node> documents = detail::loadYamlDocuments(context, lesson.text);
  YAML::Node root = documents.empty() ? YAML::Node() : documents.front();
  if (!root.IsMap() || !root["scenario"].IsMap()) {
    result.errors = context.takeErrors();
    if (result.errors.empty())
      result.errors.push_back({lesson.fileName, 1, 1, "the lesson has no 'scenario' map"});
    return result;
  }
  YAML::Node scenario = root["scenario"];
  ActionApplier applier(context, scenario, result.redrives);
  const YAML::Node steps = root["steps"];
  SourcePos lastAction{1, 1};
  for (std::size_t i = 0; i <= step && steps.IsSequence() && i < steps.size(); ++i) {
    if (override && override->step == i && override->contrast) {
      const YAML::Node entry = steps[i];
      if (entry.IsMap() && entry["contrast"].IsMap() && entry["contrast"]["action"]) {
        applier.apply(entry["contrast"]["action"]);
      } else {
        context.error(context.position(entry), "this step has no 'contrast' action");
      }
      continue;
    }
    if (override && override->step == i) {
      try {
        applier.apply(YAML::Load(override->yaml));
      } catch (const std::exception& e) {
        context.error({1, 1}, std::string("the replacement action is not YAML: ") + e.what());
      }
      continue;
    }
    const YAML::Node entry = steps[i];
    if (entry.IsMap() && entry["action"]) {
      lastAction = context.position(entry["action"]);
      applier.apply(entry["action"]);
    }
  }
  Diagnostics actionErrors = context.takeErrors();
  ReadContext scenarioContext(lesson.text, lesson.fileName);
  ScenarioReadResult read = detail::readScenarioMap(scenarioContext, scenario, lesson.fileName);
  result.errors = std::move(actionErrors);
  for (Diagnostic& d : read.errors) {
    // A key an action added has no place in the file (yaml-cpp gives it none): point at the
    // action instead of the file's first line.
    if (d.line == 1 && d.column == 1) {
      d.line = lastAction.line;
      d.column = lastAction.column;
    }
    result.errors.push_back(std::move(d));
  }
  if (result.errors.empty()) result.scenario = std::move(read.scenario);
  return result;
}

}  // namespace eventscope::core
