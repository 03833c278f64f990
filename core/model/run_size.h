#pragma once

#include <string>

#include "core/io/diagnostic.h"
#include "core/model/scenario.h"

namespace eventscope::core {

// Producers may publish at most this many events in one run: at the engine's few million
// events per second that is already a long wait, and a typo such as `rate: 1e8/s` with
// `duration: 1000h` should be an error, not a run that never seems to end.
inline constexpr double kMaxEventsPerRun = 1e10;

// Reports producers whose expected events (rate x active window, or their count) would push the
// run past `maxEvents`. Run it again after overriding the duration; `lengthKey` is the key the
// message tells to shorten (a lesson step's `run`).
Diagnostics checkRunSize(const Scenario& scenario, const std::string& fileName,
                         double maxEvents = kMaxEventsPerRun, const char* lengthKey = "duration");

}  // namespace eventscope::core
