#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/bus/external_input.h"
#include "core/metrics/time_series.h"
#include "core/model/sim_time.h"
#include "core/store/schema.h"

namespace SQLite {
class Database;
}

namespace eventscope::core::store {

struct RecordingSummary {
  std::string source, origin, scenarioName, appVersion, startedAt, status;
  std::uint64_t seed = 0;
  SimTime duration = 0, warmup = 0, bucketWidth = 0, end = 0;
  std::uint64_t events = 0, attempts = 0, batches = 0;
  SimTime firstEvent = 0, lastEvent = 0;
  std::vector<std::string> topics, services, producers;
  std::string reportJson;  // the run report, when the run finished
  bool complete() const { return status == "complete"; }
};

struct RecordedEvent {
  std::uint64_t id = 0;
  SimTime t = 0;
  std::string type, topic;
  std::uint32_t partition = 0, schema = 1;
  std::optional<std::string> key;
  std::uint64_t correlation = 0;  // the chain's root id (the event's own id for a root)
  std::uint64_t causation = 0;    // 0: none
  std::string payload;            // JSON text; empty: none
  std::string origin;             // "producer checkout", "service billing", "injection", ...
  std::string originUri;          // the same as a URI path: "/eventscope/producer/checkout"
};

struct RecordedSpan {
  std::uint64_t event = 0;
  std::uint32_t serviceId = 0;
  std::string service;
  std::int32_t instance = -1;  // -1: a dropped copy
  SimTime start = 0, end = 0;  // absolute simulated times
  SpanOutcome outcome = SpanOutcome::Acked;
  std::uint32_t attempt = 0;
  std::int32_t reason = 0;  // AttemptReason bits
};

// Filters for a page of events; every one optional. Pages go by event id (keyset).
struct EventQuery {
  std::optional<std::string> type, key, service;
  std::optional<std::uint64_t> correlation;
  std::optional<SpanOutcome> outcome;
  SimTime from = 0, to = kNever;
  std::uint64_t afterId = 0;  // the page starts after this event id
  std::size_t limit = 100;
};

struct EventPage {
  std::vector<RecordedEvent> events;
  std::vector<RecordedSpan> spans;  // of those events, by event then start
  bool more = false;                // more events match after the last one
};

struct Trace {
  std::uint64_t correlation = 0;
  std::vector<RecordedEvent> events;  // the root and everything it caused, by id
  std::vector<RecordedSpan> spans;    // every attempt on them, by start
};

struct QueueState {
  std::uint32_t topic = 0, partition = 0;
  std::uint64_t held = 0, inProcess = 0, delayed = 0;
};

struct ServiceStateAt {
  std::string name;
  std::uint64_t held = 0, inProcess = 0, delayed = 0;
  std::uint32_t instancesUp = 0, instancesBusy = 0, instancesDown = 0;
  std::vector<QueueState> queues;
  std::vector<int> instances;  // InstanceState per instance
};

// The state as of the last checkpoint at or before the requested time (checkpoints are taken
// at the start of every metric bucket in which something changed).
struct StateAt {
  SimTime requested = 0, checkpoint = 0;
  std::uint64_t inFlight = 0;  // events held by services, summed
  std::vector<ServiceStateAt> services;
};

struct SeriesPoint {
  SimTime t = 0;  // start of the first bucket it covers
  double min = 0, max = 0, mean = 0;
};

// A recording opened for reading. Files are untrusted: opening checks that the file is a
// SQLite database made by Eventscope in a format this build reads, with SQLite's defensive
// mode on and triggers and views off; every failure is one clear sentence, never a crash.
class Recording {
 public:
  static std::unique_ptr<Recording> open(const std::string& path, std::string* error);
  ~Recording();
  Recording(const Recording&) = delete;
  Recording& operator=(const Recording&) = delete;

  // Reads every page (SQLite's quick_check): slow on big files, so opening does not do it.
  bool verify(std::string* error) const;

