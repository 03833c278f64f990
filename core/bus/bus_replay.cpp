// What-if replay: a recording's external inputs published at their recorded times into this
// scenario, in place of its producers.
#include "core/bus/bus.h"

namespace eventscope::core {

void Bus::replayInputs(ExternalInputSource& source) {
  m_replay = &source;
  // A limit of zero keeps producers silent for good, even when a pause fault ends.
  for (ProducerState& producer : m_producers)
    producer.limit = 0;
}

void Bus::scheduleNextReplayInput() {
  if (!m_replay->next(m_nextInput)) return;  // the end, or the source's error (it keeps it)
  // Inputs come in time order; one out of order is published now rather than in the past.
  m_scheduler.at(std::max(m_nextInput.at, m_scheduler.now), ActionKind::ReplayInput, 0);
}

// A keyed input goes where its key hashes to; a keyless one stays in its recorded partition,
// so replaying a recording into its own scenario reproduces the run.
std::uint32_t Bus::partitionOf(std::uint32_t topic, KeyId key, std::uint32_t recorded) {
  if (key != kNoKey) return partitionFor(m_topics[topic], key, m_injectionRng);
  return recorded % static_cast<std::uint32_t>(m_topics[topic].partitions);
}

void Bus::onReplayInput() {
  const ExternalInput& input = m_nextInput;
  const auto topic = findTopic(input.topic);
  const auto producer = input.producer.empty() ? std::nullopt : findProducer(input.producer);
  // An input of a producer this scenario pauses is not published, as the producer is silent.
  if (topic && !(producer && m_producers[*producer].paused)) {
    const KeyId key = input.key ? m_keys.intern(*input.key) : kNoKey;
    std::uint32_t payload = kNoPayload;
    if (!input.payload.empty()) {
      const auto [it, added] = m_replayPayloads.try_emplace(input.payload, 0);
      if (added) it->second = internPayload(input.payload);
      payload = it->second;
    }
    const std::uint32_t attributed = producer.value_or(PublisherRef::kNoProducer);
    const Draft draft{.topic = *topic,
                      .partition = partitionOf(*topic, key, input.partition),
                      .type = internType(input.type),
                      .schema = static_cast<std::uint16_t>(input.schema),
                      .key = key,
                      .payload = payload,
                      .origin = producer.value_or(0)};
    publishReplayed(draft, PublisherRef{.kind = PublisherRef::Kind::Replay,
                                        .index = attributed,
                                        .token = static_cast<std::uint32_t>(m_injections.size())});
  }
  scheduleNextReplayInput();
}

// Publishes a replayed input; one a full topic holds back waits, in order, like any publisher.
void Bus::publishReplayed(const Draft& draft, const PublisherRef& by) {
  const Admission admission = publish(draft, by);
  if (admission == Admission::Blocked) {
    if (by.token == m_injections.size()) m_injections.push_back(draft);
    return;
  }
  if (by.index == PublisherRef::kNoProducer) return;
  ProducerState& producer = m_producers[by.index];
  ++producer.attempts;
  if (admission == Admission::Published) {
    ++producer.published;
  } else {
    ++producer.rejected;
  }
}

}  // namespace eventscope::core
