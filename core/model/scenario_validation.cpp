#include "core/model/scenario_validation.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "core/io/did_you_mean.h"
#include "core/io/units.h"
#include "core/model/emit_growth.h"
#include "core/model/emit_loops.h"
#include "core/model/limits.h"

namespace eventscope::core {

namespace {

// Built by appending: `"'" + std::string(...)` trips GCC 12's -Wrestrict false alarm at -O3.
std::string inQuotes(std::string_view name) {
  return std::string("'").append(name).append("'");
}

std::string firstAt(SourcePos pos) {
  return pos.line > 0 ? " (first at line " + std::to_string(pos.line) + ")" : std::string();
}

class Validator {
 public:
  Validator(const Scenario& scenario, const std::string& fileName, const ValidationOptions& options)
      : m_scenario(scenario), m_fileName(fileName), m_options(options) {}

  Diagnostics run() {
    checkCounts();
    checkNames();
    collectTopicNames();
    checkProducers();
    checkServices();
    checkFaults();
    if (!m_options.servicesIncomplete) checkUnreadBlockingTopics();
    checkTiming();
    checkLoops();
    if (!m_options.topicsIncomplete && !m_options.servicesIncomplete &&
        !m_options.producersIncomplete) {
      checkLayout();
    }
    std::stable_sort(m_errors.begin(), m_errors.end(), [](const auto& a, const auto& b) {
      return std::tie(a.line, a.column) < std::tie(b.line, b.column);
    });
    if (m_dropped > 0) {
      Diagnostic more = m_errors.back();
      more.message = std::to_string(m_dropped) + " more problems not listed";
      m_errors.push_back(std::move(more));
    }
    return std::move(m_errors);
  }

 private:
  // Hints cost an edit distance per candidate; past the errors anyone will read, skip them.
  std::optional<std::string> hint(const std::string& word,
                                  const std::vector<std::string>& candidates) const {
    constexpr std::size_t kHintedErrors = 200;
    if (m_errors.size() >= kHintedErrors) {
      return std::nullopt;
    }
    return closestMatch(word, candidates);
  }

  // Past this many problems a huge generated model would cost gigabytes of messages; the rest
  // are summed up in one line.
  static constexpr std::size_t kMaxErrors = 10'000;

  void error(SourcePos pos, std::string message) {
    if (m_errors.size() >= kMaxErrors) {
      ++m_dropped;
      return;
    }
    m_errors.push_back({m_fileName, pos.line, pos.column, std::move(message)});
  }

  void emptyValue(SourcePos pos, std::string message) {
    if (!m_options.emptyValuesReported) {
      error(pos, std::move(message));
    }
  }

  template <typename T>
  void checkCount(const std::vector<T>& items, const char* what) {
    if (items.size() <= static_cast<std::size_t>(limits::kMaxEntities)) {
      return;
    }
    error(items[static_cast<std::size_t>(limits::kMaxEntities)].pos,
          "too many " + std::string(what) + ": " + std::to_string(items.size()) + " (at most " +
              std::to_string(limits::kMaxEntities) + ")");
  }

  void checkCounts() {
    checkCount(m_scenario.topics, "topics");
    checkCount(m_scenario.producers, "producers");
    checkCount(m_scenario.services, "services");
    checkCount(m_scenario.faults, "faults");
  }

