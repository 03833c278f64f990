#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/bus/dead_letter.h"

namespace eventscope::ui {

// One dead letter as the GUI lists it: what a redrive needs (the letter, with the bus's
// indexes) and its names for display, from a live run or read back from a recording.
struct DeadLetterEntry {
  core::DeadLetter letter;
  std::string service, originalTopic, type;
  std::optional<std::string> key;
  std::optional<core::SimTime> redrivenAt;  // set once redriven (the entry stays listed)
  std::uint64_t redrivenAs = 0;             // the new event's id; 0 while a full topic holds it
};

// The reason a service gave up, as words.
inline const char* failureReasonText(core::FailureKind reason) {
  switch (reason) {
    case core::FailureKind::None:
      return "gave up";
    case core::FailureKind::Error:
      return "processing failed";
    case core::FailureKind::Poison:
      return "poison key";
    case core::FailureKind::Schema:
      return "schema not accepted";
    case core::FailureKind::Timeout:
      return "ack timeout";
  }
  return "gave up";
}

}  // namespace eventscope::ui
