#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/model/sim_time.h"

namespace eventscope::core {

// Parses a duration with a unit (`250us`, `10ms`, `1.5s`, `5m`, `1h`, also `ns`), rounded to the
// nearest nanosecond; on failure returns nullopt and, if `error` is given, says why.
std::optional<SimTime> parseDuration(std::string_view text, std::string* error);

// Parses a rate (`800/s`, `30/m`, `5/h`) into events per second; on failure returns nullopt and,
// if `error` is given, says why.
std::optional<double> parseRate(std::string_view text, std::string* error);

// The shortest exact way to write `t` in scenario syntax ("250us", "1.5s", "2m", "0s").
std::string formatDuration(SimTime t);

}  // namespace eventscope::core
