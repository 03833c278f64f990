#include "core/io/run_diff.h"

#include <cmath>
#include <cstdio>

namespace eventscope::core {

namespace {
using Figure = std::optional<double>;

Figure latency(const LatencySummary& summary, double LatencySummary::*field) {
  if (summary.count == 0) return std::nullopt;  // nothing measured: no figure, not zero
  return summary.*field;
}

std::vector<DiffFigure> serviceFigures(const ServiceReport* a, const ServiceReport* b) {
  std::vector<DiffFigure> out;
  const auto add = [&](const char* name, auto get, bool count) {
    out.push_back({name, a ? get(*a) : Figure(), b ? get(*b) : Figure(), count});
  };
  const auto value = [](auto field) {
    return [field](const ServiceReport& s) { return Figure(static_cast<double>(s.*field)); };
  };
  const auto timing = [](LatencySummary ServiceReport::*summary, double LatencySummary::*field) {
    return [summary, field](const ServiceReport& s) { return latency(s.*summary, field); };
  };
  add("acked", value(&ServiceReport::acked), true);
  add("throughput_per_s", value(&ServiceReport::throughputPerS), false);
  add("latency_p50_s", timing(&ServiceReport::latency, &LatencySummary::p50), false);
  add("latency_p95_s", timing(&ServiceReport::latency, &LatencySummary::p95), false);
  add("latency_p99_s", timing(&ServiceReport::latency, &LatencySummary::p99), false);
  add("latency_max_s", timing(&ServiceReport::latency, &LatencySummary::max), false);
  add("wait_p95_s", timing(&ServiceReport::wait, &LatencySummary::p95), false);
  add("backlog_mean", value(&ServiceReport::backlogMean), false);
  add("backlog_max", value(&ServiceReport::backlogMax), true);
  add("utilization", value(&ServiceReport::utilization), false);
  add("instances_mean", value(&ServiceReport::instancesMean), false);
  add("retries", value(&ServiceReport::retries), true);
  add("redeliveries", value(&ServiceReport::redeliveries), true);
  add("dead_lettered", value(&ServiceReport::deadLettered), true);
  add("duplicates_processed", value(&ServiceReport::duplicatesProcessed), true);
  add("dropped", value(&ServiceReport::dropped), true);
  add("in_flight_at_end", value(&ServiceReport::inFlightAtEnd), true);
  return out;
}

std::vector<DiffFigure> totalFigures(const RunTotals& a, const RunTotals& b) {
  std::vector<DiffFigure> out;
  const auto add = [&](const char* name, std::uint64_t RunTotals::*field) {
    out.push_back(
        {name, static_cast<double>(a.*field), static_cast<double>(b.*field), /*count=*/true});
  };
  add("produced", &RunTotals::produced);
  add("acked", &RunTotals::acked);
  add("failed_attempts", &RunTotals::failedAttempts);
  add("retries", &RunTotals::retries);
  add("redeliveries", &RunTotals::redeliveries);
  add("dead_lettered", &RunTotals::deadLettered);
  add("dropped", &RunTotals::dropped);
  add("rejected", &RunTotals::rejected);
  add("duplicates_processed", &RunTotals::duplicatesProcessed);
  add("out_of_order", &RunTotals::outOfOrder);
  add("in_flight_at_end", &RunTotals::inFlightAtEnd);
  return out;
}

std::string number(const Figure& value, bool count) {
  if (!value) return "-";
  char buf[32];
  if (count) {
    std::snprintf(buf, sizeof buf, "%.0f", *value);
  } else {
    std::snprintf(buf, sizeof buf, "%.4g", *value);
  }
  return buf;
}

// "+12.5%", "-3", "=" or "" (a figure missing on one side).
std::string change(const DiffFigure& f) {
  if (!f.a || !f.b) return "";
  if (*f.a == *f.b) return "=";
  char buf[32];
  if (*f.a == 0) {
    std::snprintf(buf, sizeof buf, f.count ? "%+.0f" : "%+.4g", *f.b - *f.a);
  } else {
    std::snprintf(buf, sizeof buf, "%+.1f%%", 100.0 * (*f.b - *f.a) / std::fabs(*f.a));
  }
  return buf;
}

std::string row(const DiffFigure& f) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "  %-22s %16s %16s %10s\n", f.name.c_str(),
                number(f.a, f.count).c_str(), number(f.b, f.count).c_str(), change(f).c_str());
  return buf;
}

nlohmann::ordered_json figuresToJson(const std::vector<DiffFigure>& figures) {
  using nlohmann::ordered_json;
  ordered_json out = ordered_json::object();
  for (const DiffFigure& f : figures) {
    const auto value = [&f](const Figure& v) {
      if (!v) return ordered_json();
      return f.count ? ordered_json(static_cast<std::int64_t>(*v)) : ordered_json(*v);
    };
    ordered_json entry = {
        {"a", value(f.a)}, {"b", value(f.b)}, {"delta", nullptr}, {"relative", nullptr}};
    if (f.a && f.b) {
      entry["delta"] = value(*f.b - *f.a);
      if (*f.a != 0) entry["relative"] = (*f.b - *f.a) / std::fabs(*f.a);
    }
    out[f.name] = std::move(entry);
  }
  return out;
}
}  // namespace

RunDiff diffReports(const RunReport& a, const RunReport& b) {
  RunDiff diff;
  diff.totals = totalFigures(a.totals, b.totals);
  for (const ServiceReport& service : a.services)
    diff.services.push_back({service.name, serviceFigures(&service, b.findService(service.name))});
  for (const ServiceReport& service : b.services) {
    if (a.findService(service.name) == nullptr)
      diff.services.push_back({service.name, serviceFigures(nullptr, &service)});
  }
  return diff;
}

std::string formatDiff(const RunDiff& diff, const std::string& labelA, const std::string& labelB) {
  std::string out = "A: " + labelA + "\nB: " + labelB + "\n\n";
  char header[160];
  std::snprintf(header, sizeof header, "%-24s %16s %16s %10s\n", "", "A", "B", "change");
  out += header;
  out += "totals\n";
  for (const DiffFigure& f : diff.totals)
    out += row(f);
  for (const ServiceDiff& service : diff.services) {
    const bool onlyA = !service.figures.front().b, onlyB = !service.figures.front().a;
    out += "\nservice " + service.service +
           (onlyA   ? " (only in A)"
            : onlyB ? " (only in B)"
                    : "") +
           "\n";
    for (const DiffFigure& f : service.figures)
      out += row(f);
  }
  return out;
}

nlohmann::ordered_json diffToJson(const RunDiff& diff, const std::string& labelA,
                                  const std::string& labelB) {
  nlohmann::ordered_json out = {{"a", labelA}, {"b", labelB}};
  out["totals"] = figuresToJson(diff.totals);
  out["services"] = nlohmann::ordered_json::object();
  for (const ServiceDiff& service : diff.services)
    out["services"][service.service] = figuresToJson(service.figures);
  return out;
}

}  // namespace eventscope::core
