#pragma once

#include <string>

#include "core/io/diagnostic.h"
#include "core/model/scenario.h"

namespace eventscope::core {

// Parts of a scenario that its reader could not read completely. References into such a part
// are not reported as unknown: they may name the entry the reader had to skip, and one mistake
// should give one error, not a cascade.
struct ValidationOptions {
  bool topicsIncomplete = false;
  bool producersIncomplete = false;
  bool servicesIncomplete = false;
  // Every missing or empty name, topic or target was already reported where it is written (the
  // reader does that), so these checks stay quiet instead of repeating it.
  bool emptyValuesReported = false;
};

// Checks that need the whole model (names, references, limits, endless emit loops); each
// problem is located with the model's SourcePos fields and sorted by position.
Diagnostics validateScenario(const Scenario& scenario, const std::string& fileName);
Diagnostics validateScenario(const Scenario& scenario, const std::string& fileName,
                             const ValidationOptions& options);

}  // namespace eventscope::core
