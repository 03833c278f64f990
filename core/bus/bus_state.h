#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/bus/event.h"
#include "core/bus/ring_buffer.h"
#include "core/model/scenario.h"
#include "core/sim/engine_observer.h"
#include "core/sim/random_stream.h"
#include "core/sim/samplers.h"
#include "core/sim/time_weighted.h"

// The bus's runtime state. Plain data: the Bus class owns the rules that change it, observers
// read it through the Bus's const accessors.
namespace eventscope::core {

inline constexpr std::uint64_t kUnbounded = std::numeric_limits<std::uint64_t>::max();
inline constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

struct TopicPartitionState {
  std::uint64_t retained = 0;  // events kept by a topic nobody subscribes to
  std::uint64_t maxDepth = 0;
  RingBuffer<PublisherRef> blocked;  // publishers held back by the block policy, in arrival order
};

struct TopicState {
  struct Subscriber {
    std::uint32_t service = 0;
    std::uint32_t firstQueue = 0;  // the service's queue for partition 0 of this topic
  };
  std::string name;
  int partitions = 1;
  std::uint64_t capacity = kUnbounded;
  Overflow overflow = Overflow::Block;
  std::vector<Subscriber> subscribers;
  std::vector<TopicPartitionState> parts;
  double duplicateFraction = 0;  // duplicate fault: share of publishes delivered twice
  RandomStream duplicateRng;
  std::uint64_t produced = 0, dropped = 0, rejected = 0, duplicated = 0;
};

// A service's share of one topic partition (Kafka: an assigned partition; RabbitMQ: the part
// of the service's queue that came from that partition).
struct ServiceQueue {
  std::uint32_t topic = 0;
  std::uint32_t partition = 0;
  // Held: copies the broker holds for the service (waiting + in process); in process: attempts
  // running on it, zombies excluded. Kept time-weighted for backlog and lag averages.
  // Delayed: copies waiting for their retry's backoff (held, but not waiting in the queue).
  enum : std::size_t { kHeld, kInProcess, kDelayed };
  TimeWeightedCounts<3> load;
  std::uint64_t held() const { return static_cast<std::uint64_t>(load.value(kHeld)); }
  std::uint64_t inProcess() const { return static_cast<std::uint64_t>(load.value(kInProcess)); }
  std::uint64_t delayed() const { return static_cast<std::uint64_t>(load.value(kDelayed)); }
  std::uint64_t waiting() const { return held() - inProcess() - delayed(); }
  // partitioned delivery only:
  RingBuffer<Delivery> ready;
  std::uint32_t owner = kNone;
  bool blocked = false;  // an attempt runs or a retry waits: nothing else may start (in order)
  Delivery retrying;     // the head event while it waits for its backoff
};

struct Instance {
  InstanceState state = InstanceState::Idle;
  std::uint32_t token = 0;  // bumps at every attempt start and crash; stale actions compare it
  bool zombie = false;      // its ack timed out: it works on, but its ack will be refused
  bool available = false;   // shared: listed in the service's round-robin of instances with credit
  Delivery current;
  std::uint32_t currentQueue = 0;
  SimTime startedAt = 0;
  FailureKind willFail = FailureKind::None;  // decided when the attempt starts
  AttemptEnd ending;                         // filled in as the attempt finishes
  std::uint32_t unacked = 0;                 // shared: current + prefetched (prefetch credit used)
  RingBuffer<Delivery> prefetched;           // shared with prefetch > 1: delivered, not started
  std::vector<std::uint32_t> owned;          // partitioned: queues assigned to this instance
  // After processing, publishing the follow-ups (and the dead letter) before the ack:
  std::uint32_t emitsLeft = 0;             // bit i: emits[i] still to publish
  bool deadLetterPending = false;          // the copy goes to the dead-letter topic
  std::uint32_t pendingPartition = kNone;  // partition drawn for a keyless follow-up
};

struct ServiceCounters {
  std::uint64_t produced = 0;  // events published to its topics while subscribed (one per event)
  std::uint64_t delivered = 0, acked = 0, failedAttempts = 0, retries = 0, redeliveries = 0;
  std::uint64_t crashRedeliveries = 0, timeoutRedeliveries = 0, brokerDuplicates = 0;
  std::uint64_t deadLettered = 0, discarded = 0, dropped = 0;
  std::uint64_t sideEffects = 0, duplicatesProcessed = 0, duplicatesSkipped = 0, outOfOrder = 0;
  std::uint64_t schemaRejected = 0, emitted = 0, timeouts = 0, unpublishedFollowUps = 0;
};

struct EmitRuntime {
  std::uint32_t topic = 0;
  std::uint16_t type = 0;
  std::uint16_t schema = 1;
  double probability = 1;
  std::uint32_t payload = kNoPayload;
};

struct ServiceState {
  std::string name;
  DeliveryMode mode = DeliveryMode::Shared;
  ServiceTimeSampler serviceTime{Distribution{}};
  RandomStream rng;
  int prefetch = 1;
  SimTime ackTimeout = kNever;
  double failureRate = 0;
  RetrySpec retry;
  bool idempotent = false;
  std::uint32_t deadLetterTopic = kNone;
  std::vector<std::uint16_t> acceptsSchema;  // empty = all
  std::vector<KeyId> poisonKeys;             // sorted
  std::vector<EmitRuntime> emits;
  std::optional<AutoscaleSpec> autoscale;
  std::array<int, 5> recentScaleTargets{};  // scale-down looks at the highest of the last five
  std::uint32_t scaleChecks = 0;
  double slowFactor = 1;

