#pragma once

#include <cstdint>
#include <limits>

namespace eventscope::core {

// Simulated time and durations, in integer nanoseconds: integer time keeps runs deterministic.
using SimTime = std::int64_t;

inline constexpr SimTime kNanosecond = 1;
inline constexpr SimTime kMicrosecond = 1'000;
inline constexpr SimTime kMillisecond = 1'000'000;
inline constexpr SimTime kSecond = 1'000'000'000;
inline constexpr SimTime kMinute = 60 * kSecond;
inline constexpr SimTime kHour = 60 * kMinute;
inline constexpr SimTime kNever = std::numeric_limits<SimTime>::max();

// The longest duration a scenario may name (about 11 years); keeps every sum far from overflow.
inline constexpr SimTime kMaxDuration = 100'000 * kHour;

inline constexpr double toSeconds(SimTime t) {
  return static_cast<double>(t) / kSecond;
}

}  // namespace eventscope::core
