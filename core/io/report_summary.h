#pragma once

#include <string>

#include "core/metrics/run_report.h"

namespace eventscope::core {

// The run report as a short text for a terminal: what happened to the events overall, then a
// table with one row per service.
std::string formatReportSummary(const RunReport& report);

// "850 us", "8.85 ms", "2.33 s"; "-" for no value. For latencies in tables.
std::string formatSeconds(double seconds, bool present = true);

}  // namespace eventscope::core
