#include "core/model/emit_loops.h"

#include <algorithm>
#include <deque>
#include <limits>
#include <map>
#include <string_view>

namespace eventscope::core {

namespace {

// The services as a graph: an edge s -> t for each topic that s surely emits to and t
// subscribes to. Edges are walked lazily, never stored: a hostile file could imply millions.
class EmitGraph {
 public:
  static constexpr int kDeadLetter = -1;
  struct Step {
    int topic;  // index into topics()
    int emit;   // index into the source service's emits, or kDeadLetter
  };

  explicit EmitGraph(const Scenario& scenario) : m_scenario(scenario) {
    std::map<std::string_view, int> serviceIndex;
    const auto& services = scenario.services;
    for (std::size_t i = 0; i < services.size(); ++i) {
      serviceIndex.emplace(services[i].name, static_cast<int>(i));
    }
    std::map<std::string_view, int> topicIndex;
    auto topicOf = [&](std::string_view name) {
      auto [it, added] = topicIndex.emplace(name, static_cast<int>(m_topics.size()));
      if (added) {
        m_topics.emplace_back(name);
        m_subscribers.emplace_back();
        m_lastEmitter.push_back(-1);
      }
      return it->second;
    };
    m_steps.resize(services.size());
    for (std::size_t s = 0; s < services.size(); ++s) {
      for (const std::string& topic : services[s].subscribes) {
        // Services are visited in order, so a repeat can only be the last entry.
        auto& list = m_subscribers[static_cast<std::size_t>(topicOf(topic))];
        if (list.empty() || list.back() != static_cast<int>(s)) {
          list.push_back(static_cast<int>(s));
        }
      }
    }
    for (std::size_t s = 0; s < services.size(); ++s) {
      const auto& emits = services[s].emits;
      for (std::size_t e = 0; e < emits.size(); ++e) {
        if (emits[e].probability < 1.0) {
          continue;
        }
        const int topic = topicOf(emits[e].topic);
        // One step per topic and service: the first certain emit to it.
        int& last = m_lastEmitter[static_cast<std::size_t>(topic)];
        if (last == static_cast<int>(s)) {
          continue;
        }
        last = static_cast<int>(s);
        m_steps[s].push_back({topic, static_cast<int>(e)});
      }
      // Some events surely fail here: they surely reach the dead-letter topic.
      const ServiceSpec& service = services[s];
      const bool failsSome = !service.poisonKeys.empty() || !service.acceptsSchema.empty();
      if (service.deadLetter && failsSome) {
        const int topic = topicOf(*service.deadLetter);
        int& last = m_lastEmitter[static_cast<std::size_t>(topic)];
        if (last != static_cast<int>(s)) {
          last = static_cast<int>(s);
          m_steps[s].push_back({topic, kDeadLetter});
        }
      }
    }
  }

  int size() const { return static_cast<int>(m_steps.size()); }
  const std::vector<Step>& steps(int service) const {
    return m_steps[static_cast<std::size_t>(service)];
  }
  const std::vector<int>& subscribers(int topic) const {
    return m_subscribers[static_cast<std::size_t>(topic)];
  }
  const std::string& topicName(int topic) const {
    return m_topics[static_cast<std::size_t>(topic)];
  }
  const Scenario& scenario() const { return m_scenario; }

