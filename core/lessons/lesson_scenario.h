#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/io/diagnostic.h"
#include "core/lessons/lesson.h"
#include "core/model/scenario.h"

namespace eventscope::core {

// Puts another action in place of one step's: its `contrast:` action, or `yaml` (an action
// map; "{}" is no action at all). This is how a step's claims are shown to depend on it.
struct ActionOverride {
  std::size_t step = 0;
  bool contrast = true;
  std::string yaml;
};

// The model a step runs: the lesson's scenario with the actions of every step up to and
// including this one applied, and the redrives those actions asked for.
struct StepScenario {
  std::optional<Scenario> scenario;
  std::vector<RedriveAction> redrives;
  Diagnostics errors;  // located in the lesson file

  bool ok() const { return scenario.has_value() && errors.empty(); }
};

StepScenario lessonScenario(const Lesson& lesson, std::size_t step,
                            const std::optional<ActionOverride>& override = std::nullopt);

// The keys an action map may have (set, add_service, fault, ...).
const std::vector<std::string>& actionKeys();

}  // namespace eventscope::core
