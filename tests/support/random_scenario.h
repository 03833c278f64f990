#pragma once

#include <cstdint>

#include "core/model/scenario.h"

namespace eventscope::core::testing {

// A random but valid scenario: a few topics (some bounded, with any overflow policy), producers,
// services of both delivery modes with failures, poison keys, retries, dead letters, ack
// timeouts, emits along an acyclic chain, autoscaling, and faults of every kind. Short runs.
Scenario randomScenario(std::uint64_t seed);

}  // namespace eventscope::core::testing
