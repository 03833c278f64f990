#pragma once

#include <string>
#include <vector>

#include "core/model/scenario.h"

namespace eventscope::core {

// A loop of emits that never ends: each service in it emits, with probability 1, to a topic
// that the next service subscribes to, so one event keeps a chain alive forever.
struct EmitLoop {
  std::vector<std::string> path;  // service, topic, service, ..., back to the first service
  SourcePos pos;                  // the emit that starts the loop
};

// One endless loop per group of services that feed each other through certain emits. A loop
// with any probability below 1 ends almost surely, so only probability-1 emits are followed;
// that makes the search linear instead of an enumeration of simple cycles.
std::vector<EmitLoop> findEndlessEmitLoops(const Scenario& scenario);

}  // namespace eventscope::core
