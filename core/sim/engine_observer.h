#pragma once

#include <cstdint>

#include "core/bus/event.h"
#include "core/model/scenario.h"

namespace eventscope::core {

class Bus;

enum class InstanceState : std::uint8_t { Idle, Busy, Publishing, Down, Removed };

// How one processing attempt ended.
enum class AttemptOutcome : std::uint8_t {
  Acked,         // succeeded and acknowledged
  Failed,        // failed; will be retried after a backoff
  DeadLettered,  // failed for the last time (or permanently) and went to the dead-letter topic
  Discarded,     // failed for the last time and the service has no dead-letter topic
  Crashed,       // the instance crashed; the event is redelivered
  TimedOut,      // no ack within ack_timeout: redelivered, while this attempt runs on as a zombie
  ZombieDone,    // a timed-out attempt finished; its ack is refused
};

// Why an attempt failed (or why an event was dead-lettered).
enum class FailureKind : std::uint8_t { None, Error, Poison, Schema, Timeout };

// Why a publish did not reach a subscriber.
enum class Refusal : std::uint8_t { Rejected, DroppedNewest, DroppedOldest };

// Who published: a producer, a service instance (emits, dead letters), an injection fault, or
// a replayed external input.
struct PublisherRef {
  // Broker: dead letters the broker publishes itself (after an ack timeout).
  enum class Kind : std::uint8_t {
    Producer,
    Instance,
    Injection,
    Broker,
    Replay
  } kind = Kind::Producer;
  // Producer, service or injection index; Replay: the producer the input is attributed to, or
  // kNoProducer.
  std::uint32_t index = 0;
  std::uint32_t instance = 0;  // Instance only
  std::uint32_t token = 0;     // Instance: stale entries are skipped after a crash; Replay: the
                               // held input's index, while a full topic holds it back
  static constexpr std::uint32_t kNoProducer = 0xffffffffu;
};

struct AttemptInfo {
  std::uint32_t service = 0;
  std::uint32_t instance = 0;
  std::uint32_t queue = 0;  // the service's queue (one per subscribed topic partition)
  SimTime startedAt = 0;
  Delivery delivery;
};

struct AttemptEnd {
  AttemptOutcome outcome = AttemptOutcome::Acked;
  FailureKind failure = FailureKind::None;
  bool sideEffect = false;  // the service applied its side effects (not skipped as duplicate)
  bool duplicate = false;   // the service had already processed this event once
  bool firstDone = false;   // this ended the event for the service (ack/dead letter/discard)
  SimTime retryAt = 0;      // Failed only
};

// The engine reports everything that happens through this one interface. The recorder, the
// metrics collector and the GUI bridge implement it; calls come in simulated-time order, always
// after the bus state they describe has been updated (so an observer may read it from the Bus).
class EngineObserver {
 public:
  virtual ~EngineObserver() = default;

  virtual void onRunStart(const Bus& /*bus*/) {}
  // Simulated time is about to move to `now` (before anything happens at that time): observers
  // that keep series close their buckets here, while the bus still shows the state before now.
  // Returns when to be called next: the engine calls again at the first time at or after it.
  virtual SimTime onClock(SimTime /*now*/) { return kNever; }
  virtual void onPublished(SimTime /*now*/, const Event& /*event*/, const PublisherRef& /*by*/) {}
  // A publish refused by a full partition: for all subscribers (Rejected, or a topic without
  // subscribers) when service is -1, else for that service's queue only. For DroppedOldest the
  // event is the one evicted to make room.
  virtual void onRefused(SimTime /*now*/, const Event& /*event*/, Refusal /*why*/,
                         std::int32_t /*service*/, std::uint32_t /*queue*/) {}
  virtual void onEnqueued(SimTime /*now*/, std::uint32_t /*service*/, std::uint32_t /*queue*/,
                          const Event& /*event*/, DeliveryCause /*cause*/) {}
  virtual void onAttemptStarted(SimTime /*now*/, const AttemptInfo& /*attempt*/,
                                const Event& /*event*/) {}
  virtual void onAttemptEnded(SimTime /*now*/, const AttemptInfo& /*attempt*/,
                              const Event& /*event*/, const AttemptEnd& /*end*/) {}
  // An event a service gave up on: deadLetterId is the id of the copy published to the
  // dead-letter topic, or 0 when it was discarded (no dead-letter topic, or it refused it).
  virtual void onDeadLettered(SimTime /*now*/, std::uint32_t /*service*/, const Event& /*original*/,
                              FailureKind /*reason*/, int /*attempts*/,
                              std::uint64_t /*deadLetterId*/) {}
  // An instance went down (Down: crashed, Removed: scaled in) or came up (Idle). Busy and idle
  // are not reported: they follow from onAttemptStarted and onAttemptEnded.
  virtual void onInstanceChanged(SimTime /*now*/, std::uint32_t /*service*/,
                                 std::uint32_t /*instance*/, InstanceState /*state*/) {}
  virtual void onPartitionAssigned(SimTime /*now*/, std::uint32_t /*service*/,
                                   std::uint32_t /*queue*/, std::int32_t /*instance*/) {}
  virtual void onProducerBlocked(SimTime /*now*/, std::uint32_t /*producer*/, bool /*blocked*/) {}
  virtual void onFault(SimTime /*now*/, const FaultSpec& /*fault*/, bool /*begins*/) {}
  virtual void onRunEnd(SimTime /*now*/) {}
};

// The observer to use when nobody is listening.
class NullObserver final : public EngineObserver {};

}  // namespace eventscope::core
