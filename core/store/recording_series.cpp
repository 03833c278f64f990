// Reading a recording as a whole: its metric buckets as a time series and the flows its events
// took (for a topology when the recording holds no model).
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>

#include "core/store/damaged.h"
#include "core/store/recording.h"

namespace eventscope::core::store {

bool Recording::timeSeries(TimeSeries& out, std::string* error) const {
  out = TimeSeries{};
  try {
    const std::string widthText = meta("bucket_ns");
    out.bucketWidth = widthText.empty() ? 0 : std::stoll(widthText);
    out.serviceNames = names(NameKind::Service);
    const std::size_t services = out.serviceNames.size();
    out.services.resize(services);
    out.queues.resize(services);
    if (out.bucketWidth <= 0 || services == 0) return true;
    SQLite::Statement extent(*m_db, "SELECT max(bucket) FROM buckets");
    if (!extent.executeStep() || extent.getColumn(0).isNull()) return true;
    const std::int64_t last = extent.getColumn(0).getInt64();
    // A file may claim any bucket number: more than a chart can hold is damage, not data.
    if (last < 0 || last > 1'000'000) {
      *error = m_path + ": the recording is damaged (bucket " + std::to_string(last) +
               " is out of range)";
      return false;
    }
    const auto count = static_cast<std::size_t>(last + 1);
    for (auto& series : out.services)
      series.assign(count, ServiceSample{});
    SQLite::Statement rows(*m_db,
                           "SELECT service, queue, bucket, backlog, lag, backlog_max, throughput,"
                           " p50, p95, p99, utilization, instances, acked, failed, retries,"
                           " redeliveries, dead_lettered, duplicates, dropped FROM buckets"
                           " WHERE bucket >= 0 ORDER BY service, queue, bucket");
    const auto f = [&](int column) {
      return static_cast<float>(rows.getColumn(column).getDouble());
    };
    const auto u = [&](int column) {
      return static_cast<std::uint32_t>(
          std::max<std::int64_t>(0, rows.getColumn(column).getInt64()));
    };
    while (rows.executeStep()) {
      const std::int64_t service = rows.getColumn(0).getInt64();
      const std::int64_t queue = rows.getColumn(1).getInt64();
      const auto bucket = static_cast<std::size_t>(rows.getColumn(2).getInt64());
      if (service < 0 || static_cast<std::size_t>(service) >= services || queue < -1 ||
          queue > 4096)
        continue;
      const auto s = static_cast<std::size_t>(service);
      if (queue >= 0) {
        auto& queues = out.queues[s];
        if (queues.size() <= static_cast<std::size_t>(queue))
          queues.resize(static_cast<std::size_t>(queue) + 1,
                        std::vector<QueueSample>(count, QueueSample{}));
        queues[static_cast<std::size_t>(queue)][bucket] = {f(3), f(4)};
        continue;
      }
      out.services[s][bucket] = {.backlog = f(3),
                                 .lag = f(4),
                                 .backlogMax = f(5),
                                 .throughput = f(6),
                                 .latencyP50 = f(7),
                                 .latencyP95 = f(8),
                                 .latencyP99 = f(9),
                                 .utilization = f(10),
                                 .instances = u(11),
                                 .acked = u(12),
                                 .failedAttempts = u(13),
                                 .retries = u(14),
                                 .redeliveries = u(15),
                                 .deadLettered = u(16),
                                 .duplicatesProcessed = u(17),
                                 .dropped = u(18)};
    }
    return true;
  } catch (const std::exception& e) {
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
