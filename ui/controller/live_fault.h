#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/model/scenario.h"

namespace eventscope::ui {

// An intervention a person makes while a run goes on (the live twin of the scenario's faults).
struct LiveFault {
  enum class Kind : std::uint8_t {
    Crash,           // one instance of a service crashes; its unacked work is redelivered
    Recover,         // one crashed instance comes back
    AddInstance,     // scale out by one
    RemoveInstance,  // scale in by one
    Slow,            // the service works 5 times slower
    Unslow,
    PauseProducer,
    ResumeProducer,
    InjectPoison,  // an event with one of the service's poison keys, to its first topic
    InjectSchema,  // an event of a newer schema version than the topic's consumers accept
    Duplicate,     // the broker delivers a quarter of the topic's events twice
    StopDuplicate,
  };
  Kind kind = Kind::Crash;
  std::uint32_t target = 0;  // service, producer or topic index, as the kind says
};

inline constexpr double kLiveSlowFactor = 5;
inline constexpr double kLiveDuplicateFraction = 0.25;

// The event an inject fault publishes, or why there is none (for the menu's tooltip).
struct InjectionPlan {
  std::optional<core::InjectSpec> injection;
  std::string unavailable;
};
InjectionPlan planInjection(const core::Scenario& scenario, const LiveFault& fault);

// A short description for menus, the status bar and the undo-free fault log.
std::string describeFault(const core::Scenario& scenario, const LiveFault& fault);

}  // namespace eventscope::ui
