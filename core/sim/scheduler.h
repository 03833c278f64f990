#pragma once

#include "core/sim/future_event_set.h"

namespace eventscope::core {

// The simulation clock and its future-event set: all the bus needs to schedule work.
struct Scheduler {
  FutureEventSet actions;
  SimTime now = 0;

  void at(SimTime time, ActionKind kind, std::uint32_t target, std::uint32_t arg = 0,
          std::uint32_t token = 0) {
    actions.schedule(time, kind, target, arg, token);
  }
  void after(SimTime delay, ActionKind kind, std::uint32_t target, std::uint32_t arg = 0,
             std::uint32_t token = 0) {
    // Saturate: a delay near kMaxDuration past a late `now` must not wrap into the past.
    const SimTime time = delay > kNever - now ? kNever : now + delay;
    actions.schedule(time, kind, target, arg, token);
  }
};

}  // namespace eventscope::core
