// Opening a recording that may be broken or hostile, and what is cheap to read from it.
#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "core/store/damaged.h"
#include "core/store/recording.h"

namespace eventscope::core::store {

namespace {
std::uint32_t bigEndian32(const unsigned char* p) {
  return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) |
         p[3];
}

// Checks the first 100 bytes (SQLite's file header) before SQLite sees the file: emptiness,
// magic, and a database shorter than its header says (a truncated copy or download).
bool checkHeader(const std::string& path, std::string* error) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    *error = path + ": is a directory, not a recording";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = path + ": cannot open the file: " + std::strerror(errno);
    return false;
  }
  const auto size = fs::file_size(path, ec);
  if (ec || size == 0) {
    *error = path + ": the file is empty, not a recording";
    return false;
  }
  std::array<unsigned char, 100> header{};
  in.read(reinterpret_cast<char*>(header.data()), header.size());
  static const char kMagic[16] = "SQLite format 3";
  if (in.gcount() < 16 || std::memcmp(header.data(), kMagic, 16) != 0) {
    *error = path + ": not a recording (not a SQLite database)";
    return false;
  }
  if (in.gcount() < 100) {
    *error = path + ": the recording is truncated (shorter than its header)";
    return false;
  }
  std::uint32_t pageSize = (std::uint32_t{header[16]} << 8) | header[17];
  if (pageSize == 1) pageSize = 65536;
  const std::uint32_t pages = bigEndian32(&header[28]);
  const bool pagesValid = bigEndian32(&header[92]) == bigEndian32(&header[24]) && pages > 0;
  // With a write-ahead log beside it, a checkpoint cut short may have left the file shorter
  // than its header says; the log still holds those pages, and SQLite finishes the job.
  const bool walPending = fs::file_size(path + "-wal", ec) > 0 && !ec;
  if (pagesValid && !walPending && static_cast<std::uint64_t>(pages) * pageSize > size) {
    *error = path + ": the recording is truncated (" + std::to_string(size) + " of " +
             std::to_string(static_cast<std::uint64_t>(pages) * pageSize) + " bytes)";
    return false;
  }
  return true;
}

// Untrusted schema: no triggers, no views, no functions called from the schema, no writes.
void harden(sqlite3* db) {
  int ignored = 0;
  sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, &ignored);
  sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &ignored);
  sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, &ignored);
  sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, &ignored);
  sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 64 << 20);  // no 2 GiB strings from a hostile file
}

const char* kTables[] = {"meta",         "names",           "events",  "attempts",   "buckets",
                         "queue_states", "instance_states", "batches", "cloudevents"};
}  // namespace

