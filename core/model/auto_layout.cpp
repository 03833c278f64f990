#include "core/model/auto_layout.h"

#include <algorithm>
#include <deque>
#include <map>
#include <string>

namespace eventscope::core {

namespace {
// The topology as a graph of named nodes with edges in the direction events flow.
struct Graph {
  std::vector<std::string> nodes;  // producers, topics (declared, then implicit), services
  std::map<std::string, std::size_t> index;
  std::vector<std::vector<std::size_t>> out, in;

  std::size_t add(const std::string& name) {
    const auto [it, added] = index.emplace(name, nodes.size());
    if (added) {
      nodes.push_back(name);
      out.emplace_back();
      in.emplace_back();
    }
    return it->second;
  }
  void connect(const std::string& from, const std::string& to) {
    const std::size_t a = add(from), b = add(to);
    if (std::find(out[a].begin(), out[a].end(), b) != out[a].end()) return;
    out[a].push_back(b);
    in[b].push_back(a);
  }
};

Graph graphOf(const Scenario& scenario) {
  Graph g;
  for (const ProducerSpec& p : scenario.producers)
    g.add(p.name);
  for (const TopicSpec& t : scenario.topics)
    g.add(t.name);
  for (const ServiceSpec& s : scenario.services) {
    for (const EmitSpec& e : s.emits)
      g.add(e.topic);
    if (s.deadLetter) g.add(*s.deadLetter);
  }
  for (const ServiceSpec& s : scenario.services)
    g.add(s.name);
  for (const ProducerSpec& p : scenario.producers)
    g.connect(p.name, p.topic);
  for (const ServiceSpec& s : scenario.services) {
    for (const std::string& topic : s.subscribes)
      g.connect(topic, s.name);
    for (const EmitSpec& e : s.emits)
      g.connect(s.name, e.topic);
    if (s.deadLetter) g.connect(s.name, *s.deadLetter);
  }
  return g;
}

// Each node's column: its distance from the nearest source along the flow (breadth first, so
// loops of emits do not push nodes right for ever). Nodes nothing reaches start where their
// kind would: topics in column 1, services in column 2.
std::vector<int> columnsOf(const Graph& g, const Scenario& scenario) {
  std::vector<int> column(g.nodes.size(), -1);
  std::deque<std::size_t> queue;
  const auto seed = [&](std::size_t node, int at) {
    if (column[node] >= 0) return;
    column[node] = at;
    queue.push_back(node);
  };
  const auto spread = [&] {
    while (!queue.empty()) {
      const std::size_t node = queue.front();
      queue.pop_front();
      for (std::size_t next : g.out[node])
        seed(next, column[node] + 1);
    }
  };
  for (const ProducerSpec& p : scenario.producers)
    seed(g.index.at(p.name), 0);
  spread();
  for (std::size_t node = 0; node < g.nodes.size(); ++node) {
    if (column[node] >= 0 || !g.in[node].empty()) continue;
    const bool service = scenario.findService(g.nodes[node]) != nullptr;
    seed(node, service ? 2 : 1);
    spread();
  }
  for (std::size_t node = 0; node < g.nodes.size(); ++node) {
    if (column[node] < 0) seed(node, 1);  // only on a loop nothing enters
    spread();
  }
  return column;
}
}  // namespace

std::vector<LayoutEntry> autoLayout(const Scenario& scenario) {
  const Graph g = graphOf(scenario);
  const std::vector<int> column = columnsOf(g, scenario);
  const int columns = g.nodes.empty() ? 0 : *std::max_element(column.begin(), column.end()) + 1;
  std::vector<std::vector<std::size_t>> byColumn(static_cast<std::size_t>(columns));
  for (std::size_t node = 0; node < g.nodes.size(); ++node)
    byColumn[static_cast<std::size_t>(column[node])].push_back(node);

  // Barycenter sweeps: each node moves toward the mean row of its neighbours in the column
  // before (left to right), then after (right to left). Ties keep the previous order.
  std::vector<double> row(g.nodes.size(), 0);
  const auto number = [&](const std::vector<std::size_t>& nodes) {
    for (std::size_t i = 0; i < nodes.size(); ++i)
      row[nodes[i]] = static_cast<double>(i);
  };
  for (const auto& nodes : byColumn)
    number(nodes);
  const auto sweep = [&](std::vector<std::size_t>& nodes, int neighbourColumn, bool incoming) {
    std::vector<std::pair<double, std::size_t>> keyed;
    for (std::size_t node : nodes) {
      double sum = 0;
      int count = 0;
      for (std::size_t other : incoming ? g.in[node] : g.out[node]) {
        if (column[other] != neighbourColumn) continue;
        sum += row[other];
        ++count;
      }
      keyed.emplace_back(count > 0 ? sum / count : row[node], node);
    }
    std::stable_sort(keyed.begin(), keyed.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t i = 0; i < nodes.size(); ++i)
      nodes[i] = keyed[i].second;
    number(nodes);
  };
  for (int round = 0; round < 4; ++round) {
    for (int c = 1; c < columns; ++c)
      sweep(byColumn[static_cast<std::size_t>(c)], c - 1, true);
    for (int c = columns - 2; c >= 0; --c)
      sweep(byColumn[static_cast<std::size_t>(c)], c + 1, false);
  }

  std::map<std::string, const LayoutEntry*> placed;
  for (const LayoutEntry& entry : scenario.layout)
    placed.emplace(entry.node, &entry);
  std::vector<LayoutEntry> out;
  out.reserve(g.nodes.size());
  for (std::size_t node = 0; node < g.nodes.size(); ++node) {
    if (const auto it = placed.find(g.nodes[node]); it != placed.end()) {
      out.push_back(*it->second);
      continue;
    }
    const auto& nodes = byColumn[static_cast<std::size_t>(column[node])];
    const double centre = (static_cast<double>(nodes.size()) - 1) / 2;
    out.push_back({.node = g.nodes[node],
                   .x = column[node] * kLayoutColumnWidth,
                   .y = (row[node] - centre) * kLayoutRowHeight});
  }
  return out;
}

}  // namespace eventscope::core
