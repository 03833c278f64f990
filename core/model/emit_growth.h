#pragma once

#include <string>
#include <vector>

#include "core/model/scenario.h"

namespace eventscope::core {

// A group of services that feed each other follow-up events faster than the events die out:
// on average each event there leads to `factor` >= 1 more events within the group, so the
// number of events grows without end (a supercritical branching process), even though every
// single step has a probability below 1.
struct EmitGrowth {
  std::vector<std::string> services;  // the group, in file order
  double factor = 0;                  // expected follow-ups per event (spectral radius)
  SourcePos pos;                      // the first emit inside the group
};

// Finds such groups: strongly connected components of the expected-emits matrix (service ->
// service, weighted by emit probability, once per subscriber of the topic) whose spectral
// radius is at least 1, estimated by power iteration within a fixed budget of work.
std::vector<EmitGrowth> findGrowingEmitLoops(const Scenario& scenario);

}  // namespace eventscope::core
