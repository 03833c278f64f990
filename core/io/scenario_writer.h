#pragma once

#include <string>
#include <string_view>

#include "core/model/scenario.h"

namespace eventscope::core {

// Writes a scenario as YAML text in format 1 (DESIGN.md §2), laid out like the bundled demos:
// every field that differs from what the reader assumes when it is absent, plus the ones a
// reader looks for first (name, seed, duration; a topic's name; a producer's topic, event and
// rate; a service's subscriptions, delivery, instances and service time). Reading the text back
// gives the same scenario apart from source positions, and writing that again gives the same
// text. Dead-letter topics the reader added because they were not declared are not written.
std::string writeScenario(const Scenario& scenario);

// Writes `scenario` over a file whose text was `originalText`, keeping what a person wrote:
// when the original text already reads as `scenario` apart from its layout, the result is the
// original with only its `layout:` section replaced, removed or appended, so moving nodes on
// the canvas never touches comments or formatting; otherwise it is writeScenario() preceded by
// the original's leading comment block.
std::string writeScenarioKeeping(const Scenario& scenario, std::string_view originalText);

}  // namespace eventscope::core
