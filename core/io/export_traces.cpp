// Traces for tracing tools: OTLP/JSON (OpenTelemetry's protobuf mapping) and Jaeger's native
// JSON. A trace is a correlation id; each event is a producer span, each attempt a consumer
// span linked to (OTLP) or following from (Jaeger) the span of the event it consumed.
#include <map>
#include <nlohmann/json.hpp>

#include "core/io/export_pages.h"
#include "core/io/exporters.h"
#include "core/io/recording_json.h"

namespace eventscope::core {

namespace {
using nlohmann::ordered_json;

constexpr int kSpanKindProducer = 4;  // SPAN_KIND_PRODUCER
constexpr int kSpanKindConsumer = 5;  // SPAN_KIND_CONSUMER
constexpr int kStatusOk = 1;          // STATUS_CODE_OK
constexpr int kStatusError = 2;       // STATUS_CODE_ERROR

ordered_json otlpString(const std::string& key, const std::string& value) {
  return {{"key", key}, {"value", {{"stringValue", value}}}};
}
ordered_json otlpInt(const std::string& key, std::int64_t value) {
  return {{"key", key}, {"value", {{"intValue", std::to_string(value)}}}};  // int64 as string
}

bool failed(store::SpanOutcome outcome) {
  return outcome != store::SpanOutcome::Acked && outcome != store::SpanOutcome::ZombieDone;
}

// Who published an event, as the producer span's service ("producer checkout" -> "checkout").
std::string publisherService(const store::RecordedEvent& e) {
  const auto space = e.origin.find(' ');
  if (space == std::string::npos) return e.origin;
  std::string name = e.origin.substr(space + 1);
  if (!name.empty() && name.front() == '(') name = e.origin;  // "broker (for billing)"
  return name;
}

ordered_json otlpProducerSpan(const store::RecordedEvent& e, std::int64_t epoch) {
  const std::string time = std::to_string(epoch + e.t);
  ordered_json span = {
      {"traceId", traceIdOf(e.correlation)},
      {"spanId", spanIdOf(e.id)},
      {"name", e.topic + " publish"},
      {"kind", kSpanKindProducer},
      {"startTimeUnixNano", time},
      {"endTimeUnixNano", time},
      {"attributes",
       {otlpString("messaging.system", "eventscope"), otlpString("messaging.operation", "publish"),
        otlpString("messaging.destination.name", e.topic),
        otlpString("messaging.message.id", std::to_string(e.id)),
        otlpInt("messaging.destination.partition.id", e.partition),
        otlpString("eventscope.event.type", e.type), otlpInt("eventscope.event.schema", e.schema)}},
      {"status", {{"code", kStatusOk}}}};
  if (e.key) span["attributes"].push_back(otlpString("messaging.message.key", *e.key));
  if (e.causation != 0) span["parentSpanId"] = spanIdOf(e.causation);
  return span;
}

ordered_json otlpConsumerSpan(const store::RecordedSpan& s, const store::RecordedEvent& e,
                              std::int64_t epoch) {
  ordered_json span = {
      {"traceId", traceIdOf(e.correlation)},
      {"spanId", attemptSpanIdOf(s)},
      {"name", e.topic + " process"},
      {"kind", kSpanKindConsumer},
      {"startTimeUnixNano", std::to_string(epoch + s.start)},
      {"endTimeUnixNano", std::to_string(epoch + s.end)},
      {"attributes",
       {otlpString("messaging.system", "eventscope"), otlpString("messaging.operation", "process"),
        otlpString("messaging.destination.name", e.topic),
        otlpString("messaging.message.id", std::to_string(e.id)),
        otlpInt("eventscope.attempt", s.attempt), otlpInt("eventscope.instance", s.instance),
        otlpString("eventscope.outcome", store::spanOutcomeName(s.outcome))}},
      // The consumer is not a child of the producer: it is linked to it.
      {"links", {{{"traceId", traceIdOf(e.correlation)}, {"spanId", spanIdOf(e.id)}}}}};
  span["status"] = failed(s.outcome)
                       ? ordered_json{{"code", kStatusError}, {"message", describeSpan(s)}}
                       : ordered_json{{"code", kStatusOk}};
  return span;
}
}  // namespace

bool exportOtlp(const store::Recording& recording, std::ostream& out, std::string* error,
                const Progress& progress) {
  // One resource per service; publishers that are not services (producers) get their own.
  // Events are grouped by resource in memory only as spans of one page at a time, by writing
  // one resourceSpans entry per (resource, page).
  const std::int64_t epoch = recording.epochUnixNs();
  out << "{\"resourceSpans\":[";
  bool first = true;
  const auto resource = [&](const std::string& service, const ordered_json& spans) {
    ordered_json entry = {{"resource", {{"attributes", {otlpString("service.name", service)}}}},
                          {"scopeSpans",
                           {{{"scope", {{"name", "eventscope"}, {"version", EVENTSCOPE_VERSION}}},
                             {"spans", spans}}}}};
    out << (first ? "" : ",") << entry.dump();
    first = false;
  };
  const bool ok = forEachEventReporting(
      recording, progress,
      [&](const store::EventPage& page) {
        std::map<std::string, ordered_json> byService;
        std::map<std::uint64_t, const store::RecordedEvent*> events;
        for (const auto& e : page.events) {
          events[e.id] = &e;
          byService[publisherService(e)].push_back(otlpProducerSpan(e, epoch));
        }
        for (const auto& s : page.spans) {
          if (s.outcome == store::SpanOutcome::Dropped) continue;  // not an attempt
          byService[s.service].push_back(otlpConsumerSpan(s, *events.at(s.event), epoch));
        }
        for (const auto& [service, spans] : byService)
          resource(service, spans);
      },
      error);
  out << "]}\n";
  return ok;
}

bool exportJaeger(const store::Recording& recording, std::ostream& out, std::string* error,
                  const Progress& progress) {
  // Jaeger's "traces" response: one entry per trace (correlation id), spans in microseconds.
  const std::int64_t epoch = recording.epochUnixNs();
  out << "{\"data\":[";
  bool firstTrace = true;
  store::EventQuery roots;
  roots.limit = 500;
  store::EventPage page;
  ProgressMeter meter(progress, progress.report ? recordedEventCount(recording) : 0);
  std::uint64_t scanned = 0;  // events looked at for roots: progress through the recording
  bool ok = true;
  do {
    if (!meter.update(scanned)) {
      *error = kExportCancelled;
      return false;
    }
    if (!recording.events(roots, page, error)) return false;
    for (const auto& root : page.events) {
      if (root.correlation != root.id) continue;  // not the start of a chain
      store::Trace trace;
      if (!recording.trace(root.id, trace, error)) return false;
      std::map<std::string, std::string> processIds;
      ordered_json processes = ordered_json::object();
      const auto processOf = [&](const std::string& service) {
        auto [it, added] = processIds.emplace(service, "p" + std::to_string(processIds.size() + 1));
        if (added)
          processes[it->second] = {{"serviceName", service}, {"tags", ordered_json::array()}};
        return it->second;
      };
      const auto micros = [&](SimTime t) { return (epoch + t) / 1000; };
      const std::string traceId = traceIdOf(root.id);
      ordered_json spans = ordered_json::array();
      std::map<std::uint64_t, const store::RecordedEvent*> events;
      for (const auto& e : trace.events) {
        events[e.id] = &e;
        ordered_json references = ordered_json::array();
        if (e.causation != 0) {
          references.push_back(
              {{"refType", "CHILD_OF"}, {"traceID", traceId}, {"spanID", spanIdOf(e.causation)}});
        }
        spans.push_back(
            {{"traceID", traceId},
             {"spanID", spanIdOf(e.id)},
             {"operationName", e.topic + " publish"},
             {"references", references},
             {"startTime", micros(e.t)},
             {"duration", 0},
             {"tags",
              {{{"key", "span.kind"}, {"type", "string"}, {"value", "producer"}},
               {{"key", "event.type"}, {"type", "string"}, {"value", e.type}},
               {{"key", "event.key"}, {"type", "string"}, {"value", e.key.value_or("")}}}},
             {"logs", ordered_json::array()},
             {"processID", processOf(publisherService(e))},
             {"warnings", nullptr}});
      }
      for (const auto& s : trace.spans) {
        if (s.outcome == store::SpanOutcome::Dropped) continue;
        ordered_json tags = {{{"key", "span.kind"}, {"type", "string"}, {"value", "consumer"}},
                             {{"key", "attempt"}, {"type", "int64"}, {"value", s.attempt}},
                             {{"key", "outcome"}, {"type", "string"}, {"value", describeSpan(s)}}};
        if (failed(s.outcome))
          tags.push_back({{"key", "error"}, {"type", "bool"}, {"value", true}});
        spans.push_back(
            {{"traceID", traceId},
             {"spanID", attemptSpanIdOf(s)},
             {"operationName", events.at(s.event)->topic + " process"},
             {"references",
              {{{"refType", "FOLLOWS_FROM"}, {"traceID", traceId}, {"spanID", spanIdOf(s.event)}}}},
             {"startTime", micros(s.start)},
             {"duration", (s.end - s.start) / 1000},
             {"tags", tags},
             {"logs", ordered_json::array()},
             {"processID", processOf(s.service)},
             {"warnings", nullptr}});
      }
      ordered_json entry = {
          {"traceID", traceId}, {"spans", spans}, {"processes", processes}, {"warnings", nullptr}};
      out << (firstTrace ? "" : ",") << entry.dump();
      firstTrace = false;
    }
    if (!page.events.empty()) roots.afterId = page.events.back().id;
    scanned += page.events.size();
  } while (page.more && ok);
  meter.update(scanned);
  out << "],\"total\":0,\"limit\":0,\"offset\":0,\"errors\":null}\n";
  return ok;
}

}  // namespace eventscope::core
