#include "ui/models/recorded_dead_letters.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "core/store/recording_batch.h"

namespace eventscope::ui {

RecordedDeadLetters::RecordedDeadLetters(std::shared_ptr<const core::store::Recording> recording)
    : m_recording(std::move(recording)) {
  if (!m_recording) {
    m_atEnd = true;
    return;
  }
  // Which topic each service dead-letters to, from the topology the recorder wrote. A file
  // without it (an import) has no dead-letter topics: the entries then carry no copy's id.
  const auto& topics = m_recording->names(core::store::NameKind::Topic);
  const QJsonDocument topology =
      QJsonDocument::fromJson(QByteArray::fromStdString(m_recording->meta("topology")));
  for (const QJsonValue& service : topology.object().value("services").toArray()) {
    const QJsonValue dlq = service.toObject().value("dead_letter");
    const auto index = dlq.isDouble() ? static_cast<std::size_t>(dlq.toInt(-1)) : topics.size();
    m_deadLetterTopics.push_back(index < topics.size() ? topics[index] : std::string());
  }
}

std::string RecordedDeadLetters::deadLetterTopic(std::uint32_t service) const {
  return service < m_deadLetterTopics.size() ? m_deadLetterTopics[service] : std::string();
}

// The copy on the dead-letter topic is the event the failed one caused there (published by the
// service, or by the broker for it after an ack timeout); a redrive is an event that copy
// caused.
void RecordedDeadLetters::fillFromTrace(DeadLetterEntry& entry, const std::string& dlqTopic) {
  const core::DeadLetter& letter = entry.letter;
  if (m_trace.correlation != letter.correlationId || m_trace.events.empty()) {
    std::string error;
    if (!m_recording->trace(letter.correlationId, m_trace, &error)) {
      m_trace = {};
      return;
    }
  }
  const std::string byService = "service " + entry.service;
  const std::string byBroker = "broker (for " + entry.service + ")";
  for (const core::store::RecordedEvent& event : m_trace.events) {
    if (event.causation != letter.originalId || event.topic != dlqTopic) continue;
    if (event.origin != byService && event.origin != byBroker) continue;
    entry.letter.id = event.id;
    entry.letter.at = event.t;
    break;
  }
  if (entry.letter.id == 0) return;
  for (const core::store::RecordedEvent& event : m_trace.events) {
    if (event.causation == entry.letter.id && event.topic == entry.originalTopic) {
      entry.redrivenAt = event.t;
      entry.redrivenAs = event.id;
      break;
    }
  }
}

bool RecordedDeadLetters::readPage(std::vector<DeadLetterEntry>& out, std::size_t pageSize) {
  if (m_atEnd) return true;
  core::store::EventQuery query;
  query.outcome = core::store::SpanOutcome::DeadLettered;
  query.afterId = m_afterId;
  query.limit = pageSize;
  core::store::EventPage page;
  if (!m_recording->events(query, page, &m_error)) {
    m_atEnd = true;
    return false;
  }
  for (const core::store::RecordedEvent& event : page.events) {
    m_afterId = event.id;
    for (const core::store::RecordedSpan& span : page.spans) {
      if (span.event != event.id || span.outcome != core::store::SpanOutcome::DeadLettered)
        continue;
      DeadLetterEntry entry;
      core::DeadLetter& letter = entry.letter;
      letter.originalId = event.id;
      letter.correlationId = event.correlation;
      letter.at = span.end;
      letter.service = span.serviceId;
      letter.partition = static_cast<std::uint16_t>(event.partition);
      letter.schema = static_cast<std::uint16_t>(event.schema);
      const int reason = span.reason & core::store::kReasonMask;
      letter.reason = reason >= 1 && reason <= 4 ? static_cast<core::FailureKind>(reason)
                                                 : core::FailureKind::None;
      letter.attempts = static_cast<int>(span.attempt);
      entry.service = span.service;
      entry.originalTopic = event.topic;
      entry.type = event.type;
      entry.key = event.key;
      fillFromTrace(entry, deadLetterTopic(span.serviceId));
      out.push_back(std::move(entry));
    }
  }
  m_atEnd = !page.more;
  return true;
}

}  // namespace eventscope::ui
