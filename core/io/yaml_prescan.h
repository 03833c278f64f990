#pragma once

#include <string_view>

#include "core/io/read_context.h"

namespace eventscope::core::detail {

// The most YAML values (scalars, lists, maps, aliases, as written) a scenario file may hold.
// yaml-cpp's node tree costs about half a kilobyte per value; a fully specified model at
// limits::kMaxEntities of everything stays below this.
inline constexpr long kMaxYamlValues = 1'000'000;

// Runs yaml-cpp's event parser over `text` before any node tree is built: cheap in memory, it
// reports syntax errors and texts with more than kMaxYamlValues values. True if the text can be
// loaded.
bool prescanYaml(ReadContext& context, std::string_view text);

}  // namespace eventscope::core::detail
