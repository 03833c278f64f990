#include "core/lessons/named_nodes.h"

#include <algorithm>

namespace eventscope::core {

std::vector<std::string> namedNodes(std::string_view markdown, const Scenario& scenario) {
  const auto isNode = [&](std::string_view name) {
    const auto named = [&](const auto& entity) { return entity.name == name; };
    return std::any_of(scenario.topics.begin(), scenario.topics.end(), named) ||
           std::any_of(scenario.producers.begin(), scenario.producers.end(), named) ||
           std::any_of(scenario.services.begin(), scenario.services.end(), named);
  };
  std::vector<std::string> names;
  std::size_t at = 0;
  while ((at = markdown.find('`', at)) != std::string_view::npos) {
    const std::size_t end = markdown.find('`', at + 1);
    if (end == std::string_view::npos) break;
    const std::string_view name = markdown.substr(at + 1, end - at - 1);
    if (isNode(name) && std::find(names.begin(), names.end(), name) == names.end())
      names.emplace_back(name);
    at = end + 1;
  }
  return names;
}

}  // namespace eventscope::core
