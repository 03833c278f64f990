#pragma once

#include <cstdint>
#include <string>

#include "core/sim/engine_observer.h"

namespace eventscope::core {

// Folds everything the engine reports (times, ids, attributes, outcomes) into one 64-bit hash.
// Two runs with equal fingerprints produced the same event log; determinism tests pin it.
class FingerprintObserver final : public EngineObserver {
 public:
  std::uint64_t value() const { return m_hash; }
  std::string hex() const;
  std::uint64_t notifications() const { return m_count; }

  void onPublished(SimTime now, const Event& event, const PublisherRef& by) override;
  void onRefused(SimTime now, const Event& event, Refusal why, std::int32_t service,
                 std::uint32_t queue) override;
  void onEnqueued(SimTime now, std::uint32_t service, std::uint32_t queue, const Event& event,
                  DeliveryCause cause) override;
  void onAttemptStarted(SimTime now, const AttemptInfo& attempt, const Event& event) override;
  void onAttemptEnded(SimTime now, const AttemptInfo& attempt, const Event& event,
                      const AttemptEnd& end) override;
  void onDeadLettered(SimTime now, std::uint32_t service, const Event& original, FailureKind reason,
                      int attempts, std::uint64_t deadLetterId) override;
  void onInstanceChanged(SimTime now, std::uint32_t service, std::uint32_t instance,
                         InstanceState state) override;
  void onPartitionAssigned(SimTime now, std::uint32_t service, std::uint32_t queue,
                           std::int32_t instance) override;
  void onProducerBlocked(SimTime now, std::uint32_t producer, bool blocked) override;
  void onRunEnd(SimTime now) override;

 private:
  void mix(std::uint64_t value);
  void mixEvent(const Event& event);

  std::uint64_t m_hash = 0xcbf29ce484222325ULL;
  std::uint64_t m_count = 0;
};

}  // namespace eventscope::core
