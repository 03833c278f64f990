#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/model/scenario.h"
#include "core/store/recorded_inputs.h"
#include "core/store/recorded_run.h"
#include "core/store/recording.h"

namespace eventscope::core::store {

// A what-if replay ready to run: the recording opened, the changed scenario prepared for its
// inputs (prepareReplay: the recording's seed and duration) and the inputs as the event source.
// Used by `eventscope replay` and by the GUI; one instance belongs to one thread.
class WhatIf {
 public:
  // False (nullptr) with one sentence when the file is no recording or the scenario cannot take
  // its inputs.
  static std::unique_ptr<WhatIf> prepare(const std::string& recordingPath, Scenario scenario,
                                         std::string* error);

  const Scenario& scenario() const { return m_scenario; }
  const std::vector<std::string>& notes() const { return m_notes; }  // see prepareReplay
  RecordedInputs& inputs() { return *m_inputs; }
  const std::string& recordingPath() const { return m_path; }

  // Runs the replay (recording it when options.record is set): options.inputs and the
  // recording's source and origin are filled in here.
  RecordedRun run(RecordedRunOptions options);

 private:
  WhatIf() = default;
  std::string m_path;
  std::unique_ptr<Recording> m_recording;
  std::unique_ptr<RecordedInputs> m_inputs;  // reads m_recording
  Scenario m_scenario;
  std::vector<std::string> m_notes;
};

struct WhatIfResult {
  RecordedRun run;  // run.ok: the replay is recorded at the output path
  std::vector<std::string> notes;
  std::uint64_t inputs = 0;  // recorded inputs driven through the scenario
};

// The whole what-if in one call: prepare, then replay into a new recording at `outputPath`,
// keeping `scenarioText` (the changed scenario as YAML) in it. A failure to prepare comes back
// as run.error with run.started false; a cancelled run leaves no file.
WhatIfResult runWhatIf(const std::string& recordingPath, Scenario scenario,
                       const std::string& outputPath, const std::string& scenarioText,
                       const std::function<void(SimTime now, SimTime end)>& progress = {},
                       const std::function<bool()>& cancelled = {});

}  // namespace eventscope::core::store
