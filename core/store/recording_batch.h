#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/metrics/time_series.h"
#include "core/model/sim_time.h"

namespace eventscope::core::store {

// Rows on their way to the recording file, grouped into batches that the writer thread commits
// one transaction each. Plain data; batches are recycled, so their vectors keep their storage.
struct EventRow {
  std::uint64_t id = 0;
  SimTime t = 0;
  std::uint32_t type = 0, topic = 0, partition = 0, schema = 1;
  std::int64_t key = -1;          // -1: no key
  std::uint64_t correlation = 0;  // 0: the event starts its own chain
  std::uint64_t causation = 0;    // 0: nothing caused it
  std::uint32_t payload = 0;      // 0: none
  std::uint32_t origin = 0;       // OriginKind * 65536 + index
};

struct AttemptRow {
  std::uint64_t event = 0;
  std::uint32_t service = 0;
  SimTime start = 0;  // after the event's publish time
  std::int32_t instance = -1;
  std::int32_t outcome = 0;  // SpanOutcome
  SimTime duration = 0;
  std::uint32_t attempt = 0;
  std::int32_t reason = 0;  // AttemptReason bits
};

struct BucketRow {
  std::uint32_t service = 0;
  std::int32_t queue = -1;  // -1: the whole service
  std::uint32_t bucket = 0;
  ServiceSample sample;  // for a queue only backlog and lag are set
};

struct QueueStateRow {
  std::uint32_t bucket = 0, service = 0;
  std::int32_t queue = 0;
  std::uint64_t held = 0, inProcess = 0, delayed = 0;
};

struct InstanceStateRow {
  std::uint32_t bucket = 0, service = 0, instance = 0;
  std::int32_t state = 0;  // InstanceState
};

struct NameRow {
  int kind = 0;  // NameKind
  std::int64_t id = 0;
  std::string name;
};

struct CloudEventRow {  // what an imported CloudEvent said beyond the events table
  std::uint64_t event = 0;
  std::string id, source, traceparent, correlationId, causationId;
};

struct MetaRow {
  std::string key;
  std::string value;
};

struct RecordingBatch {
  std::vector<EventRow> events;
  std::vector<AttemptRow> attempts;
  std::vector<BucketRow> buckets;
  std::vector<QueueStateRow> queueStates;
  std::vector<InstanceStateRow> instanceStates;
  std::vector<NameRow> names;
  std::vector<MetaRow> meta;
  std::vector<CloudEventRow> cloudEvents;
  SimTime simTime = 0;  // simulated time when the batch was handed over

  std::size_t rows() const {
    return events.size() + attempts.size() + buckets.size() + queueStates.size() +
           instanceStates.size() + names.size() + meta.size() + cloudEvents.size();
  }
  void clear() {
    events.clear();
    attempts.clear();
    buckets.clear();
    queueStates.clear();
    instanceStates.clear();
    names.clear();
    meta.clear();
    cloudEvents.clear();
    simTime = 0;
  }
};

// attempts.reason: the failure kind in the low bits, duplicate flags above.
enum AttemptReason : std::int32_t {
  kReasonError = 1,
  kReasonPoison = 2,
  kReasonSchema = 3,
  kReasonTimeout = 4,
  kReasonDroppedNewest = 5,
  kReasonDroppedOldest = 6,
  kReasonMask = 0xf,
  kDuplicateProcessed = 0x10,  // an ack that applied side effects again
  kDuplicateSkipped = 0x20,    // an ack an idempotent service skipped as already processed
  kDuplicateCopy = 0x40,       // an attempt on the broker's second copy of the event
};

}  // namespace eventscope::core::store
