#include "core/sim/fingerprint_observer.h"

#include <cstdio>

namespace eventscope::core {

void FingerprintObserver::mix(std::uint64_t value) {
  for (int i = 0; i < 8; ++i) {  // FNV-1a over the value's bytes, little-endian
    m_hash ^= (value >> (8 * i)) & 0xff;
    m_hash *= 0x100000001b3ULL;
  }
}

void FingerprintObserver::mixEvent(const Event& e) {
  mix(e.id);
  mix(e.correlationId);
  mix(e.causationId);
  mix(static_cast<std::uint64_t>(e.publishedAt));
  mix(e.key);
  mix(static_cast<std::uint64_t>(e.type) << 48 | static_cast<std::uint64_t>(e.topic) << 32 |
      static_cast<std::uint64_t>(e.partition) << 16 | e.schema);
}

std::string FingerprintObserver::hex() const {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(m_hash));
  return buf;
}

void FingerprintObserver::onPublished(SimTime now, const Event& event, const PublisherRef& by) {
  ++m_count;
  mix(1);
  mix(static_cast<std::uint64_t>(now));
  mixEvent(event);
  mix(static_cast<std::uint64_t>(by.kind) << 32 | by.index);
}

void FingerprintObserver::onRefused(SimTime now, const Event& event, Refusal why,
                                    std::int32_t service, std::uint32_t queue) {
  ++m_count;
  mix(2);
  mix(static_cast<std::uint64_t>(now));
  mixEvent(event);
  mix(static_cast<std::uint64_t>(why) << 40 | static_cast<std::uint32_t>(service));
  mix(queue);
}

void FingerprintObserver::onEnqueued(SimTime now, std::uint32_t service, std::uint32_t queue,
                                     const Event& event, DeliveryCause cause) {
  ++m_count;
  mix(3);
  mix(static_cast<std::uint64_t>(now));
  mix(static_cast<std::uint64_t>(service) << 32 | queue);
  mix(event.id);
  mix(static_cast<std::uint64_t>(cause));
}

void FingerprintObserver::onAttemptStarted(SimTime now, const AttemptInfo& a, const Event& event) {
  ++m_count;
  mix(4);
  mix(static_cast<std::uint64_t>(now));
  mix(static_cast<std::uint64_t>(a.service) << 32 | a.instance);
  mix(event.id);
  mix(static_cast<std::uint64_t>(a.delivery.attempts) << 16 | a.delivery.failures);
}

void FingerprintObserver::onAttemptEnded(SimTime now, const AttemptInfo& a, const Event& event,
                                         const AttemptEnd& end) {
  ++m_count;
  mix(5);
  mix(static_cast<std::uint64_t>(now));
  mix(static_cast<std::uint64_t>(a.service) << 32 | a.instance);
  mix(event.id);
  mix(static_cast<std::uint64_t>(end.outcome) << 32 |
      static_cast<std::uint64_t>(end.failure) << 24 |
      static_cast<std::uint64_t>(end.sideEffect) << 16 |
      static_cast<std::uint64_t>(end.duplicate) << 8 | static_cast<std::uint64_t>(end.firstDone));
  mix(static_cast<std::uint64_t>(end.retryAt));
}

void FingerprintObserver::onDeadLettered(SimTime now, std::uint32_t service, const Event& original,
                                         FailureKind reason, int attempts,
                                         std::uint64_t deadLetterId) {
  ++m_count;
  mix(6);
  mix(static_cast<std::uint64_t>(now));
  mix(service);
  mix(original.id);
  mix(static_cast<std::uint64_t>(reason) << 32 | static_cast<std::uint32_t>(attempts));
  mix(deadLetterId);
}

void FingerprintObserver::onInstanceChanged(SimTime now, std::uint32_t service,
                                            std::uint32_t instance, InstanceState state) {
  ++m_count;
  mix(7);
  mix(static_cast<std::uint64_t>(now));
  mix(static_cast<std::uint64_t>(service) << 32 | instance);
  mix(static_cast<std::uint64_t>(state));
}

void FingerprintObserver::onPartitionAssigned(SimTime now, std::uint32_t service,
                                              std::uint32_t queue, std::int32_t instance) {
  ++m_count;
  mix(8);
  mix(static_cast<std::uint64_t>(now));
  mix(static_cast<std::uint64_t>(service) << 32 | queue);
  mix(static_cast<std::uint32_t>(instance));
}

void FingerprintObserver::onProducerBlocked(SimTime now, std::uint32_t producer, bool blocked) {
  ++m_count;
  mix(9);
  mix(static_cast<std::uint64_t>(now));
  mix(static_cast<std::uint64_t>(producer) << 1 | static_cast<std::uint64_t>(blocked));
}

void FingerprintObserver::onRunEnd(SimTime now) {
  mix(10);
  mix(static_cast<std::uint64_t>(now));
}

}  // namespace eventscope::core
