#pragma once

#include <string>

#include "core/metrics/run_report.h"
#include "core/store/recording.h"

namespace eventscope::core::store {

// The run report a recording keeps (`run --report`'s JSON, stored when its run finished); false,
// with one sentence naming the file, when it has none (imported, or its run did not finish) or
// the report is damaged. `diff` and the GUI's comparison read reports this way.
bool readStoredReport(const Recording& recording, RunReport& report, std::string* error);
bool readStoredReport(const std::string& path, RunReport& report, std::string* error);

}  // namespace eventscope::core::store
