#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/metrics/time_series.h"
#include "core/model/node_ref.h"
#include "core/sim/engine_observer.h"
#include "ui/controller/dead_letter_entry.h"

namespace eventscope::ui {

using core::NodeKind;
using core::NodeRef;

// What a moving token stands for; each kind is drawn in its own color (see the legend).
enum class TokenKind : std::uint8_t {
  Publish,     // a producer published an event
  Deliver,     // a topic delivered an event to a service (first delivery)
  Emit,        // a service published a follow-up event
  Retry,       // a redelivery after a failure, crash or ack timeout
  Duplicate,   // the broker delivered an event a second time
  DeadLetter,  // an event sent to a dead-letter topic
  Drop,        // an event a full topic dropped or rejected
};
inline constexpr int kTokenKindCount = 7;

// One event moving along an edge of the topology.
struct Token {
  NodeRef from, to;
  TokenKind kind = TokenKind::Publish;
  std::uint64_t correlation = 0;  // the event's chain, when known (a recording): 0 = unknown
};

struct ProducerView {
  std::uint64_t published = 0;
  bool paused = false;
  bool blocked = false;        // held back by a full topic (backpressure)
  bool publishedKnown = true;  // a recording does not count events per producer over time
};

struct TopicView {
  std::vector<std::uint64_t> partitionDepth;  // events held per partition (deepest subscriber)
  std::uint64_t capacity = 0;                 // per partition; 0 = unbounded
  std::uint64_t produced = 0, dropped = 0, rejected = 0;
  double duplicateFraction = 0;  // > 0 while the broker duplicates deliveries
};

struct ServiceView {
  std::uint64_t waiting = 0, inProcess = 0, delayed = 0;  // delayed: waiting for a retry
  std::vector<core::InstanceState> instances;             // removed instances left out
  double slowFactor = 1;
  double throughput = 0;  // acks per simulated second over the last closed bucket
  std::uint64_t acked = 0, retries = 0, deadLettered = 0, duplicatesProcessed = 0, dropped = 0;
};

// An immutable picture of a live run, made on the engine's thread and read by the GUI.
struct LiveSnapshot {
  std::uint64_t serial = 0;  // grows with every snapshot of a session
  core::SimTime now = 0, end = 0;
  bool finished = false;
  std::uint64_t engineEvents = 0;
  double engineEventsPerSecond = 0;  // wall-clock rate over the last half second
  double achievedSpeed = 0;          // simulated seconds per wall second, same window
  std::vector<ProducerView> producers;
  std::vector<TopicView> topics;
  std::vector<ServiceView> services;
  std::vector<Token> tokens;     // new since the previous snapshot (sampled when rates are high)
  std::uint64_t tokensSeen = 0;  // before sampling
  std::shared_ptr<const core::TimeSeries> series;  // closed buckets so far
  // The run's most recent dead letters, oldest first: the same pointer as in the previous
  // snapshot while nothing changed (compare pointers to skip work). Never null in a session.
  std::shared_ptr<const std::vector<DeadLetterEntry>> deadLetters;
  std::uint64_t deadLettersTotal = 0;  // in the whole run, including those no longer kept
};

}  // namespace eventscope::ui
