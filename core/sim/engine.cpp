#include "core/sim/engine.h"

#include "core/model/limits.h"

namespace eventscope::core {

Engine::Engine(const Scenario& scenario, EngineObserver* observer)
    : m_observer(observer ? *observer : m_nullObserver),
      m_bus(scenario, m_scheduler, m_observer),
      m_end(scenario.duration) {
  m_scheduler.actions.reserve(1024);
}

void Engine::dispatch(const Action& action) {
  if (action.time >= m_nextClock && action.time > m_scheduler.now) {
    m_nextClock = m_observer.onClock(action.time);
  }
  m_scheduler.now = action.time;
  ++m_engineEvents;
  m_bus.handle(action);
}

bool Engine::advanceTo(SimTime until) {
  if (m_finished) return false;
  if (!m_started) {
    m_started = true;
    m_bus.start();
  }
  if (until > m_end) until = m_end;
  FutureEventSet& actions = m_scheduler.actions;
  // The run covers [0, end): nothing happens at the end instant itself.
  while (!actions.empty() && actions.top().time <= until && actions.top().time < m_end) {
    dispatch(actions.pop());
    // A model whose events multiply without bound stops here instead of exhausting memory.
    if ((m_engineEvents & 0xfff) == 0 && m_bus.events().live() > limits::kMaxEventsInFlight) {
      m_overflowed = true;
      finish();
      return false;
    }
  }
  if (until > m_scheduler.now) {
    if (until >= m_nextClock) m_nextClock = m_observer.onClock(until);
    m_scheduler.now = until;
  }
  if (until >= m_end) {
    finish();
    return false;
  }
  return true;
}

bool Engine::step() {
  if (m_finished) return false;
  if (!m_started) {
    m_started = true;
    m_bus.start();
  }
  FutureEventSet& actions = m_scheduler.actions;
  if (actions.empty() || actions.top().time >= m_end) return advanceTo(m_end);
  dispatch(actions.pop());
  return true;
}

void Engine::run() {
  advanceTo(m_end);
}

void Engine::finish() {
  if (m_finished) return;
  m_finished = true;
  m_observer.onRunEnd(m_scheduler.now);
}

}  // namespace eventscope::core
