#include "core/io/scenario_sections.h"
#include "core/io/yaml_values.h"
#include "core/model/limits.h"

namespace eventscope::core::detail {

void readTopics(ReadContext& context, const Field& section, Scenario& scenario,
                ValidationOptions& gaps) {
  const bool complete = forEachEntry(
      context, section, "topic", "'- name: orders'",
      [&](const MapFields& entry, std::size_t index) {
        TopicSpec topic;
        bool named = false;
        readEntryName(context, entry, "topic", index,
                      {"name", "partitions", "capacity", "overflow"}, topic.name, topic.pos, named);
        gaps.topicsIncomplete = gaps.topicsIncomplete || !named;
        if (const Field* f = entry.find("partitions")) {
          if (auto v = readInteger(context, *f, 1, limits::kMaxPartitions)) {
            topic.partitions = static_cast<int>(*v);
          }
        }
        if (const Field* f = entry.find("capacity")) {
          topic.capacity = readUnsigned(context, *f, 1, limits::kMaxCapacity);
        }
        if (const Field* f = entry.find("overflow")) {
          const std::vector<std::pair<std::string, Overflow>> choices{
              {"block", Overflow::Block},
              {"drop-newest", Overflow::DropNewest},
              {"drop-oldest", Overflow::DropOldest},
              {"reject", Overflow::Reject}};
          if (auto v = readChoice(context, *f, choices)) {
            topic.overflow = *v;
          }
        }
        scenario.topics.push_back(std::move(topic));
      });
  gaps.topicsIncomplete = gaps.topicsIncomplete || !complete;
}

void readLayout(ReadContext& context, const Field& section, Scenario& scenario) {
  if (section.value.IsNull()) {
    return;
  }
  const std::optional<MapFields> nodes = readMap(context, section, "{orders: {x: 120, y: 40}}");
  if (!nodes) {
    return;
  }
  // Positions only place nodes on the canvas, so any finite number within reason will do.
  const NumberRange coordinate{-1e9, 1e9};
  for (const Field& node : nodes->fields()) {
    if (node.key.empty()) {
      context.error(node.keyPos, "a layout entry needs a node name");
      continue;
    }
    const std::string where = "in layout of '" + shortened(node.key) + "'";
    Field described = node;
    described.subject = "layout of '" + shortened(node.key) + "'";
    const std::optional<MapFields> point = readMap(context, described, "{x: 120, y: 40}");
    if (!point) {
      continue;
    }
    point->rejectUnknown({"x", "y"}, where);
    LayoutEntry entry{node.key, 0, 0, node.keyPos};
    const Field* x = point->require("x", described.subject);
    const Field* y = point->require("y", described.subject);
    if (x) {
      entry.x = readNumber(context, *x, coordinate).value_or(0);
    }
    if (y) {
      entry.y = readNumber(context, *y, coordinate).value_or(0);
    }
    scenario.layout.push_back(std::move(entry));
  }
}

}  // namespace eventscope::core::detail
