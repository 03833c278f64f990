#pragma once

#include <string>

#include "core/io/diagnostic.h"

namespace eventscope::core {

struct ImportResult {
  Diagnostics errors;        // FILE:LINE:COL for every broken event; nothing is written then
  std::uint64_t events = 0;  // events written
  bool ok() const { return errors.empty(); }
};

// Reads CloudEvents 1.0 in JSON (a batch array, or JSON Lines with one event per line) and
// writes them as a new recording: events in time order, each event's `correlationid`,
// `causationid`, `partitionkey`, `traceparent`, `time`, `id` and `source` kept (DESIGN.md §5).
// The topic is the `eventscopetopic` extension, else `subject`, else `source`. Every problem
// is reported with its line; nothing is written unless the whole input is good.
ImportResult importCloudEvents(const std::string& inputPath, const std::string& outputPath);

}  // namespace eventscope::core