  void checkNames() {
    std::map<std::string, SourcePos> topics;
    for (const TopicSpec& topic : m_scenario.topics) {
      if (topic.name.empty()) {
        emptyValue(topic.pos, "topic has no name");
        m_options.topicsIncomplete = true;
      } else if (auto [it, added] = topics.emplace(topic.name, topic.pos); !added) {
        error(topic.pos, "duplicate topic name " + inQuotes(topic.name) + firstAt(it->second));
      }
    }
    // Producers and services share one namespace because faults name either kind.
    std::map<std::string, std::pair<SourcePos, const char*>> actors;
    auto addActor = [&](const std::string& name, SourcePos pos, const char* kind) {
      auto [it, added] = actors.emplace(name, std::make_pair(pos, kind));
      if (added) {
        return;
      }
      if (std::string(it->second.second) == kind) {
        error(pos, "duplicate " + std::string(kind) + " name " + inQuotes(name) +
                       firstAt(it->second.first));
      } else {
        error(pos, "name " + inQuotes(name) + " is already used by a " + it->second.second +
                       firstAt(it->second.first) +
                       "; producers and services share names because faults refer to them");
      }
    };
    for (const ProducerSpec& producer : m_scenario.producers) {
      if (producer.name.empty()) {
        emptyValue(producer.pos, "producer has no name");
        m_options.producersIncomplete = true;
      } else {
        addActor(producer.name, producer.pos, "producer");
        if (m_producerNames.insert(producer.name).second) {
          m_producerOrder.push_back(producer.name);
        }
      }
    }
    for (const ServiceSpec& service : m_scenario.services) {
      if (service.name.empty()) {
        emptyValue(service.pos, "service has no name");
        m_options.servicesIncomplete = true;
      } else {
        addActor(service.name, service.pos, "service");
        if (m_serviceNames.insert(service.name).second) {
          m_serviceOrder.push_back(service.name);
        }
      }
    }
  }

  void collectTopicNames() {
    auto add = [&](const std::string& name) {
      if (!name.empty() && m_knownTopics.insert(name).second) {
        m_topicNames.push_back(name);
      }
    };
    for (const TopicSpec& topic : m_scenario.topics) {
      add(topic.name);
    }
    // A dead-letter topic exists even when undeclared (the reader adds it), so others may read it.
    for (const ServiceSpec& service : m_scenario.services) {
      if (service.deadLetter) {
        add(*service.deadLetter);
      }
    }
  }

  // Reports `topic` at `pos` unless it names a topic; `owner` is e.g. "producer 'checkout'
  // publishes to".
  void checkTopicReference(const std::string& topic, SourcePos pos, const std::string& owner) {
    if (topic.empty()) {
      emptyValue(pos, owner + " no topic");
      return;
    }
    if (m_knownTopics.count(topic) > 0) {
      return;
    }
    if (m_options.topicsIncomplete) {
      return;
    }
    std::string message = owner + " unknown topic " + inQuotes(topic);
    if (auto match = hint(topic, m_topicNames)) {
      message += "; did you mean '" + *match + "'?";
    } else {
      message += "; declare it under 'topics:'";
    }
    error(pos, message);
  }

  void checkProducers() {
    for (const ProducerSpec& producer : m_scenario.producers) {
      checkTopicReference(producer.topic, producer.topicPos,
                          "producer " + inQuotes(producer.name) + " publishes to");
    }
  }

  void checkServices() {
    std::map<std::string, int> subscriberCount;
    for (const ServiceSpec& service : m_scenario.services) {
      const std::string who = "service " + inQuotes(service.name);
      if (service.subscribes.empty()) {
        emptyValue(service.pos, who + " subscribes to no topic");
      }
      std::set<std::string> subscribed;
      for (std::size_t i = 0; i < service.subscribes.size(); ++i) {
        const std::string& topic = service.subscribes[i];
        const SourcePos pos =
            i < service.subscribesPos.size() ? service.subscribesPos[i] : service.pos;
        checkTopicReference(topic, pos, who + " subscribes to");
        if (topic.empty()) {
          continue;
        }
        if (!subscribed.insert(topic).second) {
          error(pos, who + " subscribes to " + inQuotes(topic) + " twice");
          continue;
        }
        if (++subscriberCount[topic] == limits::kMaxSubscribersPerTopic + 1) {
          error(pos, "topic " + inQuotes(topic) + " has more than " +
                         std::to_string(limits::kMaxSubscribersPerTopic) +
                         " subscribing services; this build supports at most " +
                         std::to_string(limits::kMaxSubscribersPerTopic) + " per topic");
        }
      }
      for (const EmitSpec& emit : service.emits) {
        checkTopicReference(emit.topic, emit.topicPos, who + " emits to");
      }
      if (service.deadLetter && subscribed.count(*service.deadLetter) > 0) {
        error(service.deadLetterPos,
              who + " sends dead letters to " + inQuotes(*service.deadLetter) +
                  ", a topic it subscribes to: failed events would come back forever");
      }
    }
  }

