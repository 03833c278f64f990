#include "core/model/scenario.h"

#include <algorithm>
#include <cmath>

namespace eventscope::core {

double Distribution::meanSeconds() const {
  switch (kind) {
    case Kind::Constant:
    case Kind::Exponential:
    case Kind::Lognormal:
      return toSeconds(first);
    case Kind::Uniform:
      return (toSeconds(first) + toSeconds(second)) / 2;
  }
  return toSeconds(first);
}

const char* overflowName(Overflow overflow) {
  switch (overflow) {
    case Overflow::Block:
      return "block";
    case Overflow::DropNewest:
      return "drop-newest";
    case Overflow::DropOldest:
      return "drop-oldest";
    case Overflow::Reject:
      return "reject";
  }
  return "block";
}

namespace {
template <typename T>
const T* findByName(const std::vector<T>& items, std::string_view name) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& i) { return i.name == name; });
  return it == items.end() ? nullptr : &*it;
}
}  // namespace

const TopicSpec* Scenario::findTopic(std::string_view topicName) const {
  return findByName(topics, topicName);
}
const ServiceSpec* Scenario::findService(std::string_view serviceName) const {
  return findByName(services, serviceName);
}
const ProducerSpec* Scenario::findProducer(std::string_view producerName) const {
  return findByName(producers, producerName);
}

}  // namespace eventscope::core
