#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/io/read_context.h"
#include "core/io/scenario_reader.h"

namespace eventscope::core::detail {

// Every YAML document of `text`, after the pre-scan that refuses what would make yaml-cpp
// crash or blow up; a syntax error is reported at its position and gives no documents.
std::vector<YAML::Node> loadYamlDocuments(ReadContext& context, std::string_view text);

// Reads a scenario from a YAML map, which may be part of a larger file (a lesson's `scenario:`):
// diagnostics point into the text `context` was made with.
ScenarioReadResult readScenarioMap(ReadContext& context, const YAML::Node& map,
                                   const std::string& fileName);

}  // namespace eventscope::core::detail
