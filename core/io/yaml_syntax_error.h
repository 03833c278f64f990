#pragma once

#include <yaml-cpp/yaml.h>

#include "core/io/read_context.h"

namespace eventscope::core::detail {

// Reports a YAML syntax error from yaml-cpp in words a scenario author can act on, located where
// the cause most likely is: at a tab in the indentation (a common cause that yaml-cpp reports as
// an unrelated error), or at the bracket where nesting gets too deep (yaml-cpp reports that at
// the end of the file as "bad file").
void reportSyntaxError(ReadContext& context, std::string_view text,
                       const YAML::ParserException& error);

}  // namespace eventscope::core::detail
