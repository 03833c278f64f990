#pragma once

#include <optional>
#include <string>

#include "core/io/map_fields.h"

namespace eventscope::core::detail {

// Caps on one payload template. YAML aliases can make a tiny file stand for a huge tree (the
// "billion laughs"), so the cap counts values as they are expanded, not as they are written.
inline constexpr std::size_t kMaxPayloadValues = 10'000;
inline constexpr int kMaxPayloadDepth = 64;

// Converts a YAML value to JSON the way a YAML 1.2 core-schema reader would: plain scalars
// become null, booleans, integers or floats when they look like one, and strings otherwise;
// quoted scalars stay strings. Reports values JSON cannot hold (.inf, .nan), duplicate keys,
// and trees past the caps, then returns nullopt. The result is compact JSON text.
std::optional<std::string> readPayload(ReadContext& context, const Field& field);

}  // namespace eventscope::core::detail
