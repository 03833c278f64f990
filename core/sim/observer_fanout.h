#pragma once

#include <algorithm>
#include <vector>

#include "core/sim/engine_observer.h"

namespace eventscope::core {

// Forwards every notification to several observers, in the order they were added.
class ObserverFanout final : public EngineObserver {
 public:
  void add(EngineObserver* observer) {
    if (observer != nullptr) m_observers.push_back(observer);
  }
  bool empty() const { return m_observers.empty(); }

  void onRunStart(const Bus& bus) override {
    for (auto* o : m_observers)
      o->onRunStart(bus);
  }
  SimTime onClock(SimTime now) override {
    SimTime next = kNever;
    for (auto* o : m_observers)
      next = std::min(next, o->onClock(now));
    return next;
  }
  void onPublished(SimTime now, const Event& event, const PublisherRef& by) override {
    for (auto* o : m_observers)
      o->onPublished(now, event, by);
  }
  void onRefused(SimTime now, const Event& event, Refusal why, std::int32_t service,
                 std::uint32_t queue) override {
    for (auto* o : m_observers)
      o->onRefused(now, event, why, service, queue);
  }
  void onEnqueued(SimTime now, std::uint32_t service, std::uint32_t queue, const Event& event,
                  DeliveryCause cause) override {
    for (auto* o : m_observers)
      o->onEnqueued(now, service, queue, event, cause);
  }
  void onAttemptStarted(SimTime now, const AttemptInfo& attempt, const Event& event) override {
    for (auto* o : m_observers)
      o->onAttemptStarted(now, attempt, event);
  }
  void onAttemptEnded(SimTime now, const AttemptInfo& attempt, const Event& event,
                      const AttemptEnd& end) override {
    for (auto* o : m_observers)
      o->onAttemptEnded(now, attempt, event, end);
  }
  void onDeadLettered(SimTime now, std::uint32_t service, const Event& original, FailureKind reason,
                      int attempts, std::uint64_t deadLetterId) override {
    for (auto* o : m_observers)
      o->onDeadLettered(now, service, original, reason, attempts, deadLetterId);
  }
  void onInstanceChanged(SimTime now, std::uint32_t service, std::uint32_t instance,
                         InstanceState state) override {
    for (auto* o : m_observers)
      o->onInstanceChanged(now, service, instance, state);
  }
  void onPartitionAssigned(SimTime now, std::uint32_t service, std::uint32_t queue,
                           std::int32_t instance) override {
    for (auto* o : m_observers)
      o->onPartitionAssigned(now, service, queue, instance);
  }
  void onProducerBlocked(SimTime now, std::uint32_t producer, bool blocked) override {
    for (auto* o : m_observers)
      o->onProducerBlocked(now, producer, blocked);
  }
  void onFault(SimTime now, const FaultSpec& fault, bool begins) override {
    for (auto* o : m_observers)
      o->onFault(now, fault, begins);
  }
  void onRunEnd(SimTime now) override {
    for (auto* o : m_observers)
      o->onRunEnd(now);
  }

 private:
  std::vector<EngineObserver*> m_observers;
};

}  // namespace eventscope::core
