#pragma once

#include <functional>
#include <string>

#include "core/io/progress.h"
#include "core/store/recording.h"

namespace eventscope::core {

// What an exporter says when its Progress asked it to stop.
inline constexpr const char* kExportCancelled = "the export was cancelled";

// How many events a recording holds (0 when it cannot say), for progress totals.
std::uint64_t recordedEventCount(const store::Recording& recording);

// Like Recording::forEachEvent, but reports the events visited after each page (a few thousand
// events) and stops with kExportCancelled when the listener asks to.
bool forEachEventReporting(const store::Recording& recording, const Progress& progress,
                           const std::function<void(const store::EventPage&)>& visit,
                           std::string* error);

}  // namespace eventscope::core
