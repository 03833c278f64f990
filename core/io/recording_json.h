#pragma once

#include <nlohmann/json.hpp>

#include "core/metrics/run_report.h"
#include "core/store/recording.h"

// JSON forms of what a recording holds, for `--json` output and the GUI.
namespace eventscope::core {

nlohmann::ordered_json eventToJson(const store::RecordedEvent& event);
nlohmann::ordered_json spanToJson(const store::RecordedSpan& span);
nlohmann::ordered_json summaryToJson(const store::RecordingSummary& summary);
nlohmann::ordered_json traceToJson(const store::Trace& trace);

// The run report back from its JSON (reportToJson's inverse, for reports stored in recordings).
// Missing fields stay zero; a value of the wrong type makes it return false.
bool reportFromJson(const nlohmann::ordered_json& json, RunReport& report);

// "attempt 2 failed (poison)", "acked, duplicate processed", ...
std::string describeSpan(const store::RecordedSpan& span);

}  // namespace eventscope::core
