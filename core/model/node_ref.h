#pragma once

#include <compare>
#include <cstdint>

namespace eventscope::core {

// A node of a scenario's topology: its producer, topic or service with that index.
enum class NodeKind : std::uint8_t { Producer, Topic, Service };

struct NodeRef {
  NodeKind kind = NodeKind::Producer;
  std::uint32_t index = 0;
  auto operator<=>(const NodeRef&) const = default;
};

}  // namespace eventscope::core
