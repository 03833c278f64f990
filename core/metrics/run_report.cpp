#include "core/metrics/run_report.h"

#include <algorithm>

namespace eventscope::core {

namespace {
template <typename T>
const T* byName(const std::vector<T>& items, const std::string& name) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& i) { return i.name == name; });
  return it == items.end() ? nullptr : &*it;
}
}  // namespace

const ServiceReport* RunReport::findService(const std::string& name) const {
  return byName(services, name);
}
const TopicReport* RunReport::findTopic(const std::string& name) const {
  return byName(topics, name);
}

}  // namespace eventscope::core