  // A fault target of the wrong kind or unknown; `needs` is "service" or "producer".
  void checkActor(const FaultSpec& fault, const char* action, const char* needs) {
    const std::string& name = fault.target;
    if (name.empty()) {
      emptyValue(fault.targetPos, inQuotes(action) + " fault has no target");
      return;
    }
    const bool wantsService = std::string(needs) == "service";
    const bool isService = m_serviceNames.count(name) > 0;
    const bool isProducer = m_producerNames.count(name) > 0;
    if (wantsService ? isService : isProducer) {
      return;
    }
    const std::string prefix =
        inQuotes(action) + " needs a " + needs + ", but " + inQuotes(name) + " is ";
    if (wantsService && isProducer) {
      return error(fault.targetPos, prefix + "a producer");
    }
    if (!wantsService && isService) {
      return error(fault.targetPos, prefix + "a service");
    }
    if (m_knownTopics.count(name) > 0) {
      return error(fault.targetPos, prefix + "a topic");
    }
    if (wantsService ? m_options.servicesIncomplete : m_options.producersIncomplete) {
      return;
    }
    std::string message = inQuotes(action) + " names unknown " + needs + " " + inQuotes(name);
    const auto& candidates = wantsService ? m_serviceOrder : m_producerOrder;
    if (auto match = hint(name, candidates)) {
      message += "; did you mean '" + *match + "'?";
    }
    error(fault.targetPos, message);
  }

  void checkCrashSize(const FaultSpec& fault) {
    const ServiceSpec* service = m_scenario.findService(fault.target);
    if (service == nullptr || service->autoscale || fault.instances <= service->instances) return;
    error(fault.targetPos, "'crash' takes down " + std::to_string(fault.instances) +
                               " instances but service " + inQuotes(service->name) + " has " +
                               std::to_string(service->instances));
  }

  void checkLayout() {
    for (const LayoutEntry& entry : m_scenario.layout) {
      const bool deadLetterTopic =
          std::any_of(m_scenario.services.begin(), m_scenario.services.end(),
                      [&](const ServiceSpec& s) { return s.deadLetter == entry.node; });
      if (m_knownTopics.count(entry.node) || m_serviceNames.count(entry.node) ||
          m_producerNames.count(entry.node) || deadLetterTopic) {
        continue;
      }
      std::vector<std::string> nodes = m_topicNames;
      nodes.insert(nodes.end(), m_serviceOrder.begin(), m_serviceOrder.end());
      nodes.insert(nodes.end(), m_producerOrder.begin(), m_producerOrder.end());
      std::string message = "layout places unknown node " + inQuotes(entry.node);
      if (auto match = hint(entry.node, nodes)) message += "; did you mean '" + *match + "'?";
      error(entry.pos, message);
    }
  }

  // A bounded topic nobody reads never drains: with the block policy its publishers (often
  // services dead-lettering into it) would wait for ever.
  void checkUnreadBlockingTopics() {
    for (const TopicSpec& topic : m_scenario.topics) {
      if (!topic.capacity || topic.overflow != Overflow::Block) continue;
      const bool read = std::any_of(
          m_scenario.services.begin(), m_scenario.services.end(), [&](const ServiceSpec& s) {
            return std::find(s.subscribes.begin(), s.subscribes.end(), topic.name) !=
                   s.subscribes.end();
          });
      if (read) continue;
      error(topic.pos, "nobody subscribes to topic " + inQuotes(topic.name) +
                           ", so once it holds " + std::to_string(*topic.capacity) +
                           " events its publishers would wait for ever; use overflow "
                           "drop-oldest or drop-newest to keep a bounded store, or subscribe a "
                           "service");
    }
  }

