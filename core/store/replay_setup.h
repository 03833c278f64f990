#pragma once

#include <string>
#include <vector>

#include "core/model/scenario.h"
#include "core/store/recording.h"

namespace eventscope::core::store {

// Makes `scenario` ready to take the recording's external inputs in a what-if replay: it must
// have every topic they go to, and it runs for the recording's duration with the recording's
// seed (so that replaying a recording into its own scenario reproduces the run, and only what
// was changed makes a difference). An imported recording has neither: its replay keeps the
// scenario's seed and runs for the scenario's duration, or longer if its events span more. Returns
// false with a one-line reason when it cannot be; `notes` says what the person should know about
// the replay (faults that do not apply).
bool prepareReplay(const Recording& recording, Scenario& scenario, std::vector<std::string>& notes,
                   std::string* error);

}  // namespace eventscope::core::store
