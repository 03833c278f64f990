// Reading a recording as a whole: the buckets table read back into the TimeSeries a live run
// builds, and the flows its events took (a topology when the recording holds no model).
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>

#include "core/store/damaged.h"
#include "core/store/recording.h"

namespace eventscope::core::store {

namespace {
// Limits for untrusted files: far above what a recording holds (at most ~1000 buckets per run),
// low enough that a hostile file cannot make us allocate gigabytes.
constexpr std::int64_t kMaxBuckets = 1'000'000;
constexpr std::int64_t kMaxQueues = 65'536;
constexpr std::int64_t kMaxCells = 20'000'000;

ServiceSample sampleFromRow(const SQLite::Statement& row) {
  const auto real = [&](int column) {
    return static_cast<float>(row.getColumn(column).getDouble());
  };
  const auto count = [&](int column) {
    return static_cast<std::uint32_t>(std::max<std::int64_t>(0, row.getColumn(column).getInt64()));
  };
  ServiceSample s;
  s.backlog = real(3);
  s.lag = real(4);
  s.backlogMax = real(5);
  s.throughput = real(6);
  s.latencyP50 = real(7);
  s.latencyP95 = real(8);
  s.latencyP99 = real(9);
  s.utilization = real(10);
  s.instances = count(11);
  s.acked = count(12);
  s.failedAttempts = count(13);
  s.retries = count(14);
  s.redeliveries = count(15);
  s.deadLettered = count(16);
  s.duplicatesProcessed = count(17);
  s.dropped = count(18);
  return s;
}
}  // namespace

bool Recording::timeSeries(TimeSeries& out, std::string* error) const {
  out = TimeSeries{};
  try {
    const std::string widthText = meta("bucket_ns");
    const SimTime width = widthText.empty() ? 0 : std::stoll(widthText);
    if (width <= 0) return true;  // an import: no buckets
    out.bucketWidth = width;
    out.serviceNames = names(NameKind::Service);
    const auto services = static_cast<std::int64_t>(out.serviceNames.size());

    SQLite::Statement shape(*m_db,
                            "SELECT max(bucket), max(queue), min(bucket), min(queue),"
                            " max(service), min(service) FROM buckets");
    if (!shape.executeStep() || shape.getColumn(0).isNull()) {
      out.services.assign(out.serviceNames.size(), {});
      out.queues.assign(out.serviceNames.size(), {});
      return true;
    }
    const std::int64_t buckets = shape.getColumn(0).getInt64() + 1;
    const std::int64_t queues = shape.getColumn(1).getInt64() + 1;
    if (buckets > kMaxBuckets || queues > kMaxQueues || shape.getColumn(2).getInt64() < 0 ||
        shape.getColumn(3).getInt64() < -1 || shape.getColumn(4).getInt64() >= services ||
        shape.getColumn(5).getInt64() < 0 ||
        buckets * std::max<std::int64_t>(services, 1) > kMaxCells) {
      *error = m_path + ": the recording is damaged (its metric buckets are out of range)";
      return false;
    }
    const auto bucketCount = static_cast<std::size_t>(buckets);
    out.services.assign(out.serviceNames.size(), std::vector<ServiceSample>(bucketCount));
    out.queues.assign(out.serviceNames.size(), {});
    std::int64_t cells = buckets * services;

    SQLite::Statement rows(*m_db,
                           "SELECT service, queue, bucket, backlog, lag, backlog_max, throughput,"
                           " p50, p95, p99, utilization, instances, acked, failed, retries,"
                           " redeliveries, dead_lettered, duplicates, dropped FROM buckets"
                           " ORDER BY service, queue, bucket");
    while (rows.executeStep()) {
      const auto service = static_cast<std::size_t>(rows.getColumn(0).getInt64());
      const std::int64_t queue = rows.getColumn(1).getInt64();
      const auto bucket = static_cast<std::size_t>(rows.getColumn(2).getInt64());
      const ServiceSample sample = sampleFromRow(rows);
      if (queue < 0) {
        out.services[service][bucket] = sample;
        continue;
      }
      auto& serviceQueues = out.queues[service];
      while (serviceQueues.size() <= static_cast<std::size_t>(queue)) {
        if ((cells += buckets) > kMaxCells) {
          *error = m_path + ": the recording is damaged (too many metric buckets)";
          return false;
        }
        serviceQueues.emplace_back(bucketCount);
      }
      serviceQueues[static_cast<std::size_t>(queue)][bucket] = {sample.backlog, sample.lag};
    }
    return true;
  } catch (const std::exception& e) {
    out = TimeSeries{};
    *error = damaged(m_path, e);
    return false;
  }
}

bool Recording::flows(std::vector<Flow>& out, std::string* error) const {
  out.clear();
  try {
    SQLite::Statement rows(*m_db,
                           "SELECT DISTINCT e.origin, e.topic, c.topic FROM events e"
                           " LEFT JOIN events c ON c.id = e.causation");
    while (rows.executeStep()) {
      const auto origin = static_cast<std::uint32_t>(rows.getColumn(0).getInt64());
      Flow flow;
      flow.kind = static_cast<OriginKind>(origin / 65536);
      const auto index = static_cast<std::int64_t>(origin % 65536);
      switch (flow.kind) {
        case OriginKind::Service:
        case OriginKind::Broker:
          flow.origin = nameOf(NameKind::Service, index);
          break;
        case OriginKind::Producer:
        case OriginKind::Import:
          flow.origin = nameOf(NameKind::Producer, index);
          break;
        case OriginKind::Injection:
          break;
        default:
          continue;  // a kind this build does not know: not a flow it can draw
      }
      flow.topic = nameOf(NameKind::Topic, rows.getColumn(1).getInt64());
      if (!rows.getColumn(2).isNull())
        flow.causeTopic = nameOf(NameKind::Topic, rows.getColumn(2).getInt64());
      out.push_back(std::move(flow));
    }
    return true;
  } catch (const std::exception& e) {
    *error = damaged(m_path, e);
    return false;
  }
}

}  // namespace eventscope::core::store
