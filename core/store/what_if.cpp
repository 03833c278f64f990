#include "core/store/what_if.h"

#include "core/store/replay_setup.h"

namespace eventscope::core::store {

std::unique_ptr<WhatIf> WhatIf::prepare(const std::string& recordingPath, Scenario scenario,
                                        std::string* error) {
  std::unique_ptr<WhatIf> whatIf(new WhatIf);
  whatIf->m_path = recordingPath;
  whatIf->m_recording = Recording::open(recordingPath, error);
  if (!whatIf->m_recording) return nullptr;
  std::string reason;
  if (!prepareReplay(*whatIf->m_recording, scenario, whatIf->m_notes, &reason)) {
    *error = "cannot replay " + recordingPath + ": " + reason;
    return nullptr;
  }
  whatIf->m_scenario = std::move(scenario);
  whatIf->m_inputs = std::make_unique<RecordedInputs>(*whatIf->m_recording);
  return whatIf;
}

RecordedRun WhatIf::run(RecordedRunOptions options) {
  options.inputs = m_inputs.get();
  options.info.source = "replay";
  options.info.origin = m_path;
  return runRecorded(m_scenario, options);
}

WhatIfResult runWhatIf(const std::string& recordingPath, Scenario scenario,
                       const std::string& outputPath, const std::string& scenarioText,
                       const std::function<void(SimTime now, SimTime end)>& progress,
                       const std::function<bool()>& cancelled) {
  WhatIfResult out;
  auto whatIf = WhatIf::prepare(recordingPath, std::move(scenario), &out.run.error);
  if (!whatIf) return out;
  out.notes = whatIf->notes();
  RecordedRunOptions options;  // (designated initializers here trip GCC 12's maybe-uninitialized)
  options.record = outputPath;
  options.progress = progress;
  options.cancelled = cancelled;
  options.info.scenarioText = scenarioText;
  out.run = whatIf->run(std::move(options));
  out.inputs = whatIf->inputs().delivered();
  return out;
}

}  // namespace eventscope::core::store
