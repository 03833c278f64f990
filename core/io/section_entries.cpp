#include "core/io/scenario_sections.h"
#include "core/io/yaml_values.h"
#include "core/model/limits.h"

namespace eventscope::core::detail {

bool forEachEntry(ReadContext& context, const Field& section, std::string_view entryKind,
                  std::string_view shape,
                  const std::function<void(const MapFields&, std::size_t index)>& read) {
  // An empty section (`topics:` with nothing under it yet) is an empty list.
  if (section.value.IsNull()) {
    return true;
  }
  const std::string kind(entryKind);
  if (!section.value.IsSequence()) {
    context.error(section.valuePos, section.name() + " must be a list of " + kind +
                                        "s, each like " + std::string(shape) + ", got " +
                                        describe(section.value));
    return false;
  }
  bool complete = true;
  std::size_t index = 0;
  for (const YAML::Node& entry : section.value) {
    const SourcePos pos = context.position(entry);
    if (!context.spend(pos)) {
      return false;
    }
    if (index == static_cast<std::size_t>(limits::kMaxEntities)) {
      context.error(pos, "too many " + kind + "s: at most " + std::to_string(limits::kMaxEntities) +
                             " are supported");
      return false;
    }
    ++index;
    if (!entry.IsMap()) {
      context.error(pos, "each " + kind + " must be a map like " + std::string(shape) + ", got " +
                             describe(entry));
      complete = false;
      continue;
    }
    read(MapFields(context, entry), index);
    if (context.exhausted()) {
      return false;
    }
  }
  return complete;
}

std::string readEntryName(ReadContext& context, const MapFields& entry, std::string_view kind,
                          std::size_t index, const std::vector<std::string>& allowed,
                          std::string& name, SourcePos& pos, bool& named) {
  std::string label = std::string(kind) + " #" + std::to_string(index);
  pos = entry.position();
  named = false;
  const Field* field = entry.find("name");
  if (field) {
    pos = field->valuePos;
    if (auto value = readName(context, *field)) {
      name = *value;
      named = true;
      label = std::string(kind) + " '" + name + "'";
    }
  }
  // Unknown keys first, so a misspelt `name:` gets one "did you mean" and no "missing" error.
  entry.rejectUnknown(allowed, "in " + label);
  if (!field) {
    entry.require("name", label);
  }
  return label;
}

}  // namespace eventscope::core::detail