std::unique_ptr<Recording> Recording::open(const std::string& path, std::string* error) {
  if (!checkHeader(path, error)) return nullptr;
  try {
    auto db =
        std::make_unique<SQLite::Database>(path, SQLite::OPEN_READONLY | SQLite::OPEN_NOMUTEX);
    db->setBusyTimeout(2'000);  // a writer's checkpoint may hold the file for a moment
    harden(db->getHandle());
    const int applicationId = db->execAndGet("PRAGMA application_id").getInt();
    if (applicationId != kApplicationId) {
      *error = path + ": a SQLite database, but not an Eventscope recording";
      return nullptr;
    }
    const int version = db->execAndGet("PRAGMA user_version").getInt();
    if (version > kFormatVersion) {
      *error = path + ": recorded in format " + std::to_string(version) +
               " by a newer Eventscope; this build reads format " + std::to_string(kFormatVersion);
      return nullptr;
    }
    if (version < 1) {
      *error = path + ": not an Eventscope recording (no format version)";
      return nullptr;
    }
    for (const char* table : kTables) {
      SQLite::Statement query(*db,
                              "SELECT count(*) FROM sqlite_schema WHERE type='table' AND name=?");
      query.bind(1, table);
      if (!query.executeStep() || query.getColumn(0).getInt() != 1) {
        *error = path + ": the recording is damaged (table '" + table + "' is missing)";
        return nullptr;
      }
    }
    // Eventscope never writes triggers or views; a file that has them was made by something else.
    if (db->execAndGet("SELECT count(*) FROM sqlite_schema WHERE type IN ('trigger', 'view')")
            .getInt() > 0) {
      *error = path + ": not an Eventscope recording (it contains triggers or views)";
      return nullptr;
    }
    std::unique_ptr<Recording> recording(new Recording(std::move(db), path));
    if (!recording->loadNames(error)) return nullptr;
    return recording;
  } catch (const std::exception& e) {
    *error = path + ": the recording is damaged or unreadable (" + oneLine(e.what()) + ")";
    return nullptr;
  }
}

Recording::Recording(std::unique_ptr<SQLite::Database> db, std::string path)
    : m_db(std::move(db)), m_path(std::move(path)) {}

Recording::~Recording() = default;

bool Recording::loadNames(std::string* error) {
  m_names.assign(static_cast<std::size_t>(NameKind::Payload) + 1, {});
  SQLite::Statement query(*m_db, "SELECT kind, id, name FROM names ORDER BY kind, id");
  while (query.executeStep()) {
    const int kind = query.getColumn(0).getInt();
    const std::int64_t id = query.getColumn(1).getInt64();
    std::string name = query.getColumn(2).getString();
    if (kind == static_cast<int>(NameKind::Key)) {
      m_keys.emplace_back(id, std::move(name));
      continue;
    }
    // Dense ids from 0; a hostile file cannot make us allocate for a huge id.
    if (kind < 1 || kind >= static_cast<int>(m_names.size()) || id < 0 || id > 1'000'000) {
      *error = m_path + ": the recording is damaged (a name with kind " + std::to_string(kind) +
               " and id " + std::to_string(id) + ")";
      return false;
    }
    auto& list = m_names[static_cast<std::size_t>(kind)];
    if (static_cast<std::size_t>(id) >= list.size()) list.resize(static_cast<std::size_t>(id) + 1);
    list[static_cast<std::size_t>(id)] = std::move(name);
  }
  return true;
}

const std::vector<std::string>& Recording::names(NameKind kind) const {
  return m_names[static_cast<std::size_t>(kind)];
}

std::string Recording::nameOf(NameKind kind, std::int64_t id) const {
  if (kind == NameKind::Key) {
    if (id >= 0 && id < 0x80000000LL) return "k" + std::to_string(id);
    auto it = std::lower_bound(m_keys.begin(), m_keys.end(), std::make_pair(id, std::string()));
    return it != m_keys.end() && it->first == id ? it->second : "#" + std::to_string(id);
  }
  const auto& list = names(kind);
  if (id >= 0 && static_cast<std::size_t>(id) < list.size())
    return list[static_cast<std::size_t>(id)];
  return "#" + std::to_string(id);
}

std::string Recording::originUri(std::uint32_t origin) const {
  const auto index = static_cast<std::int64_t>(origin % 65536);
  // Names may hold any character; only those a URI path allows as they are stay unescaped.
  const auto escaped = [](const std::string& name) {
    std::string out;
    for (unsigned char c : name) {
      if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
        out += static_cast<char>(c);
      } else {
        char buf[4];
        std::snprintf(buf, sizeof buf, "%%%02X", c);
        out += buf;
      }
    }
    return out;
  };
  switch (static_cast<OriginKind>(origin / 65536)) {
    case OriginKind::Producer:
      return "/eventscope/producer/" + escaped(nameOf(NameKind::Producer, index));
    case OriginKind::Service:
      return "/eventscope/service/" + escaped(nameOf(NameKind::Service, index));
    case OriginKind::Injection:
      return "/eventscope/injection";
    case OriginKind::Broker:
      return "/eventscope/broker/" + escaped(nameOf(NameKind::Service, index));
    case OriginKind::Import:
      return nameOf(NameKind::Producer, index);  // the CloudEvents source, as it was
  }
  return "/eventscope/unknown";
}

std::string Recording::originName(std::uint32_t origin) const {
  const auto index = static_cast<std::int64_t>(origin % 65536);
  switch (static_cast<OriginKind>(origin / 65536)) {
    case OriginKind::Producer:
      return "producer " + nameOf(NameKind::Producer, index);
    case OriginKind::Service:
      return "service " + nameOf(NameKind::Service, index);
    case OriginKind::Injection:
      return "injection";
    case OriginKind::Broker:
      return "broker (for " + nameOf(NameKind::Service, index) + ")";
    case OriginKind::Import:
      return "source " + nameOf(NameKind::Producer, index);
  }
  return "unknown";
}

