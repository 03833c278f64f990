#include "core/io/report_json.h"

#include <cstdio>

namespace eventscope::core {

namespace {
nlohmann::ordered_json latencyJson(const LatencySummary& l) {
  return {{"mean", l.mean}, {"p50", l.p50}, {"p95", l.p95}, {"p99", l.p99}, {"max", l.max}};
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
          {"in_flight_at_end", s.inFlightAtEnd}};
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

namespace {
std::string formatMillis(double seconds) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f ms", seconds * 1000);
  return buf;
}
}  // namespace

std::string formatReportSummary(const RunReport& report) {
  std::string out;
  char line[256];
  std::snprintf(
      line, sizeof line, "%s (seed %llu): %.1f s simulated in %.2f s, %llu engine events\n",
      report.scenario.c_str(), static_cast<unsigned long long>(report.seed), report.simTimeS,
      report.wallTimeS, static_cast<unsigned long long>(report.engineEvents));
  out += line;
  const RunTotals& t = report.totals;
  std::snprintf(
      line, sizeof line,
      "  produced %llu, acked %llu, retries %llu, dead-lettered %llu, dropped %llu, "
      "rejected %llu, duplicates processed %llu, in flight at end %llu\n",
      static_cast<unsigned long long>(t.produced), static_cast<unsigned long long>(t.acked),
      static_cast<unsigned long long>(t.retries), static_cast<unsigned long long>(t.deadLettered),
      static_cast<unsigned long long>(t.dropped), static_cast<unsigned long long>(t.rejected),
      static_cast<unsigned long long>(t.duplicatesProcessed),
      static_cast<unsigned long long>(t.inFlightAtEnd));
  out += line;
  if (report.stoppedEarly) {
    out += "  STOPPED EARLY: too many events in flight (does the model multiply events forever?)\n";
  }
  std::snprintf(line, sizeof line, "\n  %-18s %10s %10s %12s %12s %9s %8s %8s %6s\n", "service",
                "acked", "per s", "latency p50", "latency p99", "backlog", "util", "retries",
                "DLQ");
  out += line;
  for (const ServiceReport& s : report.services) {
    std::snprintf(line, sizeof line, "  %-18s %10llu %10.1f %12s %12s %9.2f %7.0f%% %8llu %6llu\n",
                  s.name.c_str(), static_cast<unsigned long long>(s.acked), s.throughputPerS,
                  formatMillis(s.latency.p50).c_str(), formatMillis(s.latency.p99).c_str(),
                  s.backlogMean, s.utilization * 100, static_cast<unsigned long long>(s.retries),
                  static_cast<unsigned long long>(s.deadLettered));
    out += line;
  }
  return out;
}

}  // namespace eventscope::core
