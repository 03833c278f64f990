#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model/sim_time.h"

namespace eventscope::core {

// Where something was written in its file (1-based); line 0 means "not from a file".
struct SourcePos {
  int line = 0;
  int column = 0;
};

enum class Overflow { Block, DropNewest, DropOldest, Reject };
// The word the scenario format uses for an overflow policy ("drop-newest").
const char* overflowName(Overflow overflow);
enum class DeliveryMode { Shared, Partitioned };
enum class Arrivals { Poisson, Constant };

// A service-time distribution; times in nanoseconds.
struct Distribution {
  enum class Kind { Constant, Exponential, Uniform, Lognormal };
  Kind kind = Kind::Exponential;
  SimTime first = kMillisecond;  // constant value | exponential mean | uniform low | lognormal mean
  SimTime second = 0;            // uniform high | lognormal standard deviation
  double meanSeconds() const;
};

// How a producer picks keys: none, N uniform keys, or N keys with Zipf(s) popularity.
struct KeySpace {
  enum class Kind { None, Uniform, Zipf };
  Kind kind = Kind::None;
  std::uint64_t count = 0;
  double exponent = 1.0;  // Zipf's s
};

struct TopicSpec {
  std::string name;
  int partitions = 1;
  std::optional<std::uint64_t> capacity;  // per partition; nullopt = unbounded
  Overflow overflow = Overflow::Block;
  bool implicit = false;  // created because a service names it as dead_letter without declaring it
  SourcePos pos;
};

struct ProducerSpec {
  std::string name;
  std::string topic;
  std::string event;
  int schema = 1;
  double ratePerSecond = 1.0;
  Arrivals arrivals = Arrivals::Poisson;
  KeySpace keys;
  std::optional<std::uint64_t> count;
  SimTime start = 0;
  std::optional<SimTime> stop;
  std::string payload;  // compact JSON text; empty when absent
  SourcePos pos;
  SourcePos topicPos;
};

struct RetrySpec {
  int maxAttempts = 1;  // 1 = no retries
  SimTime backoff = 100 * kMillisecond;
  double multiplier = 2.0;
  SimTime maxBackoff = 30 * kSecond;
};

struct EmitSpec {
  std::string topic;
  std::string event;
  double probability = 1.0;
  int schema = 1;
  std::string payload;  // compact JSON text; empty when absent
  SourcePos pos;
  SourcePos topicPos;  // where `topic:` is written, for "unknown topic" errors
};

struct AutoscaleSpec {
  int min = 1;
  int max = 1;
  double targetBacklog = 100;  // waiting events per instance the scaler aims for
  SimTime checkEvery = kSecond;
};

struct ServiceSpec {
  std::string name;
  std::vector<std::string> subscribes;
  std::vector<SourcePos> subscribesPos;  // one per entry of subscribes
  DeliveryMode delivery = DeliveryMode::Shared;
  int instances = 1;
  Distribution serviceTime;
  int prefetch = 1;
  std::optional<SimTime> ackTimeout;  // nullopt = never times out
  double failureRate = 0.0;
  std::vector<std::string> poisonKeys;
  RetrySpec retry;
  std::optional<std::string> deadLetter;  // nullopt = exhausted events are discarded (counted)
  SourcePos deadLetterPos;
  bool idempotent = false;
  std::vector<int> acceptsSchema;  // empty = accepts every version
  std::vector<EmitSpec> emits;
  std::optional<AutoscaleSpec> autoscale;
  SourcePos pos;
};

// What gets injected by an `inject` fault.
struct InjectSpec {
  std::string topic;
  std::string event;
  std::optional<std::string> key;
  int schema = 1;
  std::string payload;  // compact JSON text; empty when absent
};

struct FaultSpec {
  enum class Kind { Crash, Pause, Slow, Inject, Duplicate };
  Kind kind = Kind::Crash;
  SimTime at = 0;
  std::optional<SimTime> duration;  // `for:`; nullopt = until the end of the run
  std::string target;               // crash/slow: service; pause: producer; duplicate: topic
  int instances = 1;                // crash
  double factor = 1.0;              // slow
  double fraction = 0.0;            // duplicate
  InjectSpec inject;                // inject
  SourcePos pos;
  SourcePos targetPos;  // where the target is named, for "unknown service" and similar errors
};

// Node positions on the GUI canvas (optional `layout:` section).
struct LayoutEntry {
  std::string node;
  double x = 0;
  double y = 0;
  SourcePos pos;  // where the node's name is written
};

struct Scenario {
  int format = 1;
  std::string name;
  std::uint64_t seed = 1;
  SimTime duration = 60 * kSecond;
  SimTime warmup = 0;
  std::vector<TopicSpec> topics;
  std::vector<ProducerSpec> producers;
  std::vector<ServiceSpec> services;
  std::vector<FaultSpec> faults;
  std::vector<LayoutEntry> layout;
  SourcePos warmupPos;  // where `warmup:` is written, for "warmup must be shorter" errors

  const TopicSpec* findTopic(std::string_view topicName) const;
  const ServiceSpec* findService(std::string_view serviceName) const;
  const ProducerSpec* findProducer(std::string_view producerName) const;
};

}  // namespace eventscope::core
