#pragma once

#include <string>

#include "core/io/diagnostic.h"
#include "core/io/progress.h"

namespace eventscope::core {

struct ImportResult {
  Diagnostics errors;        // FILE:LINE:COL for every broken event; nothing is written then
  std::uint64_t events = 0;  // events written
  bool cancelled = false;    // the Progress asked to stop; nothing is written then
  bool ok() const { return errors.empty() && !cancelled; }
};

struct ImportOptions {
  // Bytes of the input read, of its size, a few times per 8 MiB read (or every few thousand
  // events written, for a batch); false cancels. Out-of-order JSON Lines are read a second
  // time, so the count may start again once.
  Progress progress;
  // An existing file at the output is replaced once the new recording is complete; without
  // this the import refuses to start.
  bool replaceExisting = false;
};

// Reads CloudEvents 1.0 in JSON (a batch array, or JSON Lines with one event per line) and
// writes them as a new recording: events in time order, each event's `correlationid`,
// `causationid`, `partitionkey`, `traceparent`, `time`, `id` and `source` kept (DESIGN.md §5).
// The topic is the `eventscopetopic` extension, else `subject`, else `source`. Every problem
// is reported with its line; nothing is written unless the whole input is good. The recording
// is written under a temporary name beside its target and renamed once complete: a failure or
// a cancel leaves no partial file and an existing file untouched.
ImportResult importCloudEvents(const std::string& inputPath, const std::string& outputPath,
                               const ImportOptions& options = {});

}  // namespace eventscope::core
