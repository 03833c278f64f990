#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/metrics/run_report.h"

namespace eventscope::core {

// Two runs compared figure by figure: a recording and its what-if replay, say.
struct DiffFigure {
  std::string name;            // as in the run report: "throughput_per_s", "latency_p95_s", ...
  std::optional<double> a, b;  // nullopt: the run has no such figure (no service, no latency)
  bool count = false;          // a whole number (printed without decimals)
};

struct ServiceDiff {
  std::string service;
  std::vector<DiffFigure> figures;
};

struct RunDiff {
  std::vector<DiffFigure> totals;
  std::vector<ServiceDiff> services;  // A's services in order, then those only B has
};

// Per service: throughput, latency and wait percentiles, backlog, utilization, instances,
// retries, redeliveries, dead letters, duplicates, drops; and the run totals.
RunDiff diffReports(const RunReport& a, const RunReport& b);

// Side by side as text, with the change from A to B.
std::string formatDiff(const RunDiff& diff, const std::string& labelA, const std::string& labelB);

// {"a": labelA, "b": labelB, "totals": {figure: {"a", "b", "delta", "relative"}},
//  "services": {name: {figure: ...}}}; absent figures are null.
nlohmann::ordered_json diffToJson(const RunDiff& diff, const std::string& labelA,
                                  const std::string& labelB);

}  // namespace eventscope::core
