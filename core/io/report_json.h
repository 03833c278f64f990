#pragma once

#include <nlohmann/json.hpp>

#include "core/metrics/run_report.h"
#include "core/metrics/time_series.h"

namespace eventscope::core {

// The run report as DESIGN.md §4 JSON (its field names, plus a few more after them).
nlohmann::ordered_json reportToJson(const RunReport& report);

}  // namespace eventscope::core