  // Queries return false (and say why) when the file turns out to be damaged.
  bool summary(RecordingSummary& out, std::string* error) const;
  bool events(const EventQuery& query, EventPage& out, std::string* error) const;
  bool trace(std::uint64_t correlation, Trace& out, std::string* error) const;
  bool stateAt(SimTime t, StateAt& out, std::string* error) const;
  // The publish time of the last event before t and of the first one after it (nullopt: none).
  bool eventTimesAround(SimTime t, std::optional<SimTime>& before, std::optional<SimTime>& after,
                        std::string* error) const;
  // A bucket column ("backlog", "lag", "throughput", "p50", ...) of a service (queue -1) or of
  // one of its queues over [from, to), decimated to at most maxPoints (min/max per point).
  bool series(std::uint32_t service, std::int32_t queue, const std::string& column, SimTime from,
              SimTime to, std::size_t maxPoints, std::vector<SeriesPoint>& out,
              std::string* error) const;

  // Every metric bucket of the run as the live run's TimeSeries (per service and per queue), for
  // charts of a recorded run. Buckets a run did not reach are left at zero.
  bool timeSeries(TimeSeries& out, std::string* error) const;

  // Who published onto which topic, and what caused it: one row per distinct (origin, topic,
  // topic of the causing event). What the topology of an imported recording is derived from.
  struct Flow {
    OriginKind kind = OriginKind::Producer;
    std::string origin;  // the producer, service or source name ("" for an injection)
    std::string topic;
    std::string causeTopic;  // empty: nothing caused it
  };
  bool flows(std::vector<Flow>& out, std::string* error) const;

  // Calls `visit` with every event in id order, a page at a time, with the page's spans.
  bool forEachEvent(const std::function<void(const EventPage&)>& visit, std::string* error) const;

  // What-if replay: the external inputs (events nothing caused: published by a producer,
  // injected, or imported) with ids after afterId, in id order, at most limit of them; lastId
  // is the id of the last one. See RecordedInputs for a source that pages through them all.
  bool externalInputs(std::uint64_t afterId, std::size_t limit, std::vector<ExternalInput>& out,
                      std::uint64_t& lastId, std::string* error) const;
  // The topics those inputs go to (a scenario they are replayed into must have them all).
  bool externalInputTopics(std::vector<std::string>& out, std::string* error) const;

  // What an imported CloudEvent said beyond the events table (empty id: not imported).
  struct CloudEventAttributes {
    std::string id, source, traceparent, correlationId, causationId;
  };
  CloudEventAttributes cloudEventAttributes(std::uint64_t event) const;

  // Wall-clock nanoseconds of simulated time 0 (0 when unknown).
  std::int64_t epochUnixNs() const;
  const std::string& path() const { return m_path; }
  std::optional<std::uint32_t> serviceId(const std::string& name) const;
  std::string meta(const std::string& key) const;
  const std::vector<std::string>& names(NameKind kind) const;

 private:
  Recording(std::unique_ptr<SQLite::Database> db, std::string path);
  bool loadNames(std::string* error);
  RecordedEvent eventFromRow(void* statement) const;
  std::string nameOf(NameKind kind, std::int64_t id) const;
  std::string originName(std::uint32_t origin) const;
  std::string originUri(std::uint32_t origin) const;
  void spansOf(const std::vector<std::uint64_t>& ids, std::vector<RecordedSpan>& out) const;

  std::unique_ptr<SQLite::Database> m_db;
  std::string m_path;
  std::vector<std::vector<std::string>> m_names;             // by NameKind
  std::vector<std::pair<std::int64_t, std::string>> m_keys;  // interned keys, sorted by id
};

const char* spanOutcomeName(SpanOutcome outcome);
std::optional<SpanOutcome> spanOutcomeFromName(const std::string& name);

}  // namespace eventscope::core::store