std::optional<std::uint32_t> Recording::serviceId(const std::string& name) const {
  const auto& services = names(NameKind::Service);
  auto it = std::find(services.begin(), services.end(), name);
  if (it == services.end()) return std::nullopt;
  return static_cast<std::uint32_t>(it - services.begin());
}

std::string Recording::meta(const std::string& key) const {
  try {
    SQLite::Statement query(*m_db, "SELECT value FROM meta WHERE key=?");
    query.bind(1, key);
    if (query.executeStep()) return query.getColumn(0).getString();
  } catch (const std::exception&) {
  }
  return {};
}

bool Recording::verify(std::string* error) const {
  try {
    SQLite::Statement check(*m_db, "PRAGMA quick_check");
    std::string problems;
    while (check.executeStep()) {
      const std::string line = check.getColumn(0).getString();
      if (line != "ok") problems += (problems.empty() ? "" : "; ") + line;
    }
    if (problems.empty()) return true;
    *error = m_path + ": the recording is damaged (" + oneLine(problems.substr(0, 300)) + ")";
  } catch (const std::exception& e) {
    *error = damaged(m_path, e);
  }
  return false;
}

bool Recording::summary(RecordingSummary& out, std::string* error) const {
  try {
    out.source = meta("source");
    out.origin = meta("origin");
    out.scenarioName = meta("scenario_name");
    out.appVersion = meta("app_version");
    out.startedAt = meta("started_at");
    out.status = meta("status");
    out.reportJson = meta("report");
    const auto number = [&](const char* key) -> std::int64_t {
      const std::string text = meta(key);
      try {
        return text.empty() ? 0 : std::stoll(text);
      } catch (const std::exception&) {
        return 0;
      }
    };
    out.seed = static_cast<std::uint64_t>(number("seed"));
    out.duration = number("duration_ns");
    out.warmup = number("warmup_ns");
    out.bucketWidth = number("bucket_ns");
    out.end = number("end_ns");
    // Events are numbered in publish order: first and last are rowid lookups, not scans.
    SQLite::Statement range(*m_db,
                            "SELECT (SELECT t FROM events ORDER BY id LIMIT 1),"
                            " (SELECT t FROM events ORDER BY id DESC LIMIT 1),"
                            " (SELECT coalesce(sum(events), 0) FROM batches),"
                            " (SELECT coalesce(sum(attempts), 0) FROM batches),"
                            " (SELECT count(*) FROM batches)");
    if (range.executeStep()) {
      out.firstEvent = range.getColumn(0).getInt64();
      out.lastEvent = range.getColumn(1).getInt64();
      out.events = static_cast<std::uint64_t>(range.getColumn(2).getInt64());
      out.attempts = static_cast<std::uint64_t>(range.getColumn(3).getInt64());
      out.batches = static_cast<std::uint64_t>(range.getColumn(4).getInt64());
    }
    out.topics = names(NameKind::Topic);
    out.services = names(NameKind::Service);
    out.producers = names(NameKind::Producer);
    return true;
  } catch (const std::exception& e) {
    *error = damaged(m_path, e);
    return false;
  }
}

const char* spanOutcomeName(SpanOutcome outcome) {
  switch (outcome) {
    case SpanOutcome::Acked:
      return "acked";
    case SpanOutcome::Failed:
      return "failed";
    case SpanOutcome::TimedOut:
      return "timed-out";
    case SpanOutcome::Redelivered:
      return "redelivered";
    case SpanOutcome::DeadLettered:
      return "dead-lettered";
    case SpanOutcome::Discarded:
      return "discarded";
    case SpanOutcome::Dropped:
      return "dropped";
    case SpanOutcome::ZombieDone:
      return "zombie-done";
  }
  return "unknown";
}

std::optional<SpanOutcome> spanOutcomeFromName(const std::string& name) {
  for (int i = 0; i <= static_cast<int>(SpanOutcome::ZombieDone); ++i) {
    if (name == spanOutcomeName(static_cast<SpanOutcome>(i))) return static_cast<SpanOutcome>(i);
  }
  return std::nullopt;
}

}  // namespace eventscope::core::store
