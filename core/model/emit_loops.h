#pragma once

#include <string>
#include <vector>

#include "core/model/scenario.h"

namespace eventscope::core {

// A loop of emits that never ends: each service in it emits, with probability 1, to a topic
// that the next service subscribes to, so one event keeps a chain alive forever. A step may
// also be a dead letter from a service that surely fails some events (poison keys, or schema
// versions it does not accept): such an event would go round the loop for ever.
struct EmitLoop {
  std::vector<std::string> path;  // service, topic, service, ..., back to the first service
  SourcePos pos;                  // the emit (or dead_letter) that starts the loop
  bool throughDeadLetters = false;
};

// One endless loop per group of services that feed each other through certain emits. A loop
// with any probability below 1 ends almost surely, so only probability-1 emits are followed;
// that makes the search linear instead of an enumeration of simple cycles.
std::vector<EmitLoop> findEndlessEmitLoops(const Scenario& scenario);

}  // namespace eventscope::core
