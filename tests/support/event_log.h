#pragma once

#include <vector>

#include "core/sim/engine_observer.h"

namespace eventscope::core::testing {

// Keeps every notification of interest in memory, for tests that look at individual events.
class EventLog final : public EngineObserver {
 public:
  struct Published {
    SimTime at;
    Event event;
    PublisherRef by;
  };
  struct Ended {
    SimTime at;
    AttemptInfo attempt;
    Event event;
    AttemptEnd end;
  };
  struct DeadLetter {
    SimTime at;
    std::uint32_t service;
    Event original;
    FailureKind reason;
    int attempts;
    std::uint64_t deadLetterId;
  };
  struct Refused {
    SimTime at;
    Event event;
    Refusal why;
    std::int32_t service;
  };

  std::vector<Published> published;
  std::vector<Ended> ended;
  std::vector<DeadLetter> deadLetters;
  std::vector<Refused> refused;
  std::vector<std::pair<SimTime, bool>> producerBlocked;

  void onPublished(SimTime now, const Event& event, const PublisherRef& by) override {
    published.push_back({now, event, by});
  }
  void onRefused(SimTime now, const Event& event, Refusal why, std::int32_t service,
                 std::uint32_t) override {
    refused.push_back({now, event, why, service});
  }
  void onAttemptEnded(SimTime now, const AttemptInfo& attempt, const Event& event,
                      const AttemptEnd& end) override {
    ended.push_back({now, attempt, event, end});
  }
  void onDeadLettered(SimTime now, std::uint32_t service, const Event& original, FailureKind reason,
                      int attempts, std::uint64_t deadLetterId) override {
    deadLetters.push_back({now, service, original, reason, attempts, deadLetterId});
  }
  void onProducerBlocked(SimTime now, std::uint32_t, bool blocked) override {
    producerBlocked.emplace_back(now, blocked);
  }

  std::vector<Ended> endsOf(std::uint64_t eventId) const {
    std::vector<Ended> out;
    for (const auto& e : ended) {
      if (e.event.id == eventId) out.push_back(e);
    }
    return out;
  }
};

}  // namespace eventscope::core::testing
