// Reading a recording: pages of events, traces by correlation id, the state at a time and
// metric series. What the GUI and the CLI ask for, each answered with index lookups.
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <nlohmann/json.hpp>

#include "core/store/damaged.h"
#include "core/store/recording.h"

namespace eventscope::core::store {

namespace {
constexpr const char* kEventColumns =
    "id, t, type, topic, partition, schema, key, correlation, causation, payload, origin";

// The smallest event id published at or after t (events are numbered in publish order, so a
// binary search over ids replaces an index on time).
std::int64_t firstIdAtOrAfter(SQLite::Database& db, SimTime t) {
  // Two subqueries: min() and max() together in one would scan the table.
  SQLite::Statement bounds(db, "SELECT (SELECT min(id) FROM events), (SELECT max(id) FROM events)");
  if (!bounds.executeStep() || bounds.getColumn(0).isNull()) return 0;
  std::int64_t lo = bounds.getColumn(0).getInt64();
  std::int64_t hi = bounds.getColumn(1).getInt64() + 1;
  SQLite::Statement at(db, "SELECT id, t FROM events WHERE id >= ? ORDER BY id LIMIT 1");
  while (lo < hi) {
    const std::int64_t mid = lo + (hi - lo) / 2;
    at.bind(1, mid);
    if (!at.executeStep()) {
      hi = mid;
    } else if (at.getColumn(1).getInt64() < t) {
      lo = at.getColumn(0).getInt64() + 1;
    } else {
      hi = std::min(mid, at.getColumn(0).getInt64());
    }
    at.reset();
  }
  return lo;
}
}  // namespace

RecordedEvent Recording::eventFromRow(void* statement) const {
  SQLite::Statement& row = *static_cast<SQLite::Statement*>(statement);
  RecordedEvent e;
  e.id = static_cast<std::uint64_t>(row.getColumn(0).getInt64());
  e.t = row.getColumn(1).getInt64();
  e.type = nameOf(NameKind::EventType, row.getColumn(2).getInt64());
  e.topic = nameOf(NameKind::Topic, row.getColumn(3).getInt64());
  e.partition = static_cast<std::uint32_t>(row.getColumn(4).getInt64());
  e.schema = static_cast<std::uint32_t>(row.getColumn(5).getInt64());
  if (!row.getColumn(6).isNull()) e.key = nameOf(NameKind::Key, row.getColumn(6).getInt64());
  e.correlation =
      row.getColumn(7).isNull() ? e.id : static_cast<std::uint64_t>(row.getColumn(7).getInt64());
  e.causation =
      row.getColumn(8).isNull() ? 0 : static_cast<std::uint64_t>(row.getColumn(8).getInt64());
  if (!row.getColumn(9).isNull())
    e.payload = nameOf(NameKind::Payload, row.getColumn(9).getInt64());
  e.origin = originName(static_cast<std::uint32_t>(row.getColumn(10).getInt64()));
  e.originUri = originUri(static_cast<std::uint32_t>(row.getColumn(10).getInt64()));
  return e;
}

void Recording::spansOf(const std::vector<std::uint64_t>& ids,
                        std::vector<RecordedSpan>& out) const {
  SQLite::Statement query(*m_db,
                          "SELECT a.service, a.start, a.instance, a.outcome, a.duration, a.attempt,"
                          " a.reason, e.t FROM attempts a JOIN events e ON e.id = a.event"
                          " WHERE a.event = ? ORDER BY a.start, a.service");
  for (std::uint64_t id : ids) {
    query.bind(1, static_cast<std::int64_t>(id));
    while (query.executeStep()) {
      RecordedSpan span;
      span.event = id;
      span.serviceId = static_cast<std::uint32_t>(query.getColumn(0).getInt64());
      span.service = nameOf(NameKind::Service, span.serviceId);
      span.start = query.getColumn(7).getInt64() + query.getColumn(1).getInt64();
      span.instance = query.getColumn(2).getInt();
      span.outcome = static_cast<SpanOutcome>(query.getColumn(3).getInt());
      span.end = span.start + query.getColumn(4).getInt64();
      span.attempt = static_cast<std::uint32_t>(query.getColumn(5).getInt64());
      span.reason = query.getColumn(6).getInt();
      out.push_back(std::move(span));
    }
    query.reset();
  }
}

bool Recording::events(const EventQuery& q, EventPage& out, std::string* error) const {
  out = EventPage{};
  try {
    std::string sql = std::string("SELECT ") + kEventColumns + " FROM events WHERE id > ?1";
    std::int64_t after = static_cast<std::int64_t>(q.afterId);
    if (q.from > 0) after = std::max(after, firstIdAtOrAfter(*m_db, q.from) - 1);
    // Ids are in time order: the window's end is an id bound too, so a window with fewer
    // events than the limit stops at its end instead of scanning the rest of the table.
    std::int64_t before = 0;
    if (q.to != kNever) {
      before = firstIdAtOrAfter(*m_db, q.to);
      sql += " AND t < ?2 AND id < ?9";
    }
    std::int64_t type = -1, key = -1;
    if (q.type) {
      const auto& types = names(NameKind::EventType);
      auto it = std::find(types.begin(), types.end(), *q.type);
      if (it == types.end()) return true;  // no event has that type
      type = it - types.begin();
      sql += " AND type = ?3";
    }
    if (q.key) {
      std::uint32_t number = 0;
      const std::string& text = *q.key;
      auto [ptr, ec] = std::from_chars(text.data() + std::min<std::size_t>(1, text.size()),
                                       text.data() + text.size(), number);
      if (text.size() > 1 && text[0] == 'k' && ec == std::errc() &&
          ptr == text.data() + text.size() && (text[1] != '0' || text.size() == 2)) {
        key = number;
      } else {
        auto it = std::find_if(m_keys.begin(), m_keys.end(),
                               [&](const auto& k) { return k.second == text; });
        if (it == m_keys.end()) return true;
        key = it->first;
      }
      sql += " AND key = ?4";
    }
    // A chain's root holds NULL (its id is the correlation id); every other event names it.
    if (q.correlation) sql += " AND ((id = ?5 AND correlation IS NULL) OR correlation = ?5)";
    std::int64_t service = -1;
    if (q.service) {
      const auto id = serviceId(*q.service);
      if (!id) return true;
      service = *id;
    }
    if (q.service || q.outcome) {
      sql += " AND EXISTS(SELECT 1 FROM attempts a WHERE a.event = events.id";
      if (q.service) sql += " AND a.service = ?6";
      if (q.outcome) sql += " AND a.outcome = ?7";
      sql += ")";
    }
    sql += " ORDER BY id LIMIT ?8";
    SQLite::Statement query(*m_db, sql);
    query.bind(1, after);
    if (q.to != kNever) {
      query.bind(2, static_cast<std::int64_t>(q.to));
      query.bind(9, before);
    }
    if (q.type) query.bind(3, type);
    if (q.key) query.bind(4, key);
    if (q.correlation) query.bind(5, static_cast<std::int64_t>(*q.correlation));
    if (q.service) query.bind(6, service);
    if (q.outcome) query.bind(7, static_cast<int>(*q.outcome));
    query.bind(8, static_cast<std::int64_t>(q.limit + 1));
    while (query.executeStep()) {
      if (out.events.size() == q.limit) {
        out.more = true;
        break;
      }
      out.events.push_back(eventFromRow(&query));
    }
    std::vector<std::uint64_t> ids;
    for (const RecordedEvent& e : out.events)
      ids.push_back(e.id);
    spansOf(ids, out.spans);
    return true;
  } catch (const std::exception& e) {
    *error = damaged(m_path, e);
    return false;
  }
}

bool Recording::forEachEvent(const std::function<void(const EventPage&)>& visit,
                             std::string* error) const {
  EventQuery query;
  query.limit = 2000;
  EventPage page;
  do {
    if (!events(query, page, error)) return false;
    if (!page.events.empty()) visit(page);
    if (!page.events.empty()) query.afterId = page.events.back().id;
  } while (page.more);
  return true;
}

Recording::CloudEventAttributes Recording::cloudEventAttributes(std::uint64_t event) const {
  CloudEventAttributes out;
  try {
    SQLite::Statement query(*m_db,
                            "SELECT id, source, traceparent, correlationid, causationid"
                            " FROM cloudevents WHERE event = ?");
    query.bind(1, static_cast<std::int64_t>(event));
    if (query.executeStep()) {
      out.id = query.getColumn(0).getString();
      out.source = query.getColumn(1).getString();
      out.traceparent = query.getColumn(2).getString();
      out.correlationId = query.getColumn(3).getString();
      out.causationId = query.getColumn(4).getString();
    }
  } catch (const std::exception&) {
  }
  return out;
}

std::int64_t Recording::epochUnixNs() const {
  const std::string text = meta("epoch_unix_ns");
  try {
    return text.empty() ? 0 : std::stoll(text);
  } catch (const std::exception&) {
    return 0;
  }
}

bool Recording::trace(std::uint64_t correlation, Trace& out, std::string* error) const {
  out = Trace{};
  out.correlation = correlation;
  try {
    SQLite::Statement query(
        *m_db, std::string("SELECT ") + kEventColumns +
                   " FROM events WHERE (id = ?1 AND correlation IS NULL) OR correlation = ?1"
                   " ORDER BY id");
    query.bind(1, static_cast<std::int64_t>(correlation));
    while (query.executeStep())
      out.events.push_back(eventFromRow(&query));
    std::vector<std::uint64_t> ids;
    for (const RecordedEvent& e : out.events)
      ids.push_back(e.id);
    spansOf(ids, out.spans);
    std::stable_sort(
        out.spans.begin(), out.spans.end(),
        [](const RecordedSpan& a, const RecordedSpan& b) { return a.start < b.start; });
    return true;
  } catch (const std::exception& e) {
    *error = damaged(m_path, e);
    return false;
  }
}

bool Recording::stateAt(SimTime t, StateAt& out, std::string* error) const {
  out = StateAt{};
  out.requested = t;
  try {
    const std::string widthText = meta("bucket_ns");
    const SimTime width = widthText.empty() ? 0 : std::stoll(widthText);
    if (width <= 0) {
      *error = m_path + ": the recording has no metric buckets to seek in";
      return false;
    }
    SQLite::Statement latest(*m_db, "SELECT max(bucket) FROM queue_states WHERE bucket <= ?");
    latest.bind(1, static_cast<std::int64_t>(std::max<SimTime>(0, t) / width));
    std::int64_t bucket = 0;
    if (latest.executeStep() && !latest.getColumn(0).isNull())
      bucket = latest.getColumn(0).getInt64();
    out.checkpoint = bucket * width;
    const auto& serviceNames = names(NameKind::Service);
    out.services.resize(serviceNames.size());
    for (std::size_t s = 0; s < serviceNames.size(); ++s)
      out.services[s].name = serviceNames[s];
    // The topology maps a service's queue numbers to topic partitions.
    const auto topology = nlohmann::json::parse(meta("topology"), nullptr, false);
    SQLite::Statement queues(*m_db,
                             "SELECT service, queue, held, in_process, delayed FROM queue_states"
                             " WHERE bucket = ? ORDER BY service, queue");
    queues.bind(1, bucket);
    while (queues.executeStep()) {
      const auto s = static_cast<std::size_t>(queues.getColumn(0).getInt64());
      if (s >= out.services.size()) continue;
      QueueState queue;
      const auto q = static_cast<std::size_t>(queues.getColumn(1).getInt64());
      if (topology.is_object() && topology.contains("services") &&
          s < topology["services"].size()) {
        const auto& list = topology["services"][s]["queues"];
        if (q < list.size() && list[q].is_array() && list[q].size() == 2) {
          queue.topic = list[q][0].get<std::uint32_t>();
          queue.partition = list[q][1].get<std::uint32_t>();
        }
      }
      queue.held = static_cast<std::uint64_t>(queues.getColumn(2).getInt64());
      queue.inProcess = static_cast<std::uint64_t>(queues.getColumn(3).getInt64());
      queue.delayed = static_cast<std::uint64_t>(queues.getColumn(4).getInt64());
      ServiceStateAt& service = out.services[s];
      service.held += queue.held;
      service.inProcess += queue.inProcess;
      service.delayed += queue.delayed;
      out.inFlight += queue.held;
      service.queues.push_back(queue);
    }
    SQLite::Statement instances(*m_db,
                                "SELECT service, instance, state FROM instance_states"
                                " WHERE bucket = ? ORDER BY service, instance");
    instances.bind(1, bucket);
    while (instances.executeStep()) {
      const auto s = static_cast<std::size_t>(instances.getColumn(0).getInt64());
      if (s >= out.services.size()) continue;
      ServiceStateAt& service = out.services[s];
      const int state = instances.getColumn(2).getInt();
      service.instances.push_back(state);
      // InstanceState: Idle 0, Busy 1, Publishing 2, Down 3, Removed 4.
      if (state <= 2) ++service.instancesUp;
      if (state == 1 || state == 2) ++service.instancesBusy;
      if (state == 3) ++service.instancesDown;
    }
    return true;
  } catch (const std::exception& e) {
    *error = damaged(m_path, e);
    return false;
  }
}

bool Recording::eventTimesAround(SimTime t, std::optional<SimTime>& before,
                                 std::optional<SimTime>& after, std::string* error) const {
  before.reset();
  after.reset();
  try {
    const std::int64_t first = firstIdAtOrAfter(*m_db, t);
    SQLite::Statement previous(*m_db, "SELECT t FROM events WHERE id < ? ORDER BY id DESC LIMIT 1");
    previous.bind(1, first);
    if (previous.executeStep()) before = previous.getColumn(0).getInt64();
    const std::int64_t later = firstIdAtOrAfter(*m_db, t + 1);
    SQLite::Statement next(*m_db, "SELECT t FROM events WHERE id >= ? ORDER BY id LIMIT 1");
    next.bind(1, later);
    if (next.executeStep()) after = next.getColumn(0).getInt64();
    return true;
  } catch (const std::exception& e) {
    *error = damaged(m_path, e);
    return false;
  }
}

bool Recording::series(std::uint32_t service, std::int32_t queue, const std::string& column,
                       SimTime from, SimTime to, std::size_t maxPoints,
                       std::vector<SeriesPoint>& out, std::string* error) const {
  out.clear();
  static const char* const kColumns[] = {
      "backlog",      "lag",           "backlog_max", "throughput", "p50",    "p95",
      "p99",          "utilization",   "instances",   "acked",      "failed", "retries",
      "redeliveries", "dead_lettered", "duplicates",  "dropped"};
  // The column name goes into SQL text: only names from the schema are accepted.
  if (std::find(std::begin(kColumns), std::end(kColumns), column) == std::end(kColumns)) {
    *error = "no metric named '" + column + "'";
    return false;
  }
  try {
    const std::string widthText = meta("bucket_ns");
    const SimTime width = widthText.empty() ? 0 : std::stoll(widthText);
    if (width <= 0 || maxPoints == 0 || to <= from) return true;
    const std::int64_t first = std::max<SimTime>(0, from) / width;
    const std::int64_t last = (to - 1) / width;  // inclusive
    SQLite::Statement query(*m_db, "SELECT bucket, " + column +
                                       " FROM buckets WHERE service = ? AND queue = ? AND"
                                       " bucket BETWEEN ? AND ? ORDER BY bucket");
    query.bind(1, static_cast<std::int64_t>(service));
    query.bind(2, queue);
    query.bind(3, first);
    query.bind(4, last);
    const double span = static_cast<double>(last - first + 1);
    const double perPoint = std::max(1.0, span / static_cast<double>(maxPoints));
    std::int64_t currentGroup = -1;
    std::size_t count = 0;
    while (query.executeStep()) {
      const std::int64_t bucket = query.getColumn(0).getInt64();
      const double value = query.getColumn(1).getDouble();
      const auto group = static_cast<std::int64_t>(static_cast<double>(bucket - first) / perPoint);
      if (group != currentGroup) {
        if (count > 0) out.back().mean /= static_cast<double>(count);
        out.push_back({bucket * width, value, value, 0});
        currentGroup = group;
        count = 0;
      }
      SeriesPoint& point = out.back();
      point.min = std::min(point.min, value);
      point.max = std::max(point.max, value);
      point.mean += value;
      ++count;
    }
    if (count > 0) out.back().mean /= static_cast<double>(count);
    return true;
  } catch (const std::exception& e) {
    *error = damaged(m_path, e);
    return false;
  }
}

}  // namespace eventscope::core::store
