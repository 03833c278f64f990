#pragma once

#include <functional>
#include <string>

#include "core/sim/run_scenario.h"
#include "core/store/recorder.h"

namespace eventscope::core::store {

// How a run is simulated and, optionally, recorded (what `run`, `replay` and the GUI's what-if
// share).
struct RecordedRunOptions {
  std::string record;      // the recording file; empty: not recorded
  bool overwrite = false;  // replace an existing file (only once the new one is complete)
  bool fullSync = false;   // synchronous=FULL instead of NORMAL
  RecordingInfo info;      // where the recording says it came from (startedAt is filled in)
  ExternalInputSource* inputs = nullptr;  // what-if replay: instead of the producers
  std::function<void(SimTime now, SimTime end)> progress;  // after each 1/200 of the run
  std::function<bool()> cancelled;                         // true: stop and keep no file
};

struct RecordedRun {
  RunResult result;
  bool ok = false;         // ran to the end, recorded completely, inputs read to the end
  bool cancelled = false;  // stopped on request; no recording is left behind
  bool started = false;    // false: refused before any work (the recording could not be made)
  std::string error;       // one sentence when !ok and !cancelled
};

// Simulates the scenario headless, recording it if asked. The recording file is made before the
// run, so a bad destination costs no work; a cancelled or failed run leaves no partial file.
RecordedRun runRecorded(const Scenario& scenario, const RecordedRunOptions& options);

// Removes a recording file and its SQLite companions (-wal, -shm); missing files are fine.
void removeRecordingFiles(const std::string& path);

}  // namespace eventscope::core::store
