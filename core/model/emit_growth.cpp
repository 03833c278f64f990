#include "core/model/emit_growth.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string_view>

namespace eventscope::core {

namespace {
struct Edge {
  int to;
  double weight;  // expected events delivered to `to` per event processed at the source
};

// The weighted service graph, edges merged per (source, target).
std::vector<std::vector<Edge>> expectedEmits(const Scenario& scenario) {
  std::map<std::string_view, std::vector<int>> subscribers;
  for (std::size_t s = 0; s < scenario.services.size(); ++s) {
    for (const std::string& topic : scenario.services[s].subscribes) {
      auto& list = subscribers[topic];
      if (list.empty() || list.back() != static_cast<int>(s)) list.push_back(static_cast<int>(s));
    }
  }
  std::vector<std::vector<Edge>> graph(scenario.services.size());
  for (std::size_t s = 0; s < scenario.services.size(); ++s) {
    std::map<int, double> weights;
    for (const EmitSpec& emit : scenario.services[s].emits) {
      auto it = subscribers.find(emit.topic);
      if (it == subscribers.end() || emit.probability <= 0) continue;
      for (int to : it->second)
        weights[to] += emit.probability;
    }
    for (const auto& [to, weight] : weights)
      graph[s].push_back({to, weight});
  }
  return graph;
}

// Strongly connected components (Kosaraju, iterative): a component id per node.
std::vector<int> components(const std::vector<std::vector<Edge>>& graph) {
  const std::size_t n = graph.size();
  std::vector<std::vector<int>> reverse(n);
  for (std::size_t s = 0; s < n; ++s) {
    for (const Edge& e : graph[s])
      reverse[static_cast<std::size_t>(e.to)].push_back(static_cast<int>(s));
  }
  std::vector<int> order;
  std::vector<char> seen(n, 0);
  std::vector<std::pair<int, std::size_t>> stack;
  for (std::size_t root = 0; root < n; ++root) {
    if (seen[root]) continue;
    seen[root] = 1;
    stack.push_back({static_cast<int>(root), 0});
    while (!stack.empty()) {
      auto& [node, next] = stack.back();
      const auto& edges = graph[static_cast<std::size_t>(node)];
      if (next < edges.size()) {
        const int to = edges[next++].to;
        if (!seen[static_cast<std::size_t>(to)]) {
          seen[static_cast<std::size_t>(to)] = 1;
          stack.push_back({to, 0});
        }
      } else {
        order.push_back(node);
        stack.pop_back();
      }
    }
  }
  std::vector<int> component(n, -1);
  int count = 0;
  std::vector<int> work;
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    if (component[static_cast<std::size_t>(*it)] >= 0) continue;
    work.push_back(*it);
    component[static_cast<std::size_t>(*it)] = count;
    while (!work.empty()) {
      const int node = work.back();
      work.pop_back();
      for (int from : reverse[static_cast<std::size_t>(node)]) {
        if (component[static_cast<std::size_t>(from)] < 0) {
          component[static_cast<std::size_t>(from)] = count;
          work.push_back(from);
        }
      }
    }
    ++count;
  }
  return component;
}

// Spectral radius of the matrix restricted to one component: the average growth rate of a
// positive vector under repeated multiplication (exact in the limit for an irreducible
// non-negative matrix, periodic or not).
double growthFactor(const std::vector<std::vector<Edge>>& graph, const std::vector<int>& members,
                    const std::vector<int>& component, int id, std::size_t edges) {
  const std::size_t budget = 20'000'000;  // multiply-adds: a hostile file stays fast
  const std::size_t rounds =
      std::clamp<std::size_t>(budget / std::max<std::size_t>(1, edges), 16, 400);
  std::map<int, std::size_t> slot;
  for (std::size_t i = 0; i < members.size(); ++i)
    slot[members[i]] = i;
  std::vector<double> v(members.size(), 1.0), next(members.size());
  double logGrowth = 0;
  std::size_t counted = 0;
  for (std::size_t r = 0; r < rounds; ++r) {
    std::fill(next.begin(), next.end(), 0.0);
    for (std::size_t i = 0; i < members.size(); ++i) {
      for (const Edge& e : graph[static_cast<std::size_t>(members[i])]) {
        if (component[static_cast<std::size_t>(e.to)] == id) next[slot[e.to]] += e.weight * v[i];
      }
    }
    double total = 0;
    for (double x : next)
      total += x;
    if (total <= 0) return 0;
    double before = 0;
    for (double x : v)
      before += x;
    if (r >= rounds / 2) {  // skip the first half: the start vector is not yet the leading one
      logGrowth += std::log(total / before);
      ++counted;
    }
    for (std::size_t i = 0; i < v.size(); ++i)
      v[i] = next[i] / total * static_cast<double>(v.size());
  }
  return counted > 0 ? std::exp(logGrowth / static_cast<double>(counted)) : 0;
}
}  // namespace

std::vector<EmitGrowth> findGrowingEmitLoops(const Scenario& scenario) {
  const auto graph = expectedEmits(scenario);
  const std::vector<int> component = components(graph);
  std::map<int, std::vector<int>> members;
  for (std::size_t s = 0; s < graph.size(); ++s)
    members[component[s]].push_back(static_cast<int>(s));
  std::vector<EmitGrowth> found;
  for (const auto& [id, group] : members) {
    std::size_t edges = 0;
    bool cyclic = group.size() > 1;
    for (int s : group) {
      for (const Edge& e : graph[static_cast<std::size_t>(s)]) {
        edges += component[static_cast<std::size_t>(e.to)] == id;
        cyclic = cyclic || e.to == s;
      }
    }
    if (!cyclic) continue;
    const double factor = growthFactor(graph, group, component, id, edges);
    if (factor < 1.0 - 1e-9) continue;
    EmitGrowth growth;
    growth.factor = factor;
    for (int s : group)
      growth.services.push_back(scenario.services[static_cast<std::size_t>(s)].name);
    const ServiceSpec& first = scenario.services[static_cast<std::size_t>(group.front())];
    growth.pos = first.emits.empty() ? first.pos : first.emits.front().pos;
    found.push_back(std::move(growth));
  }
  return found;
}

}  // namespace eventscope::core
