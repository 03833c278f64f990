#include "core/store/recording_writer.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include "core/store/schema.h"

namespace eventscope::core::store {

namespace {
// Events and attempts go in through statements of many rows each: SQLite's cost per statement
// (start, cursors, halt) is then paid once per kRowsPerInsert rows instead of once per row.
constexpr int kRowsPerInsert = 64;

std::string insertSql(const char* head, int columns, int rows) {
  std::string row = "(";
  for (int c = 0; c < columns; ++c)
    row += c == 0 ? "?" : ",?";
  row += ")";
  std::string sql = head;
  for (int r = 0; r < rows; ++r)
    sql += (r == 0 ? " VALUES" : ",") + row;
  return sql;
}

constexpr const char* kInsertEvents = "INSERT INTO events";
// Two identical drops of one event's copies at one instant have the same key: one row stays.
constexpr const char* kInsertAttempts = "INSERT OR IGNORE INTO attempts";
constexpr int kEventColumns = 11, kAttemptColumns = 8;

// The inserts of events and attempts, millions of rows, go through SQLite's C API: SQLiteCpp
// would check every bind; here a bad bind shows up as the step's error.
class HotInsert {
 public:
  HotInsert(sqlite3* db, const std::string& sql) : m_db(db) {
    const int rc =
        sqlite3_prepare_v3(db, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &m_statement, nullptr);
    if (rc != SQLITE_OK) throw SQLite::Exception(db, rc);
  }
  ~HotInsert() { sqlite3_finalize(m_statement); }
  HotInsert(const HotInsert&) = delete;
  HotInsert& operator=(const HotInsert&) = delete;

  void bind(int index, std::int64_t value) { sqlite3_bind_int64(m_statement, index, value); }
  // NULL unless present.
  void bind(int index, std::int64_t value, bool present) {
    if (present) {
      sqlite3_bind_int64(m_statement, index, value);
    } else {
      sqlite3_bind_null(m_statement, index);
    }
  }
  void step() {
    const int rc = sqlite3_step(m_statement);
    sqlite3_reset(m_statement);
    if (rc != SQLITE_DONE) throw SQLite::Exception(m_db, rc);
  }

