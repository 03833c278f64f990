#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/io/diagnostic.h"
#include "core/lessons/lesson.h"
#include "core/lessons/lesson_scenario.h"
#include "core/sim/run_scenario.h"

namespace eventscope::core {

// What a check found in a run, and one sentence that says so.
struct CheckVerdict {
  bool passed = false;
  std::string sentence;  // e.g. "services.billing.duplicates_processed = 37, which is > 0."
};

struct StepRun {
  Diagnostics errors;  // the step could not run (only with an override or a broken lesson)
  std::optional<Scenario> scenario;
  std::optional<RunResult> result;
  nlohmann::ordered_json report;
  std::vector<CheckVerdict> verdicts;  // one per check, in order

  bool passed() const;  // ran, and every check holds
};

// Runs one step headless for its run length (the actions of every step so far applied) and
// checks its claims. A step without `run` does nothing and passes.
StepRun runLessonStep(const Lesson& lesson, std::size_t step,
                      const std::optional<ActionOverride>& override = std::nullopt);

// A step's contrast run: its claims depend on its change when at least one check then fails.
struct ContrastRun {
  StepRun run;
  std::size_t failing = 0;  // checks that do not hold without the change
  bool contradicts() const { return run.errors.empty() && failing > 0; }
};
ContrastRun runContrast(const Lesson& lesson, std::size_t step);

// The services of a scenario as checks see them: names and queues (subscribed partitions).
CheckServices checkServices(const Scenario& scenario);

// A report of a moment of this scenario: it has every key a full run's report has, which is
// what checks are resolved against.
nlohmann::ordered_json reportShape(const Scenario& scenario);

}  // namespace eventscope::core
