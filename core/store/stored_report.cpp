#include "core/store/stored_report.h"

#include <nlohmann/json.hpp>

#include "core/io/recording_json.h"

namespace eventscope::core::store {

bool readStoredReport(const Recording& recording, RunReport& report, std::string* error) {
  RecordingSummary summary;
  if (!recording.summary(summary, error)) return false;
  const std::string& path = recording.path();
  if (summary.reportJson.empty()) {
    *error = path + ": the recording holds no run report (" +
             (summary.source == "import" ? std::string("it was imported, not simulated")
                                         : std::string("its run did not finish")) +
             ")";
    return false;
  }
  const auto json = nlohmann::ordered_json::parse(summary.reportJson, nullptr, false);
  if (json.is_discarded() || !json.is_object() || !reportFromJson(json, report)) {
    *error = path + ": the recording's run report is damaged";
    return false;
  }
  return true;
}

bool readStoredReport(const std::string& path, RunReport& report, std::string* error) {
  auto recording = Recording::open(path, error);
  return recording && readStoredReport(*recording, report, error);
}

}  // namespace eventscope::core::store
