#include "core/io/recording_json.h"

#include "core/store/recording_batch.h"

namespace eventscope::core {

using nlohmann::ordered_json;

ordered_json eventToJson(const store::RecordedEvent& e) {
  ordered_json json = {
      {"id", e.id},
      {"time_s", toSeconds(e.t)},
      {"type", e.type},
      {"topic", e.topic},
      {"partition", e.partition},
      {"schema", e.schema},
      {"key", e.key ? ordered_json(*e.key) : ordered_json(nullptr)},
      {"correlation_id", e.correlation},
      {"causation_id", e.causation == 0 ? ordered_json(nullptr) : ordered_json(e.causation)},
      {"origin", e.origin}};
  json["payload"] =
      e.payload.empty() ? ordered_json(nullptr) : ordered_json::parse(e.payload, nullptr, false);
  return json;
}

std::string describeSpan(const store::RecordedSpan& span) {
  std::string text = store::spanOutcomeName(span.outcome);
  switch (span.reason & store::kReasonMask) {
    case store::kReasonError:
      text += " (error)";
      break;
    case store::kReasonPoison:
      text += " (poison)";
      break;
    case store::kReasonSchema:
      text += " (schema)";
      break;
    case store::kReasonTimeout:
      text += " (timeout)";
      break;
    case store::kReasonDroppedNewest:
      text += " (drop-newest)";
      break;
    case store::kReasonDroppedOldest:
      text += " (drop-oldest)";
      break;
    default:
      break;
  }
  if (span.reason & store::kDuplicateProcessed) text += ", duplicate processed";
  if (span.reason & store::kDuplicateSkipped) text += ", duplicate skipped";
  if (span.reason & store::kDuplicateCopy) text += ", broker's duplicate copy";
  return text;
}

ordered_json spanToJson(const store::RecordedSpan& s) {
  return {{"event", s.event},
          {"service", s.service},
          {"instance", s.instance < 0 ? ordered_json(nullptr) : ordered_json(s.instance)},
          {"attempt", s.attempt},
          {"start_s", toSeconds(s.start)},
          {"end_s", toSeconds(s.end)},
          {"outcome", store::spanOutcomeName(s.outcome)},
          {"detail", describeSpan(s)}};
}

ordered_json summaryToJson(const store::RecordingSummary& s) {
  ordered_json json = {
      {"source", s.source},
      {"origin", s.origin.empty() ? ordered_json(nullptr) : ordered_json(s.origin)},
      {"scenario", s.scenarioName},
      {"seed", s.seed},
      {"status", s.status},
      {"app_version", s.appVersion},
      {"started_at", s.startedAt},
      {"duration_s", toSeconds(s.duration)},
      {"warmup_s", toSeconds(s.warmup)},
      {"bucket_s", toSeconds(s.bucketWidth)},
      {"end_s", toSeconds(s.end)},
      {"events", s.events},
      {"attempts", s.attempts},
      {"batches", s.batches},
      {"first_event_s", toSeconds(s.firstEvent)},
      {"last_event_s", toSeconds(s.lastEvent)},
      {"topics", s.topics},
      {"services", s.services},
      {"producers", s.producers}};
  json["report"] = s.reportJson.empty() ? ordered_json(nullptr)
                                        : ordered_json::parse(s.reportJson, nullptr, false);
  return json;
}

ordered_json traceToJson(const store::Trace& trace) {
  ordered_json events = ordered_json::array();
  for (const auto& e : trace.events)
    events.push_back(eventToJson(e));
  ordered_json spans = ordered_json::array();
  for (const auto& s : trace.spans)
    spans.push_back(spanToJson(s));
  return {{"correlation_id", trace.correlation}, {"events", events}, {"spans", spans}};
}

namespace {
template <typename T>
void read(const nlohmann::ordered_json& json, const char* key, T& out) {
  if (json.contains(key) && !json[key].is_null()) out = json[key].get<T>();
}

void readLatency(const nlohmann::ordered_json& json, const char* key, LatencySummary& out) {
  if (!json.contains(key) || !json[key].is_object()) return;
  const auto& l = json[key];
  if (!l.contains("mean") || l["mean"].is_null()) return;
  out.count = 1;  // present; the count itself is not in the JSON
  read(l, "mean", out.mean);
  read(l, "p50", out.p50);
  read(l, "p95", out.p95);
  read(l, "p99", out.p99);
  read(l, "max", out.max);
}
}  // namespace

bool reportFromJson(const nlohmann::ordered_json& json, RunReport& report) {
  try {
    report = RunReport{};
    read(json, "format", report.format);
    read(json, "scenario", report.scenario);
    read(json, "seed", report.seed);
    read(json, "sim_time_s", report.simTimeS);
    read(json, "wall_time_s", report.wallTimeS);
    read(json, "engine_events", report.engineEvents);
    read(json, "warmup_s", report.warmupS);
    read(json, "stopped_early", report.stoppedEarly);
    if (json.contains("totals")) {
      const auto& t = json["totals"];
      RunTotals& o = report.totals;
      read(t, "produced", o.produced);
      read(t, "delivered", o.delivered);
      read(t, "acked", o.acked);
      read(t, "failed_attempts", o.failedAttempts);
      read(t, "retries", o.retries);
      read(t, "redeliveries", o.redeliveries);
      read(t, "dead_lettered", o.deadLettered);
      read(t, "discarded", o.discarded);
      read(t, "dropped", o.dropped);
      read(t, "rejected", o.rejected);
      read(t, "duplicates_processed", o.duplicatesProcessed);
      read(t, "out_of_order", o.outOfOrder);
      read(t, "in_flight_at_end", o.inFlightAtEnd);
    }
    if (json.contains("topics")) {
      for (const auto& [name, t] : json["topics"].items()) {
        TopicReport row{.name = name};
        read(t, "produced", row.produced);
        read(t, "dropped", row.dropped);
        read(t, "rejected", row.rejected);
        read(t, "max_depth", row.maxDepth);
        read(t, "duplicated", row.duplicated);
        report.topics.push_back(row);
      }
    }
    if (json.contains("services")) {
      for (const auto& [name, s] : json["services"].items()) {
        ServiceReport row;
        row.name = name;
        read(s, "acked", row.acked);
        read(s, "throughput_per_s", row.throughputPerS);
        readLatency(s, "latency_s", row.latency);
        readLatency(s, "wait_s", row.wait);
        read(s, "backlog_mean", row.backlogMean);
        read(s, "backlog_max", row.backlogMax);
        read(s, "in_system_mean", row.inSystemMean);
        read(s, "utilization", row.utilization);
        read(s, "retries", row.retries);
        read(s, "redeliveries", row.redeliveries);
        read(s, "dead_lettered", row.deadLettered);
        read(s, "duplicates_processed", row.duplicatesProcessed);
        read(s, "side_effects", row.sideEffects);
        read(s, "out_of_order", row.outOfOrder);
        read(s, "produced", row.produced);
        read(s, "delivered", row.delivered);
        read(s, "failed_attempts", row.failedAttempts);
        read(s, "discarded", row.discarded);
        read(s, "dropped", row.dropped);
        read(s, "duplicates_skipped", row.duplicatesSkipped);
        read(s, "in_flight_at_end", row.inFlightAtEnd);
        read(s, "timeouts", row.timeouts);
        read(s, "instances_mean", row.instancesMean);
        read(s, "instances_max", row.instancesMax);
        report.services.push_back(row);
      }
    }
    if (json.contains("producers")) {
      for (const auto& [name, p] : json["producers"].items()) {
        ProducerReport row{.name = name};
        read(p, "published", row.published);
        read(p, "rejected", row.rejected);
        read(p, "blocked_s", row.blockedS);
        report.producers.push_back(row);
      }
    }
    return true;
  } catch (const nlohmann::json::exception&) {
    return false;
  }
}

}  // namespace eventscope::core
