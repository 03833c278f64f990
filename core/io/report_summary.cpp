#include "core/io/report_summary.h"

#include <algorithm>
#include <cstdio>
#include <string_view>
#include <vector>

#include "core/io/units.h"

namespace eventscope::core {

namespace {
std::string number(std::uint64_t n) {  // 35209 -> "35,209"
  std::string digits = std::to_string(n);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) {
    digits.insert(static_cast<std::size_t>(i), ",");
  }
  return digits;
}

// "1 retry", "280 retries".
std::string count(std::uint64_t n, const char* one, const char* many) {
  return number(n) + " " + (n == 1 ? one : many);
}

std::string fixed(double value, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  return buf;
}

// Display width of UTF-8 text: one column per code point (names are rarely wider scripts).
std::size_t width(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xc0) != 0x80; }));
}

// A plain text table: first column left-aligned, the others right-aligned, each as wide as
// its widest cell.
std::string table(const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> widths;
  for (const auto& row : rows) {
    widths.resize(std::max(widths.size(), row.size()));
    for (std::size_t c = 0; c < row.size(); ++c)
      widths[c] = std::max(widths[c], width(row[c]));
  }
  std::string out;
  for (const auto& row : rows) {
    std::string line = " ";
    for (std::size_t c = 0; c < row.size(); ++c) {
      const std::string padding(widths[c] - width(row[c]), ' ');
      line += "  ";
      line += c == 0 ? row[c] + padding : padding + row[c];
    }
    while (!line.empty() && line.back() == ' ')
      line.pop_back();
    out += line + "\n";
  }
  return out;
}
}  // namespace

std::string formatSeconds(double seconds, bool present) {
  if (!present) return "-";
  if (seconds < 1e-3) return fixed(seconds * 1e6, 0) + " us";
  if (seconds < 1) return fixed(seconds * 1e3, 2) + " ms";
  return fixed(seconds, 2) + " s";
}

std::string formatReportSummary(const RunReport& report) {
  const RunTotals& t = report.totals;
  std::string out = report.scenario + " (seed " + std::to_string(report.seed) +
                    "): " + fixed(report.simTimeS, report.simTimeS < 10 ? 2 : 1) +
                    " s simulated in " + fixed(report.wallTimeS, 2) + " s (" +
                    number(report.engineEvents) + " engine events)\n";
  out += "  events:     " + number(t.produced) + " produced, " + number(t.rejected) +
         " rejected by full topics\n";
  out += "  deliveries: " + number(t.acked) + " acked (all services), " +
         count(t.retries, "retry", "retries") + ", " +
         count(t.redeliveries, "redelivery", "redeliveries") + ", " +
         count(t.duplicatesProcessed, "duplicate", "duplicates") + " processed, " +
         number(t.outOfOrder) + " out of order\n";
  out += "  endings:    " + number(t.deadLettered) + " dead-lettered, " + number(t.discarded) +
         " discarded, " + number(t.dropped) + " dropped, " + number(t.inFlightAtEnd) +
         " in flight at the end\n";
  if (report.stoppedEarly) {
    out += "  STOPPED EARLY: too many events in flight (do events multiply without end?)\n";
  }
  std::vector<std::vector<std::string>> rows = {{"service", "acked", "per s", "p50", "p99",
                                                 "backlog", "util", "retries", "redeliv", "DLQ",
                                                 "dropped", "in flight"}};
  for (const ServiceReport& s : report.services) {
    const bool measured = s.latency.count > 0;
    rows.push_back({s.name, number(s.acked), fixed(s.throughputPerS, 1),
                    formatSeconds(s.latency.p50, measured), formatSeconds(s.latency.p99, measured),
                    fixed(s.backlogMean, 2), fixed(s.utilization * 100, 0) + "%", number(s.retries),
                    number(s.redeliveries), number(s.deadLettered), number(s.dropped),
                    number(s.inFlightAtEnd)});
  }
  if (!report.services.empty()) out += "\n" + table(rows);
  if (report.warmupS > 0) {
    out += "\n  latency, backlog, utilization and per s exclude the first " +
           formatDuration(static_cast<SimTime>(report.warmupS * kSecond + 0.5)) + " (warmup)\n";
  }
  return out;
}

}  // namespace eventscope::core