 private:
  sqlite3* m_db;
  sqlite3_stmt* m_statement = nullptr;
};
}  // namespace

struct RecordingWriter::Statements {
  explicit Statements(SQLite::Database& db)
      : event(db.getHandle(), insertSql(kInsertEvents, kEventColumns, 1)),
        events(db.getHandle(), insertSql(kInsertEvents, kEventColumns, kRowsPerInsert)),
        attempt(db.getHandle(), insertSql(kInsertAttempts, kAttemptColumns, 1)),
        attempts(db.getHandle(), insertSql(kInsertAttempts, kAttemptColumns, kRowsPerInsert)),
        bucket(db, "INSERT OR REPLACE INTO buckets VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
        queueState(db, "INSERT OR REPLACE INTO queue_states VALUES(?,?,?,?,?,?)"),
        instanceState(db, "INSERT OR REPLACE INTO instance_states VALUES(?,?,?,?)"),
        name(db, "INSERT OR REPLACE INTO names VALUES(?,?,?)"),
        meta(db, "INSERT OR REPLACE INTO meta VALUES(?,?)"),
        batch(db, "INSERT INTO batches VALUES(?,?,?,?,?)"),
        cloudEvent(db, "INSERT INTO cloudevents VALUES(?,?,?,?,?,?)") {}
  HotInsert event, events, attempt, attempts;
  SQLite::Statement bucket, queueState, instanceState, name, meta, batch, cloudEvent;
};

std::unique_ptr<RecordingWriter> RecordingWriter::create(const std::string& path,
                                                         const Options& options,
                                                         std::string* error) {
  // SQLite's memory statistics take a global mutex on every allocation; nobody reads them.
  // This only works before SQLite initializes, so it is tried once, as early as we can.
  static const bool untracked = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
  (void)untracked;
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(path, ec)) {
    *error = "cannot record to " + path + ": the file exists";
    return nullptr;
  }
  // The file appears under its name only once it is a complete (empty) recording: made
  // beside it, then linked into place. A process killed in its first moments leaves no file
  // that is a SQLite database but not a recording.
  const std::string creating = path + ".creating";
  bool linked = false;
  try {
    fs::remove(creating, ec);
    {
      SQLite::Database fresh(creating, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      fresh.exec("PRAGMA page_size=8192");
      SQLite::Transaction schema(fresh);
      fresh.exec(kSchemaSql);
      fresh.exec("PRAGMA application_id=" + std::to_string(kApplicationId));
      fresh.exec("PRAGMA user_version=" + std::to_string(kFormatVersion));
      schema.commit();
      fresh.exec("PRAGMA journal_mode=WAL");  // kept in the file's header
    }
    // link() never replaces a file that appeared meanwhile, as rename() would.
    if (::link(creating.c_str(), path.c_str()) != 0) {
      throw std::runtime_error(std::strerror(errno));
    }
    linked = true;
    fs::remove(creating, ec);
    auto db =
        std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX);
    // A reader that opens the file meanwhile (the GUI's event log tails a live recording)
    // briefly locks the WAL index: wait for it rather than fail the recording.
    db->setBusyTimeout(10'000);
    db->exec(options.fullSync ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
    db->exec("PRAGMA cache_size=-8192");  // 8 MiB: enough for the b-trees' hot right edges
    return std::unique_ptr<RecordingWriter>(new RecordingWriter(std::move(db), options));
  } catch (const std::exception& e) {
    *error = "cannot record to " + path + ": " + e.what();
    fs::remove(creating, ec);
    if (linked) fs::remove(path, ec);
    return nullptr;
  }
}

RecordingWriter::RecordingWriter(std::unique_ptr<SQLite::Database> db, const Options& options)
    : m_db(std::move(db)),
      m_statements(std::make_unique<Statements>(*m_db)),
      m_options(options),
      m_current(std::make_unique<RecordingBatch>()) {
  m_thread = std::thread([this] { run(); });
}

RecordingWriter::~RecordingWriter() {
  std::string ignored;
  close(&ignored);
}

bool RecordingWriter::submit() {
  std::unique_lock lock(m_mutex);
  // Backpressure on the engine: wait while the ring is full.
  m_changed.wait(lock, [&] { return m_inFlight < m_options.ringBatches || m_failed; });
  if (m_failed) {
    m_current->clear();
    return false;
  }
  m_full.push_back(std::move(m_current));
  ++m_inFlight;
  if (m_free.empty()) {
    m_current = std::make_unique<RecordingBatch>();
  } else {
    m_current = std::move(m_free.front());
    m_free.pop_front();
  }
  m_changed.notify_all();
  return true;
}

bool RecordingWriter::close(std::string* error) {
  if (m_thread.joinable()) {
    if (m_current->rows() > 0) submit();
    {
      std::lock_guard lock(m_mutex);
      m_closing = true;
    }
    m_changed.notify_all();
    m_thread.join();
    m_statements.reset();
    try {
      if (!m_failed) m_db->exec("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (const std::exception&) {
      // The data is committed in the WAL; a later open checkpoints it.
    }
    m_db.reset();
  }
  std::lock_guard lock(m_mutex);
  if (m_failed) *error = m_error;
  return !m_failed;
}

std::uint64_t RecordingWriter::batchesCommitted() const {
  std::lock_guard lock(m_mutex);
  return m_committed;
}

void RecordingWriter::run() {
  std::uint64_t seq = 0;
  while (true) {
    std::unique_ptr<RecordingBatch> batch;
    {
      std::unique_lock lock(m_mutex);
      m_changed.wait(lock, [&] { return !m_full.empty() || m_closing; });
      if (m_full.empty()) return;
      batch = std::move(m_full.front());
      m_full.pop_front();
    }
    bool ok = true;
    std::string why;
    try {
      write(*batch, ++seq);
    } catch (const std::exception& e) {
      ok = false;
      why = e.what();
    }
    batch->clear();
    std::lock_guard lock(m_mutex);
    if (!ok && !m_failed) {
      m_failed = true;
      m_error = "recording failed after " + std::to_string(m_committed) + " batches: " + why;
    }
    if (ok) ++m_committed;
    m_free.push_back(std::move(batch));
    --m_inFlight;
    m_changed.notify_all();
  }
}

namespace {
void bindOptional(SQLite::Statement& s, int index, std::int64_t value, bool present) {
  if (present) {
    s.bind(index, static_cast<std::int64_t>(value));
  } else {
    s.bind(index);  // NULL
  }
}

void bindText(SQLite::Statement& s, int index, const std::string& text) {
  if (text.empty()) {
    s.bind(index);  // NULL
  } else {
    s.bind(index, text);
  }
}

void step(SQLite::Statement& s) {
  s.exec();
  s.reset();
}

// Inserts every row: kRowsPerInsert at a time through `many`, the rest through `one`.
// bind(statement, first parameter index, row) binds one row's columns.
template <typename Row, typename Bind>
void insertRows(HotInsert& many, HotInsert& one, int columns, const std::vector<Row>& rows,
                Bind bind) {
  std::size_t i = 0;
  for (; i + kRowsPerInsert <= rows.size(); i += kRowsPerInsert) {
    for (int r = 0; r < kRowsPerInsert; ++r)
      bind(many, 1 + r * columns, rows[i + static_cast<std::size_t>(r)]);
    many.step();
  }
  for (; i < rows.size(); ++i) {
    bind(one, 1, rows[i]);
    one.step();
  }
}

void bindEvent(HotInsert& s, int at, const EventRow& e) {
  s.bind(at, static_cast<std::int64_t>(e.id));
  s.bind(at + 1, e.t);
  s.bind(at + 2, e.type);
  s.bind(at + 3, e.topic);
  s.bind(at + 4, e.partition);
  s.bind(at + 5, e.schema);
  s.bind(at + 6, e.key, e.key >= 0);
  s.bind(at + 7, static_cast<std::int64_t>(e.correlation), e.correlation != 0);
  s.bind(at + 8, static_cast<std::int64_t>(e.causation), e.causation != 0);
  s.bind(at + 9, e.payload, e.payload != 0);
  s.bind(at + 10, e.origin);
}

void bindAttempt(HotInsert& s, int at, const AttemptRow& a) {
  s.bind(at, static_cast<std::int64_t>(a.event));
  s.bind(at + 1, a.service);
  s.bind(at + 2, a.start);
  s.bind(at + 3, a.instance);
  s.bind(at + 4, a.outcome);
  s.bind(at + 5, a.reason);
  s.bind(at + 6, a.duration);
  s.bind(at + 7, a.attempt);
}
}  // namespace

void RecordingWriter::write(const RecordingBatch& batch, std::uint64_t seq) {
  Statements& st = *m_statements;
  SQLite::Transaction transaction(*m_db);
  for (const NameRow& n : batch.names) {
    st.name.bind(1, n.kind);
    st.name.bind(2, static_cast<std::int64_t>(n.id));
    st.name.bind(3, n.name);
    step(st.name);
  }
  for (const MetaRow& m : batch.meta) {
    st.meta.bind(1, m.key);
    st.meta.bind(2, m.value);
    step(st.meta);
  }
  insertRows(st.events, st.event, kEventColumns, batch.events, bindEvent);
  insertRows(st.attempts, st.attempt, kAttemptColumns, batch.attempts, bindAttempt);
  const std::uint64_t lastEvent = batch.events.empty() ? 0 : batch.events.back().id;
  for (const BucketRow& b : batch.buckets) {
    SQLite::Statement& s = st.bucket;
    const ServiceSample& v = b.sample;
    s.bind(1, b.service);
    s.bind(2, b.queue);
    s.bind(3, b.bucket);
    s.bind(4, v.backlog);
    s.bind(5, v.lag);
    s.bind(6, v.backlogMax);
    s.bind(7, v.throughput);
    s.bind(8, v.latencyP50);
    s.bind(9, v.latencyP95);
    s.bind(10, v.latencyP99);
    s.bind(11, v.utilization);
    s.bind(12, v.instances);
    s.bind(13, v.acked);
    s.bind(14, v.failedAttempts);
    s.bind(15, v.retries);
    s.bind(16, v.redeliveries);
    s.bind(17, v.deadLettered);
    s.bind(18, v.duplicatesProcessed);
    s.bind(19, v.dropped);
    step(s);
  }
  for (const QueueStateRow& q : batch.queueStates) {
    SQLite::Statement& s = st.queueState;
    s.bind(1, q.bucket);
    s.bind(2, q.service);
    s.bind(3, q.queue);
    s.bind(4, static_cast<std::int64_t>(q.held));
    s.bind(5, static_cast<std::int64_t>(q.inProcess));
    s.bind(6, static_cast<std::int64_t>(q.delayed));
    step(s);
  }
  for (const InstanceStateRow& i : batch.instanceStates) {
    SQLite::Statement& s = st.instanceState;
    s.bind(1, i.bucket);
    s.bind(2, i.service);
    s.bind(3, i.instance);
    s.bind(4, i.state);
    step(s);
  }
  for (const CloudEventRow& c : batch.cloudEvents) {
    SQLite::Statement& s = st.cloudEvent;
    s.bind(1, static_cast<std::int64_t>(c.event));
    s.bind(2, c.id);
    s.bind(3, c.source);
    bindText(s, 4, c.traceparent);
    bindText(s, 5, c.correlationId);
    bindText(s, 6, c.causationId);
    step(s);
  }
  SQLite::Statement& s = st.batch;
  s.bind(1, static_cast<std::int64_t>(seq));
  s.bind(2, static_cast<std::int64_t>(batch.events.size()));
  s.bind(3, static_cast<std::int64_t>(batch.attempts.size()));
  bindOptional(s, 4, static_cast<std::int64_t>(lastEvent), lastEvent != 0);
  s.bind(5, static_cast<std::int64_t>(batch.simTime));
  step(s);
  transaction.commit();
}

}  // namespace eventscope::core::store
