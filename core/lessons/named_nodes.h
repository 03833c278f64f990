#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/model/scenario.h"

namespace eventscope::core {

// The nodes (topics, producers, services) a lesson's text names in `backticks`, in the order
// it first names them: the GUI highlights them on the canvas.
std::vector<std::string> namedNodes(std::string_view markdown, const Scenario& scenario);

}  // namespace eventscope::core
