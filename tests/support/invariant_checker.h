#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/bus/bus.h"
#include "core/sim/engine_observer.h"

// An observer that keeps its own shadow of every (service, event) pair and checks the bus's
// promises as the run goes: conservation, per-key order and one owner per partition in
// partitioned mode, duplicates only with a recorded cause, dead letters only when attempts are
// exhausted or the failure is permanent, and depth never above capacity.
namespace eventscope::core::testing {

class InvariantChecker final : public EngineObserver {
 public:
  std::vector<std::string> violations;

  void onRunStart(const Bus& bus) override;
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
  void onPartitionAssigned(SimTime now, std::uint32_t service, std::uint32_t queue,
                           std::int32_t instance) override;
  void onRunEnd(SimTime now) override;

 private:
  struct Pair {  // one event as one service sees it
    bool offered = false;
    bool terminal = false;
    bool duplicateCause = false;  // a copy came from a crash, a timeout or the broker
    int sideEffects = 0;
  };
  void fail(SimTime now, const std::string& what);
  Pair& pair(std::uint32_t service, std::uint64_t eventId) {
    return m_pairs[eventId * 64 + service];
  }
  void checkDepth(SimTime now, std::uint32_t topic, std::uint32_t partition);

  const Bus* m_bus = nullptr;
  std::unordered_map<std::uint64_t, Pair> m_pairs;
  std::set<std::uint64_t> m_published;
  std::vector<std::uint64_t> m_offered, m_terminal;  // per service
  std::vector<std::vector<std::int32_t>> m_owner;    // [service][queue] -> instance
  std::vector<std::vector<std::int32_t>> m_running;  // [service][queue] -> instance or -1
  std::vector<std::map<KeyId, std::uint64_t>> m_lastDoneByKey;  // partitioned services
};

}  // namespace eventscope::core::testing
