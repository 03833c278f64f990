// A recording's external inputs, read back for a what-if replay.
#include "core/store/recorded_inputs.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "core/store/damaged.h"

namespace eventscope::core::store {

bool Recording::externalInputs(std::uint64_t afterId, std::size_t limit,
                               std::vector<ExternalInput>& out, std::uint64_t& lastId,
                               std::string* error) const {
  out.clear();
  try {
    // Every chain starts with an event nothing caused; service emits and dead letters always
    // have a cause, so this is exactly what came from outside.
    SQLite::Statement query(
        *m_db,
        "SELECT id, t, type, topic, schema, key, payload, origin, partition FROM events"
        " WHERE id > ? AND causation IS NULL ORDER BY id LIMIT ?");
    query.bind(1, static_cast<std::int64_t>(afterId));
    query.bind(2, static_cast<std::int64_t>(limit));
    while (query.executeStep()) {
      ExternalInput input;
      lastId = static_cast<std::uint64_t>(query.getColumn(0).getInt64());
      input.at = query.getColumn(1).getInt64();
      input.type = nameOf(NameKind::EventType, query.getColumn(2).getInt64());
      input.topic = nameOf(NameKind::Topic, query.getColumn(3).getInt64());
      input.schema = query.getColumn(4).getInt();
      if (!query.getColumn(5).isNull())
        input.key = nameOf(NameKind::Key, query.getColumn(5).getInt64());
      if (!query.getColumn(6).isNull())
        input.payload = nameOf(NameKind::Payload, query.getColumn(6).getInt64());
      const auto origin = static_cast<std::uint32_t>(query.getColumn(7).getInt64());
      if (static_cast<OriginKind>(origin / 65536) == OriginKind::Producer)
        input.producer = nameOf(NameKind::Producer, origin % 65536);
      input.partition = static_cast<std::uint32_t>(query.getColumn(8).getInt64());
      out.push_back(std::move(input));
    }
    return true;
  } catch (const std::exception& e) {
    *error = damaged(m_path, e);
    return false;
  }
}

bool Recording::externalInputTopics(std::vector<std::string>& out, std::string* error) const {
  out.clear();
  try {
    SQLite::Statement query(*m_db,
                            "SELECT DISTINCT topic FROM events WHERE causation IS NULL"
                            " ORDER BY topic");
    while (query.executeStep())
      out.push_back(nameOf(NameKind::Topic, query.getColumn(0).getInt64()));
    return true;
  } catch (const std::exception& e) {
    *error = damaged(m_path, e);
    return false;
  }
}

bool RecordedInputs::next(ExternalInput& input) {
  if (m_position == m_page.size()) {
    if (m_exhausted) return false;
    m_position = 0;
    if (!m_recording.externalInputs(m_afterId, m_pageSize, m_page, m_afterId, &m_error)) {
      m_page.clear();
      m_exhausted = true;
      return false;
    }
    m_exhausted = m_page.size() < m_pageSize;
    if (m_page.empty()) return false;
  }
  input = std::move(m_page[m_position++]);
  ++m_delivered;
  return true;
}

}  // namespace eventscope::core::store
