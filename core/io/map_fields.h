#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/io/read_context.h"

namespace eventscope::core::detail {

// One `key: value` of a YAML map, with where to point at each part.
struct Field {
  std::string key;
  YAML::Node value;
  SourcePos keyPos;
  SourcePos valuePos;   // an empty value has no text: this is then the key's position
  std::string subject;  // how messages name it when not "'key'", e.g. "each entry of 'x'"

  std::string name() const { return subject.empty() ? "'" + key + "'" : subject; }
};

// The keys of one YAML map, checked the way a scenario wants them: duplicate keys are reported
// when collected (yaml-cpp keeps both and would silently use the first), unknown and missing
// keys when the caller says which keys the map may and must have.
class MapFields {
 public:
  MapFields(ReadContext& context, const YAML::Node& map);

  SourcePos position() const { return m_position; }
  const std::vector<Field>& fields() const { return m_fields; }
  const Field* find(std::string_view key) const;

  // Reports each key not in `allowed`, e.g. "unknown key 'instnces' in service 'billing'; did
  // you mean 'instances'?"; `where` is "in service 'billing'" or empty. Call it before require().
  void rejectUnknown(const std::vector<std::string>& allowed, std::string_view where) const;

  // Whether rejectUnknown() suggested `key` for a misspelt one.
  bool suggested(std::string_view key) const;

  // The field, or nullptr after reporting "OWNER is missing required key 'KEY'". A key that
  // rejectUnknown() already suggested is not reported again: one typo, one error.
  const Field* require(std::string_view key, std::string_view owner) const;

 private:
  ReadContext& m_context;
  SourcePos m_position;
  std::vector<Field> m_fields;
  std::unordered_map<std::string, std::size_t> m_index;  // key -> index in m_fields
  mutable std::vector<std::string> m_suggested;
};

}  // namespace eventscope::core::detail
