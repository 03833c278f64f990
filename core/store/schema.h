#pragma once

#include <cstdint>

// The recording file format (DESIGN.md §5): one SQLite file anyone can open with sqlite3.
namespace eventscope::core::store {

// PRAGMA application_id: "EVSC". PRAGMA user_version: the format below.
inline constexpr std::int32_t kApplicationId = 0x45565343;
inline constexpr int kFormatVersion = 1;

// Kinds of names in the `names` table.
enum class NameKind : int {
  Topic = 1,
  Service = 2,
  Producer = 3,
  EventType = 4,
  Key = 5,
  Payload = 6
};

// Who published an event (events.origin = kind * 65536 + index).
enum class OriginKind : int { Producer = 0, Service = 1, Injection = 2, Broker = 3, Import = 4 };

// How an attempt (a span) ended, as stored in attempts.outcome.
enum class SpanOutcome : int {
  Acked = 0,
  Failed = 1,       // retried after a backoff
  TimedOut = 2,     // no ack in time: redelivered (the instance works on as a zombie)
  Redelivered = 3,  // the instance crashed: handed out again
  DeadLettered = 4,
  Discarded = 5,   // given up without a dead-letter topic
  Dropped = 6,     // never attempted: evicted or refused by a full partition
  ZombieDone = 7,  // a timed-out attempt that finished; its ack was refused
};

// The whole schema, created once in a new file. Times are integer nanoseconds.
inline constexpr const char* kSchemaSql = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value) WITHOUT ROWID;
CREATE TABLE names(kind INTEGER NOT NULL, id INTEGER NOT NULL, name TEXT NOT NULL,
                   PRIMARY KEY(kind, id)) WITHOUT ROWID;
-- One row per published event; rowid = event id. correlation is NULL for an event that starts
-- its own chain (its correlation id is its own id); causation NULL when nothing caused it.
CREATE TABLE events(id INTEGER PRIMARY KEY, t INTEGER NOT NULL, type INTEGER NOT NULL,
                    topic INTEGER NOT NULL, partition INTEGER NOT NULL, schema INTEGER NOT NULL,
                    key INTEGER, correlation INTEGER, causation INTEGER, payload INTEGER,
                    origin INTEGER NOT NULL);
CREATE INDEX events_by_correlation ON events(correlation) WHERE correlation IS NOT NULL;
-- One row per delivery attempt (a span) of an event to a service, and per dropped copy.
-- start is nanoseconds after the event's publish time; instance is -1 for a drop. The key
-- columns come first, in key order (SQLite 3.40's integrity_check needs that for NOT NULL).
CREATE TABLE attempts(event INTEGER NOT NULL, service INTEGER NOT NULL, start INTEGER NOT NULL,
                      instance INTEGER NOT NULL, outcome INTEGER NOT NULL, reason INTEGER NOT NULL,
                      duration INTEGER NOT NULL, attempt INTEGER NOT NULL,
                      PRIMARY KEY(event, service, start, instance, outcome, reason))
                      WITHOUT ROWID;
-- Metrics per fixed simulated-time bucket; queue -1 is the whole service.
CREATE TABLE buckets(service INTEGER NOT NULL, queue INTEGER NOT NULL, bucket INTEGER NOT NULL,
                     backlog REAL, lag REAL, backlog_max REAL, throughput REAL, p50 REAL,
                     p95 REAL, p99 REAL, utilization REAL, instances INTEGER, acked INTEGER,
                     failed INTEGER, retries INTEGER, redeliveries INTEGER, dead_lettered INTEGER,
                     duplicates INTEGER, dropped INTEGER,
                     PRIMARY KEY(service, queue, bucket)) WITHOUT ROWID;
-- The state at the start of each bucket, for seeking: per service queue (held, in process,
-- waiting for a retry) and per instance (its state).
CREATE TABLE queue_states(bucket INTEGER NOT NULL, service INTEGER NOT NULL,
                          queue INTEGER NOT NULL, held INTEGER NOT NULL,
                          in_process INTEGER NOT NULL, delayed INTEGER NOT NULL,
                          PRIMARY KEY(bucket, service, queue)) WITHOUT ROWID;
CREATE TABLE instance_states(bucket INTEGER NOT NULL, service INTEGER NOT NULL,
                             instance INTEGER NOT NULL, state INTEGER NOT NULL,
                             PRIMARY KEY(bucket, service, instance)) WITHOUT ROWID;
-- One row per committed batch, in the same transaction: what a reader can rely on.
CREATE TABLE batches(seq INTEGER PRIMARY KEY, events INTEGER NOT NULL,
                     attempts INTEGER NOT NULL, last_event INTEGER, sim_time INTEGER NOT NULL);
-- What an imported CloudEvent said that the events table cannot hold (only imported events):
-- its own id and source, and the correlation and causation ids as written.
CREATE TABLE cloudevents(event INTEGER PRIMARY KEY, id TEXT NOT NULL, source TEXT NOT NULL,
                         traceparent TEXT, correlationid TEXT, causationid TEXT);
)sql";

}  // namespace eventscope::core::store
