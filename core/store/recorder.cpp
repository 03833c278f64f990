#include "core/store/recorder.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <tuple>

#include "core/bus/bus.h"
#include "core/io/report_json.h"
#include "core/store/schema.h"

namespace eventscope::core::store {

namespace {
SpanOutcome spanOutcome(AttemptOutcome outcome) {
  switch (outcome) {
    case AttemptOutcome::Acked:
      return SpanOutcome::Acked;
    case AttemptOutcome::Failed:
      return SpanOutcome::Failed;
    case AttemptOutcome::DeadLettered:
      return SpanOutcome::DeadLettered;
    case AttemptOutcome::Discarded:
      return SpanOutcome::Discarded;
    case AttemptOutcome::Crashed:
      return SpanOutcome::Redelivered;
    case AttemptOutcome::TimedOut:
      return SpanOutcome::TimedOut;
    case AttemptOutcome::ZombieDone:
      return SpanOutcome::ZombieDone;
  }
  return SpanOutcome::Acked;
}

std::uint32_t originOf(const Event& event, const PublisherRef& by) {
  OriginKind kind = OriginKind::Producer;
  switch (by.kind) {
    case PublisherRef::Kind::Producer:
      kind = OriginKind::Producer;
      break;
    case PublisherRef::Kind::Instance:
      kind = OriginKind::Service;
      break;
    case PublisherRef::Kind::Injection:
      kind = OriginKind::Injection;
      break;
    case PublisherRef::Kind::Broker:
      kind = OriginKind::Broker;
      break;
    case PublisherRef::Kind::Replay:  // as its producer published it, if the scenario has it
      kind = by.index == PublisherRef::kNoProducer ? OriginKind::Injection : OriginKind::Producer;
      break;
  }
  const std::uint32_t index = by.kind == PublisherRef::Kind::Injection ? by.index : event.origin;
  return static_cast<std::uint32_t>(kind) * 65536 + index;
}

}  // namespace

Recorder::Recorder(std::unique_ptr<RecordingWriter> writer, RecordingInfo info, SimTime warmup,
                   SimTime bucketWidth, std::size_t batchRows)
    : m_writer(std::move(writer)),
      m_info(std::move(info)),
      m_metrics(warmup, bucketWidth),
      m_batchRows(batchRows) {}

void Recorder::maybeSubmit() {
  if (batch().rows() >= m_batchRows) submit();
}

void Recorder::submit() {
  // Attempts end out of event order; sorted in their table's key order (here, on the engine's
  // thread, which has time to spare), they go into the b-tree as near-appends, and the writer
  // thread, the bottleneck, goes faster.
  auto& attempts = batch().attempts;
  std::sort(attempts.begin(), attempts.end(), [](const AttemptRow& a, const AttemptRow& b) {
    return std::tie(a.event, a.service, a.start, a.instance, a.outcome, a.reason) <
           std::tie(b.event, b.service, b.start, b.instance, b.outcome, b.reason);
  });
  batch().simTime = m_now;
  if (!m_writer->submit()) m_failed = true;
}

void Recorder::onRunStart(const Bus& bus) {
  m_bus = &bus;
  m_metrics.onRunStart(bus);
  const Scenario& scenario = bus.scenario();
  auto& meta = batch().meta;
  meta.push_back({"format", std::to_string(kFormatVersion)});
  meta.push_back({"app_version", EVENTSCOPE_VERSION});
  meta.push_back({"source", m_info.source});
  meta.push_back({"origin", m_info.origin});
  meta.push_back({"scenario_name", scenario.name});
  meta.push_back({"scenario", m_info.scenarioText});
  meta.push_back({"seed", std::to_string(scenario.seed)});
  meta.push_back({"started_at", m_info.startedAt});
  meta.push_back({"epoch_unix_ns", std::to_string(m_info.epochUnixNs)});
  meta.push_back({"duration_ns", std::to_string(scenario.duration)});
  meta.push_back({"warmup_ns", std::to_string(scenario.warmup)});
  meta.push_back({"bucket_ns", std::to_string(m_metrics.series().bucketWidth)});
  meta.push_back({"status", "recording"});
  writeTopology();
  writeNewNames();
  writeCheckpoint(0);
  submit();  // the header is in the file before the first event
}

void Recorder::writeTopology() {
  using nlohmann::json;
  json topics = json::array();
  for (std::size_t t = 0; t < m_bus->topics().size(); ++t) {
    const TopicState& topic = m_bus->topics()[t];
    batch().names.push_back(
        {static_cast<int>(NameKind::Topic), static_cast<std::int64_t>(t), topic.name});
    json subscribers = json::array();
    for (const auto& sub : topic.subscribers)
      subscribers.push_back(sub.service);
    topics.push_back(
        {{"name", topic.name},
         {"partitions", topic.partitions},
         {"capacity", topic.capacity == kUnbounded ? json(nullptr) : json(topic.capacity)},
         {"overflow", overflowName(topic.overflow)},
         {"subscribers", subscribers}});
  }
  json services = json::array();
  for (std::size_t s = 0; s < m_bus->services().size(); ++s) {
    const ServiceState& service = m_bus->services()[s];
    batch().names.push_back(
        {static_cast<int>(NameKind::Service), static_cast<std::int64_t>(s), service.name});
    json queues = json::array();
    for (const ServiceQueue& q : service.queues)
      queues.push_back({q.topic, q.partition});
    json emits = json::array();
    for (const EmitRuntime& e : service.emits)
      emits.push_back(e.topic);
    services.push_back(
        {{"name", service.name},
         {"delivery", service.mode == DeliveryMode::Shared ? "shared" : "partitioned"},
         {"instances", service.instances.size()},
         {"queues", queues},
         {"emits", emits},
         {"dead_letter",
          service.deadLetterTopic == kNone ? json(nullptr) : json(service.deadLetterTopic)}});
  }
  json producers = json::array();
  for (std::size_t p = 0; p < m_bus->producers().size(); ++p) {
    const ProducerState& producer = m_bus->producers()[p];
    batch().names.push_back(
        {static_cast<int>(NameKind::Producer), static_cast<std::int64_t>(p), producer.name});
    producers.push_back({{"name", producer.name}, {"topic", producer.topic}});
  }
  batch().meta.push_back(
      {"topology",
       json{{"topics", topics}, {"services", services}, {"producers", producers}}.dump()});
}

// Event types, payload templates and interned keys can appear during the run (an injection):
// their names go out before the first event that uses them.
void Recorder::writeNewNames() {
  auto& names = batch().names;
  for (; m_typesWritten < m_bus->eventTypeCount(); ++m_typesWritten) {
    names.push_back({static_cast<int>(NameKind::EventType),
                     static_cast<std::int64_t>(m_typesWritten),
                     m_bus->eventType(static_cast<std::uint16_t>(m_typesWritten))});
  }
  for (; m_payloadsWritten < m_bus->payloadCount(); ++m_payloadsWritten) {
    if (m_payloadsWritten == kNoPayload) continue;
    names.push_back({static_cast<int>(NameKind::Payload),
                     static_cast<std::int64_t>(m_payloadsWritten),
                     m_bus->payload(static_cast<std::uint32_t>(m_payloadsWritten))});
  }
  for (; m_keysWritten < m_bus->keys().internedCount(); ++m_keysWritten) {
    const auto id = static_cast<KeyId>(KeyTable::kInternedBase + m_keysWritten);
    names.push_back({static_cast<int>(NameKind::Key), id, m_bus->keys().text(id)});
  }
}

SimTime Recorder::onClock(SimTime now) {
  const SimTime next = m_metrics.onClock(now);
  const std::size_t before = m_bucketsWritten;
  writeClosedBuckets();
  // The state now is the state at the start of every bucket closed since the last change;
  // one checkpoint at the first of them is enough for a reader to find it.
  if (m_bucketsWritten > before) writeCheckpoint(static_cast<std::uint32_t>(before + 1));
  m_now = now;
  maybeSubmit();
  return next;
}

void Recorder::writeClosedBuckets() {
  const TimeSeries& series = m_metrics.series();
  for (; m_bucketsWritten < series.bucketCount(); ++m_bucketsWritten) {
    const auto bucket = static_cast<std::uint32_t>(m_bucketsWritten);
    for (std::uint32_t s = 0; s < series.services.size(); ++s) {
      batch().buckets.push_back({s, -1, bucket, series.services[s][bucket]});
      for (std::uint32_t q = 0; q < series.queues[s].size(); ++q) {
        const QueueSample& qs = series.queues[s][q][bucket];
        ServiceSample sample;
        sample.backlog = qs.backlog;
        sample.lag = qs.lag;
        batch().buckets.push_back({s, static_cast<std::int32_t>(q), bucket, sample});
      }
    }
  }
}

void Recorder::writeCheckpoint(std::uint32_t bucket) {
  for (std::uint32_t s = 0; s < m_bus->services().size(); ++s) {
    const ServiceState& service = m_bus->services()[s];
    for (std::uint32_t q = 0; q < service.queues.size(); ++q) {
      const ServiceQueue& queue = service.queues[q];
      batch().queueStates.push_back({bucket, s, static_cast<std::int32_t>(q), queue.held(),
                                     queue.inProcess(), queue.delayed()});
    }
    for (std::uint32_t i = 0; i < service.instances.size(); ++i) {
      batch().instanceStates.push_back(
          {bucket, s, i, static_cast<std::int32_t>(service.instances[i].state)});
    }
  }
}

void Recorder::onPublished(SimTime now, const Event& event, const PublisherRef& by) {
  if (event.type >= m_typesWritten || event.payload >= m_payloadsWritten ||
      (event.key != kNoKey && event.key >= KeyTable::kInternedBase &&
       event.key - KeyTable::kInternedBase >= m_keysWritten)) {
    writeNewNames();
  }
  m_now = now;
  batch().events.push_back(
      {.id = event.id,
       .t = event.publishedAt,
       .type = event.type,
       .topic = event.topic,
       .partition = event.partition,
       .schema = event.schema,
       .key = event.key == kNoKey ? -1 : static_cast<std::int64_t>(event.key),
       .correlation = event.correlationId == event.id ? 0 : event.correlationId,
       .causation = event.causationId,
       .payload = event.payload,
       .origin = originOf(event, by)});
  maybeSubmit();
}

void Recorder::onRefused(SimTime now, const Event& event, Refusal why, std::int32_t service,
                         std::uint32_t /*queue*/) {
  m_metrics.onRefused(now, event, why, service, 0);
  if (service < 0 || event.id == 0) return;  // a rejected publish is not an event
  batch().attempts.push_back(
      {.event = event.id,
       .service = static_cast<std::uint32_t>(service),
       .start = now - event.publishedAt,
       .instance = -1,
       .outcome = static_cast<std::int32_t>(SpanOutcome::Dropped),
       .reason = why == Refusal::DroppedOldest ? kReasonDroppedOldest : kReasonDroppedNewest});
  maybeSubmit();
}

void Recorder::onEnqueued(SimTime now, std::uint32_t service, std::uint32_t queue,
                          const Event& event, DeliveryCause cause) {
  m_metrics.onEnqueued(now, service, queue, event, cause);
}

void Recorder::onAttemptEnded(SimTime now, const AttemptInfo& attempt, const Event& event,
                              const AttemptEnd& end) {
  m_metrics.onAttemptEnded(now, attempt, event, end);
  std::int32_t reason = static_cast<std::int32_t>(end.failure);  // FailureKind matches 1..4
  if (end.duplicate) reason |= end.sideEffect ? kDuplicateProcessed : kDuplicateSkipped;
  if (attempt.delivery.cause == DeliveryCause::BrokerDuplicate) reason |= kDuplicateCopy;
  batch().attempts.push_back({.event = event.id,
                              .service = attempt.service,
                              .start = attempt.startedAt - event.publishedAt,
                              .instance = static_cast<std::int32_t>(attempt.instance),
                              .outcome = static_cast<std::int32_t>(spanOutcome(end.outcome)),
                              .duration = now - attempt.startedAt,
                              .attempt = attempt.delivery.attempts,
                              .reason = reason});
  m_now = now;
  maybeSubmit();
}

void Recorder::onInstanceChanged(SimTime now, std::uint32_t service, std::uint32_t instance,
                                 InstanceState state) {
  m_metrics.onInstanceChanged(now, service, instance, state);
}

void Recorder::onRunEnd(SimTime now) {
  m_metrics.onRunEnd(now);
  writeClosedBuckets();
  m_now = now;
  auto& meta = batch().meta;
  meta.push_back({"end_ns", std::to_string(now)});
  meta.push_back({"report", reportToJson(m_metrics.report(0, 0, false)).dump()});
  meta.push_back({"status", "complete"});
  submit();
}

bool Recorder::finish(const RunReport* report, std::string* error) {
  if (report != nullptr) {
    // The run's own report knows its wall time and engine events; it replaces ours.
    batch().meta.push_back({"report", reportToJson(*report).dump()});
    submit();
  }
  const bool ok = m_writer->close(error);
  if (ok && m_failed) *error = "the recording is incomplete";
  return ok && !m_failed;
}

}  // namespace eventscope::core::store
