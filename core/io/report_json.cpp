#include "core/io/report_json.h"

namespace eventscope::core {

namespace {
nlohmann::ordered_json latencyJson(const LatencySummary& l) {
  // A service that acked nothing (after warmup) has no latency: null, not a misleading 0.
  const auto value = [&](double v) { return l.count > 0 ? nlohmann::ordered_json(v) : nullptr; };
  return {{"mean", value(l.mean)},
          {"p50", value(l.p50)},
          {"p95", value(l.p95)},
          {"p99", value(l.p99)},
          {"max", value(l.max)}};
}

nlohmann::ordered_json serviceJson(const ServiceReport& s) {
  return {{"acked", s.acked},
          {"throughput_per_s", s.throughputPerS},
          {"latency_s", latencyJson(s.latency)},
          {"wait_s", latencyJson(s.wait)},
          {"backlog_mean", s.backlogMean},
          {"backlog_max", s.backlogMax},
          {"in_system_mean", s.inSystemMean},
          {"utilization", s.utilization},
          {"retries", s.retries},
          {"redeliveries", s.redeliveries},
          {"dead_lettered", s.deadLettered},
          {"duplicates_processed", s.duplicatesProcessed},
          {"side_effects", s.sideEffects},
          {"out_of_order", s.outOfOrder},
          {"produced", s.produced},
          {"delivered", s.delivered},
          {"failed_attempts", s.failedAttempts},
          {"discarded", s.discarded},
          {"dropped", s.dropped},
          {"duplicates_skipped", s.duplicatesSkipped},
          {"crash_redeliveries", s.crashRedeliveries},
          {"timeout_redeliveries", s.timeoutRedeliveries},
          {"broker_duplicates", s.brokerDuplicates},
          {"schema_rejected", s.schemaRejected},
          {"emitted", s.emitted},
          {"in_flight_at_end", s.inFlightAtEnd},
          {"timeouts", s.timeouts},
          {"unpublished_follow_ups", s.unpublishedFollowUps},
          {"instances_mean", s.instancesMean},
          {"instances_max", s.instancesMax}};
}
}  // namespace

nlohmann::ordered_json reportToJson(const RunReport& report) {
  const RunTotals& t = report.totals;
  nlohmann::ordered_json json = {{"format", report.format},
                                 {"scenario", report.scenario},
                                 {"seed", report.seed},
                                 {"sim_time_s", report.simTimeS},
                                 {"wall_time_s", report.wallTimeS},
                                 {"engine_events", report.engineEvents},
                                 {"totals",
                                  {{"produced", t.produced},
                                   {"delivered", t.delivered},
                                   {"acked", t.acked},
                                   {"failed_attempts", t.failedAttempts},
                                   {"retries", t.retries},
                                   {"redeliveries", t.redeliveries},
                                   {"dead_lettered", t.deadLettered},
                                   {"discarded", t.discarded},
                                   {"dropped", t.dropped},
                                   {"rejected", t.rejected},
                                   {"duplicates_processed", t.duplicatesProcessed},
                                   {"out_of_order", t.outOfOrder},
                                   {"in_flight_at_end", t.inFlightAtEnd}}}};
  nlohmann::ordered_json topics = nlohmann::ordered_json::object();
  for (const TopicReport& topic : report.topics) {
    topics[topic.name] = {{"produced", topic.produced},
                          {"dropped", topic.dropped},
                          {"rejected", topic.rejected},
                          {"max_depth", topic.maxDepth},
                          {"duplicated", topic.duplicated}};
  }
  json["topics"] = topics;
  nlohmann::ordered_json services = nlohmann::ordered_json::object();
  for (const ServiceReport& service : report.services)
    services[service.name] = serviceJson(service);
  json["services"] = services;
  nlohmann::ordered_json producers = nlohmann::ordered_json::object();
  for (const ProducerReport& p : report.producers) {
    producers[p.name] = {
        {"published", p.published}, {"rejected", p.rejected}, {"blocked_s", p.blockedS}};
  }
  json["producers"] = producers;
  json["warmup_s"] = report.warmupS;
  json["stopped_early"] = report.stoppedEarly;
  return json;
}

}  // namespace eventscope::core
