#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/model/sim_time.h"

namespace eventscope::core {

// An event that came into the system from outside it: published by a producer, injected, or
// imported. A what-if replay publishes a recording's external inputs, at their recorded times,
// into another scenario instead of that scenario's own producers.
struct ExternalInput {
  SimTime at = 0;
  std::string topic;  // by name: the scenario replayed into must have it
  std::string type;
  std::optional<std::string> key;
  std::uint32_t partition = 0;  // as recorded; a keyless input keeps it (modulo the partitions)
  int schema = 1;
  std::string payload;   // compact JSON text; empty: none
  std::string producer;  // the producer that published it; empty for injected or imported ones
};

// Hands out external inputs in time order, one at a time, so a replay of millions of events
// never holds them all. The source may stop early (a damaged file): it keeps the reason.
class ExternalInputSource {
 public:
  virtual ~ExternalInputSource() = default;
  // The next input; false at the end (or on an error, see error()).
  virtual bool next(ExternalInput& input) = 0;
  virtual const std::string& error() const = 0;
};

}  // namespace eventscope::core
