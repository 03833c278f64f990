#include "core/io/map_fields.h"

#include "core/io/did_you_mean.h"

namespace eventscope::core::detail {

MapFields::MapFields(ReadContext& context, const YAML::Node& map)
    : m_context(context), m_position(context.position(map)) {
  for (auto it = map.begin(); it != map.end(); ++it) {
    const YAML::Node key = it->first;
    const SourcePos keyPos = context.position(key);
    if (!context.spend(keyPos)) {
      return;
    }
    if (!key.IsScalar()) {
      context.error(keyPos, "a key must be a plain name, got " + describe(key));
      continue;
    }
    const Field* first = find(key.Scalar());
    if (first) {
      std::string where = first->keyPos.line == keyPos.line
                              ? "column " + std::to_string(first->keyPos.column)
                              : "line " + std::to_string(first->keyPos.line);
      context.error(keyPos, "duplicate key '" + shortened(key.Scalar()) + "' (first at " + where +
                                "); remove one of them");
      continue;
    }
    const YAML::Node value = it->second;
    const SourcePos valuePos = value.IsNull() ? keyPos : context.position(value);
    m_index.emplace(key.Scalar(), m_fields.size());
    m_fields.push_back({key.Scalar(), value, keyPos, valuePos});
  }
}

const Field* MapFields::find(std::string_view key) const {
  const auto it = m_index.find(std::string(key));
  return it == m_index.end() ? nullptr : &m_fields[it->second];
}

void MapFields::rejectUnknown(const std::vector<std::string>& allowed,
                              std::string_view where) const {
  // Appended, not `" " + std::string(where)`: that form trips GCC 12's -Wrestrict false alarm.
  std::string suffix;
  if (!where.empty()) {
    suffix.append(" ").append(where);
  }
  for (const Field& field : m_fields) {
    bool known = false;
    for (const std::string& name : allowed) {
      known = known || name == field.key;
    }
    if (known) {
      continue;
    }
    if (field.key == "<<") {
      m_context.error(field.keyPos,
                      "YAML merge keys ('<<')" + suffix + " are not supported; write the keys out");
      continue;
    }
    std::string message = "unknown key '" + shortened(field.key) + "'" + suffix;
    if (auto hint = closestMatch(field.key, allowed)) {
      message += "; did you mean '" + *hint + "'?";
      m_suggested.push_back(*hint);
    } else {
      message += "; expected one of: ";
      for (std::size_t i = 0; i < allowed.size(); ++i) {
        message += (i == 0 ? "" : ", ") + allowed[i];
      }
    }
    m_context.error(field.keyPos, message);
  }
}

bool MapFields::suggested(std::string_view key) const {
  for (const std::string& hint : m_suggested) {
    if (hint == key) {
      return true;
    }
  }
  return false;
}

const Field* MapFields::require(std::string_view key, std::string_view owner) const {
  const Field* field = find(key);
  if (!field && !suggested(key)) {
    m_context.error(m_position,
                    std::string(owner) + " is missing required key '" + std::string(key) + "'");
  }
  return field;
}

}  // namespace eventscope::core::detail
