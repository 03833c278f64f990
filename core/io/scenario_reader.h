#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/io/diagnostic.h"
#include "core/model/scenario.h"

namespace eventscope::core {

// The outcome of reading a scenario: the model, or every problem found (sorted by position).
struct ScenarioReadResult {
  std::optional<Scenario> scenario;  // set only when there are no errors
  Diagnostics errors;

  bool ok() const { return scenario.has_value() && errors.empty(); }
};

// Reads a scenario (DESIGN.md §2, format 1) from YAML text; `fileName` is used in diagnostics
// and, without its directory and extension, as the default scenario name.
ScenarioReadResult parseScenario(std::string_view yamlText, const std::string& fileName);

// Reads a scenario file; a file that cannot be read gives one diagnostic without a position.
ScenarioReadResult readScenarioFile(const std::string& path);

}  // namespace eventscope::core
