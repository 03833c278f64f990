// CloudEvents 1.0 (structured mode, JSON), one event per line.
#include <nlohmann/json.hpp>

#include "core/io/export_pages.h"
#include "core/io/exporters.h"
#include "core/io/timestamps.h"

namespace eventscope::core {

std::string traceIdOf(std::uint64_t correlation) {
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", 0x6576656e7473636fULL,  // "eventsco"
                static_cast<unsigned long long>(correlation));
  return buf;
}

std::string spanIdOf(std::uint64_t eventId) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(eventId));
  return buf;
}

std::string attemptSpanIdOf(const store::RecordedSpan& span) {
  // A stable 64-bit hash of what identifies the attempt; the top bit keeps it apart from the
  // event spans' ids (event ids stay far below 2^63).
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (std::uint64_t v :
       {span.event, std::uint64_t{span.serviceId}, static_cast<std::uint64_t>(span.start),
        static_cast<std::uint64_t>(static_cast<std::uint32_t>(span.instance)),
        static_cast<std::uint64_t>(span.outcome), static_cast<std::uint64_t>(span.reason)}) {
    for (int i = 0; i < 8; ++i) {
      h ^= (v >> (8 * i)) & 0xff;
      h *= 0x100000001b3ULL;
    }
  }
  return spanIdOf(h | 0x8000000000000000ULL);
}

bool exportCloudEvents(const store::Recording& recording, std::ostream& out, std::string* error,
                       const Progress& progress) {
  const std::int64_t epoch = recording.epochUnixNs();
  return forEachEventReporting(
      recording, progress,
      [&](const store::EventPage& page) {
        for (const store::RecordedEvent& e : page.events) {
          const auto imported = recording.cloudEventAttributes(e.id);
          nlohmann::ordered_json json;
          json["specversion"] = "1.0";
          json["id"] = imported.id.empty() ? std::to_string(e.id) : imported.id;
          json["source"] = imported.source.empty() ? e.originUri : imported.source;
          json["type"] = e.type;
          json["time"] = formatRfc3339(epoch + e.t);
          json["subject"] = e.topic;
          json["eventscopetopic"] = e.topic;
          json["eventscopepartition"] = e.partition;
          json["schemaversion"] = e.schema;
          if (e.key) json["partitionkey"] = *e.key;
          if (!imported.id.empty()) {
            // An imported event keeps the ids it came with, whatever their form.
            if (!imported.correlationId.empty()) json["correlationid"] = imported.correlationId;
            if (!imported.causationId.empty()) json["causationid"] = imported.causationId;
          } else {
            json["correlationid"] = std::to_string(e.correlation);
            if (e.causation != 0) json["causationid"] = std::to_string(e.causation);
          }
          json["sequence"] = std::to_string(e.id);
          json["traceparent"] = imported.traceparent.empty() ? "00-" + traceIdOf(e.correlation) +
                                                                   "-" + spanIdOf(e.id) + "-01"
                                                             : imported.traceparent;
          if (!e.payload.empty()) {
            json["datacontenttype"] = "application/json";
            json["data"] = nlohmann::ordered_json::parse(e.payload, nullptr, false);
          }
          out << json.dump() << '\n';
        }
      },
      error);
}

}  // namespace eventscope::core
