#pragma once

#include <string>

#include "core/bus/bus.h"

namespace eventscope::core::testing {

// A second, independent look at the bus's bookkeeping: finds every copy where it actually is
// (queues, instances, prefetch rings, retry slots) and compares with the counts the bus keeps
// (held, in process, delayed, busy, up, members, credit, each event's copies, live slots), and
// checks that no blocked publisher waits beside room. Returns "" when all agree, else what not.
std::string checkBusConsistency(const Bus& bus);

}  // namespace eventscope::core::testing