  void checkFaults() {
    for (const FaultSpec& fault : m_scenario.faults) {
      switch (fault.kind) {
        case FaultSpec::Kind::Crash:
          checkActor(fault, "crash", "service");
          checkCrashSize(fault);
          break;
        case FaultSpec::Kind::Slow:
          checkActor(fault, "slow", "service");
          break;
        case FaultSpec::Kind::Pause:
          checkActor(fault, "pause", "producer");
          break;
        case FaultSpec::Kind::Inject:
          checkTopicReference(fault.target, fault.targetPos, "'inject' fault injects into");
          break;
        case FaultSpec::Kind::Duplicate:
          checkTopicReference(fault.target, fault.targetPos,
                              "'duplicate' fault duplicates events of");
          break;
      }
    }
  }

  void checkTiming() {
    // Faults at or after the end are allowed: they simply never fire.
    if (m_scenario.warmup > 0 && m_scenario.warmup >= m_scenario.duration) {
      error(m_scenario.warmupPos, "'warmup' (" + formatDuration(m_scenario.warmup) +
                                      ") must be shorter than 'duration' (" +
                                      formatDuration(m_scenario.duration) + ")");
    }
  }

  // Loops of emits that multiply events even though no single step is certain.
  void checkGrowth(const std::set<std::string>& inCertainLoops) {
    for (const EmitGrowth& growth : findGrowingEmitLoops(m_scenario)) {
      const bool reported =
          std::any_of(growth.services.begin(), growth.services.end(),
                      [&](const std::string& s) { return inCertainLoops.count(s); });
      if (reported) continue;
      std::string names;
      for (std::size_t i = 0; i < growth.services.size() && i < 8; ++i) {
        names += (i == 0 ? "" : ", ") + inQuotes(growth.services[i]);
      }
      if (growth.services.size() > 8) names += ", ...";
      char factor[32];
      std::snprintf(factor, sizeof factor, "%.2f", growth.factor);
      error(growth.pos, "events multiply without end among " + names +
                            ": on average each event there leads to " + factor +
                            " more (emit probabilities times subscribers); lower the "
                            "probabilities so that this stays below 1");
    }
  }

  void checkLoops() {
    constexpr std::size_t kLongestShown = 16;  // names in the message before it is cut short
    std::set<std::string> inCertainLoops;
    for (const EmitLoop& loop : findEndlessEmitLoops(m_scenario)) {
      for (std::size_t i = 0; i < loop.path.size(); i += 2)
        inCertainLoops.insert(loop.path[i]);
      std::string path;
      for (std::size_t i = 0; i < loop.path.size(); ++i) {
        if (i == kLongestShown && loop.path.size() > kLongestShown + 1) {
          path += " -> ... -> " + loop.path.back();
          break;
        }
        path += (i == 0 ? "" : " -> ") + loop.path[i];
      }
      if (loop.throughDeadLetters) {
        error(loop.pos, "dead letters can go round a loop for ever: " + path +
                            " (an event that always fails here keeps coming back; send dead "
                            "letters to a topic outside the loop)");
      } else {
        error(loop.pos, "emits form a loop that never ends: " + path +
                            " (every step has probability 1; lower one below 1 or break the "
                            "loop)");
      }
    }
    checkGrowth(inCertainLoops);
  }

  const Scenario& m_scenario;
  const std::string& m_fileName;
  ValidationOptions m_options;
  std::vector<std::string> m_topicNames;  // in file order, for hints
  std::set<std::string> m_knownTopics;
  std::vector<std::string> m_serviceOrder;  // in file order, for hints
  std::set<std::string> m_serviceNames;
  std::vector<std::string> m_producerOrder;
  std::set<std::string> m_producerNames;
  Diagnostics m_errors;
  std::size_t m_dropped = 0;
};

}  // namespace

Diagnostics validateScenario(const Scenario& scenario, const std::string& fileName) {
  return validateScenario(scenario, fileName, ValidationOptions{});
}

Diagnostics validateScenario(const Scenario& scenario, const std::string& fileName,
                             const ValidationOptions& options) {
  return Validator(scenario, fileName, options).run();
}

}  // namespace eventscope::core
