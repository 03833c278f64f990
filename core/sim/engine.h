#pragma once

#include <cstdint>
#include <memory>

#include "core/bus/bus.h"
#include "core/model/scenario.h"
#include "core/sim/engine_observer.h"
#include "core/sim/scheduler.h"

namespace eventscope::core {

// The simulation engine: one clock, one future-event set, one bus; single-threaded and
// deterministic. Same scenario and seed -> the same sequence of observer calls, byte for byte.
class Engine {
 public:
  // The scenario must outlive the engine. observer may be null (nobody listens).
  Engine(const Scenario& scenario, EngineObserver* observer);

  // Processes every action due at or before `until` (capped at the scenario's end), then sets
  // the clock to that time. Returns false once the run has ended.
  bool advanceTo(SimTime until);
  // Processes the next due action, if any before the end. Returns false once the run has ended.
  bool step();
  // Runs to the end and tells the observer.
  void run();
  void finish();

  SimTime now() const { return m_scheduler.now; }
  SimTime end() const { return m_end; }
  bool finished() const { return m_finished; }
  std::uint64_t engineEvents() const { return m_engineEvents; }
  std::uint64_t eventsInFlight() const { return m_bus.events().live(); }
  bool overflowed() const { return m_overflowed; }

  Bus& bus() { return m_bus; }
  const Bus& bus() const { return m_bus; }

 private:
  void dispatch(const Action& action);

  NullObserver m_nullObserver;
  EngineObserver& m_observer;
  Scheduler m_scheduler;
  Bus m_bus;
  SimTime m_end;
  std::uint64_t m_engineEvents = 0;
  SimTime m_nextClock = 0;  // when the observer next wants onClock
  bool m_started = false;
  bool m_finished = false;
  bool m_overflowed = false;
};

}  // namespace eventscope::core