 private:
  const Scenario& m_scenario;
  std::vector<std::string> m_topics;
  std::vector<std::vector<int>> m_subscribers;
  std::vector<int> m_lastEmitter;  // per topic: the last service given a step to it
  std::vector<std::vector<Step>> m_steps;
};

// Tarjan's strongly connected components, iterative so that a long chain cannot overflow the
// stack. Returns a component id per service.
std::vector<int> components(const EmitGraph& graph, int& count) {
  const int n = graph.size();
  constexpr int kUnvisited = -1;
  std::vector<int> index(static_cast<std::size_t>(n), kUnvisited);
  std::vector<int> low(static_cast<std::size_t>(n), 0);
  std::vector<int> component(static_cast<std::size_t>(n), kUnvisited);
  std::vector<char> onStack(static_cast<std::size_t>(n), 0);  // not vector<bool>: no proxy refs
  std::vector<int> stack;
  struct Frame {
    int node;
    std::size_t step = 0;
    std::size_t subscriber = 0;
  };
  std::vector<Frame> frames;
  int nextIndex = 0;
  count = 0;
  auto at = [](auto& v, int i) -> auto& {
    return v[static_cast<std::size_t>(i)];
  };
  for (int root = 0; root < n; ++root) {
    if (at(index, root) != kUnvisited) {
      continue;
    }
    frames.push_back({root});
    at(index, root) = at(low, root) = nextIndex++;
    stack.push_back(root);
    at(onStack, root) = 1;
    while (!frames.empty()) {
      Frame& frame = frames.back();
      const auto& steps = graph.steps(frame.node);
      int next = kUnvisited;
      while (frame.step < steps.size() && next == kUnvisited) {
        const auto& subscribers = graph.subscribers(steps[frame.step].topic);
        if (frame.subscriber >= subscribers.size()) {
          ++frame.step;
          frame.subscriber = 0;
          continue;
        }
        const int target = subscribers[frame.subscriber++];
        if (at(index, target) == kUnvisited) {
          next = target;
        } else if (at(onStack, target)) {
          at(low, frame.node) = std::min(at(low, frame.node), at(index, target));
        }
      }
      if (next != kUnvisited) {
        at(index, next) = at(low, next) = nextIndex++;
        stack.push_back(next);
        at(onStack, next) = 1;
        frames.push_back({next});
        continue;
      }
      const int node = frame.node;
      frames.pop_back();
      if (!frames.empty()) {
        at(low, frames.back().node) = std::min(at(low, frames.back().node), at(low, node));
      }
      if (at(low, node) == at(index, node)) {
        int member = kUnvisited;
        do {
          member = stack.back();
          stack.pop_back();
          at(onStack, member) = 0;
          at(component, member) = count;
        } while (member != node);
        ++count;
      }
    }
  }
  return component;
}

// The shortest loop from `start` back to itself inside its component, as a path of names.
EmitLoop shortestLoop(const EmitGraph& graph, const std::vector<int>& component, int start) {
  struct Via {
    int from = -1;
    int topic = -1;
    int emit = -1;
  };
  std::vector<Via> via(static_cast<std::size_t>(graph.size()));
  std::vector<bool> seen(static_cast<std::size_t>(graph.size()), false);
  std::deque<int> queue{start};
  Via back;
  while (!queue.empty() && back.from < 0) {
    const int node = queue.front();
    queue.pop_front();
    for (const EmitGraph::Step& step : graph.steps(node)) {
      for (const int target : graph.subscribers(step.topic)) {
        if (component[static_cast<std::size_t>(target)] !=
            component[static_cast<std::size_t>(start)]) {
          continue;
        }
        if (target == start) {
          back = {node, step.topic, step.emit};
          break;
        }
        if (seen[static_cast<std::size_t>(target)]) {
          continue;
        }
        seen[static_cast<std::size_t>(target)] = true;
        via[static_cast<std::size_t>(target)] = {node, step.topic, step.emit};
        queue.push_back(target);
      }
      if (back.from >= 0) {
        break;
      }
    }
  }
  // Walk back from the closing step, then reverse into reading order.
  const auto& services = graph.scenario().services;
  std::vector<Via> steps{back};
  for (int node = back.from; node != start; node = via[static_cast<std::size_t>(node)].from) {
    steps.push_back(via[static_cast<std::size_t>(node)]);
  }
  std::reverse(steps.begin(), steps.end());
  EmitLoop loop;
  const Via& first = steps.front();
  const ServiceSpec& opener = services[static_cast<std::size_t>(first.from)];
  loop.pos = first.emit == EmitGraph::kDeadLetter
                 ? opener.deadLetterPos
                 : opener.emits[static_cast<std::size_t>(first.emit)].pos;
  for (const Via& step : steps) {
    loop.path.push_back(services[static_cast<std::size_t>(step.from)].name);
    const bool deadLetter = step.emit == EmitGraph::kDeadLetter;
    loop.path.push_back(graph.topicName(step.topic) + (deadLetter ? " (dead letters)" : ""));
    loop.throughDeadLetters = loop.throughDeadLetters || deadLetter;
  }
  loop.path.push_back(services[static_cast<std::size_t>(start)].name);
  return loop;
}

}  // namespace

std::vector<EmitLoop> findEndlessEmitLoops(const Scenario& scenario) {
  const EmitGraph graph(scenario);
  int count = 0;
  const std::vector<int> component = components(graph, count);
  // A component loops if it has two services, or one that feeds itself.
  std::vector<int> size(static_cast<std::size_t>(count), 0);
  std::vector<int> first(static_cast<std::size_t>(count), -1);
  for (int s = 0; s < graph.size(); ++s) {
    const auto c = static_cast<std::size_t>(component[static_cast<std::size_t>(s)]);
    if (size[c]++ == 0) {
      first[c] = s;
    }
  }
  std::vector<EmitLoop> loops;
  for (int s = 0; s < graph.size(); ++s) {
    const auto c = static_cast<std::size_t>(component[static_cast<std::size_t>(s)]);
    if (first[c] != s) {
      continue;
    }
    bool feedsItself = size[c] > 1;
    for (const EmitGraph::Step& step : graph.steps(s)) {
      const auto& subscribers = graph.subscribers(step.topic);
      feedsItself =
          feedsItself || std::find(subscribers.begin(), subscribers.end(), s) != subscribers.end();
    }
    if (feedsItself) {
      loops.push_back(shortestLoop(graph, component, s));
    }
  }
  return loops;
}

}  // namespace eventscope::core