  std::vector<ServiceQueue> queues;
  std::vector<Instance> instances;
  RingBuffer<Delivery> sharedReady;      // shared: the one FIFO all instances compete for
  RingBuffer<std::uint32_t> withCredit;  // shared: instances that may take more, round-robin
  std::vector<Delivery> retrySlots;      // shared: copies waiting for their backoff
  std::vector<std::uint32_t> freeRetrySlots;

  std::uint32_t liveInstances = 0;  // up and in the group (not crashed, removed or zombie)
  // Time-weighted: the instances running or publishing (zombies included) and those up (not
  // crashed or removed). The held, in-process and delayed totals are sums over the queues,
  // which keep their own time-weighted counts (their areas add up to the service's).
  enum : std::size_t { kBusy, kUp };
  TimeWeightedCounts<2> load;
  std::uint64_t heldTotal = 0, inProcessTotal = 0, delayedTotal = 0;
  std::uint64_t held() const { return heldTotal; }
  std::uint64_t inProcess() const { return inProcessTotal; }
  std::uint64_t delayed() const { return delayedTotal; }
  std::uint64_t waiting() const { return held() - inProcess() - delayed(); }
  std::uint32_t busyInstances() const { return static_cast<std::uint32_t>(load.value(kBusy)); }
  std::uint32_t upInstances() const { return static_cast<std::uint32_t>(load.value(kUp)); }
  ServiceCounters counters;
  std::unordered_map<KeyId, std::uint64_t> lastAckedIdByKey;  // per-key order check
};

struct ProducerState {
  std::string name;
  std::uint32_t topic = 0;
  std::uint16_t type = 0;
  std::uint16_t schema = 1;
  std::uint32_t payload = kNoPayload;
  ArrivalSampler arrivals{1.0, Arrivals::Poisson};
  KeySampler keys{KeySpace{}};
  RandomStream rng;
  SimTime stop = kNever;
  std::uint64_t limit = std::numeric_limits<std::uint64_t>::max();
  std::uint64_t published = 0, rejected = 0, attempts = 0;
  std::uint32_t generation = 0;  // bumps when paused: the arrival already scheduled is void
  bool paused = false;
  bool blocked = false;
  KeyId pendingKey = kNoKey;  // the event held back while blocked
  std::uint32_t pendingPartition = 0;
  SimTime blockedSince = 0;
  SimTime blockedTotal = 0;
};

}  // namespace eventscope::core
