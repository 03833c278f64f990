#pragma once

#include <cstdint>

#include "core/bus/event.h"
#include "core/sim/engine_observer.h"

namespace eventscope::core {

// An event a service gave up on and sent to its dead-letter topic, with what a redrive needs
// to publish it again (the bus's interned type, key and payload indexes stay valid for a run).
struct DeadLetter {
  std::uint64_t id = 0;          // the copy on the dead-letter topic
  std::uint64_t originalId = 0;  // the event that failed
  std::uint64_t correlationId = 0;
  SimTime at = 0;  // when the service gave up
  std::uint32_t service = 0;
  std::uint16_t topic = 0;  // the original topic
  std::uint16_t partition = 0;
  std::uint16_t type = 0;
  std::uint16_t schema = 1;
  KeyId key = kNoKey;
  std::uint32_t payload = kNoPayload;
  FailureKind reason = FailureKind::None;
  int attempts = 0;
};

// The dead letter an EngineObserver::onDeadLettered call describes.
inline DeadLetter deadLetterOf(SimTime now, std::uint32_t service, const Event& original,
                               FailureKind reason, int attempts, std::uint64_t deadLetterId) {
  return DeadLetter{.id = deadLetterId,
                    .originalId = original.id,
                    .correlationId = original.correlationId,
                    .at = now,
                    .service = service,
                    .topic = original.topic,
                    .partition = original.partition,
                    .type = original.type,
                    .schema = original.schema,
                    .key = original.key,
                    .payload = original.payload,
                    .reason = reason,
                    .attempts = attempts};
}

}  // namespace eventscope::core
