#include "support/invariant_checker.h"

namespace eventscope::core::testing {

void InvariantChecker::fail(SimTime now, const std::string& what) {
  if (violations.size() < 20) violations.push_back("t=" + std::to_string(now) + "ns: " + what);
}

void InvariantChecker::onRunStart(const Bus& bus) {
  m_bus = &bus;
  const std::size_t n = bus.services().size();
  m_offered.assign(n, 0);
  m_terminal.assign(n, 0);
  m_owner.assign(n, {});
  m_running.assign(n, {});
  m_lastDoneByKey.assign(n, {});
  for (std::size_t s = 0; s < n; ++s) {
    m_owner[s].assign(bus.services()[s].queues.size(), -1);
    m_running[s].assign(bus.services()[s].queues.size(), -1);
  }
}

void InvariantChecker::checkDepth(SimTime now, std::uint32_t topic, std::uint32_t partition) {
  const TopicState& t = m_bus->topics()[topic];
  const std::uint64_t depth = m_bus->partitionDepth(topic, partition);
  if (t.capacity != kUnbounded && depth > t.capacity) {
    fail(now, "depth " + std::to_string(depth) + " of " + t.name + " above capacity");
  }
}

void InvariantChecker::onPublished(SimTime now, const Event& event, const PublisherRef&) {
  if (!m_published.insert(event.id).second) fail(now, "event id published twice");
  const TopicState& topic = m_bus->topics()[event.topic];
  for (const auto& sub : topic.subscribers) {
    Pair& p = pair(sub.service, event.id);
    p.offered = true;
    ++m_offered[sub.service];
  }
}

void InvariantChecker::onRefused(SimTime now, const Event& event, Refusal why, std::int32_t service,
                                 std::uint32_t) {
  if (service < 0) return;
  const auto s = static_cast<std::uint32_t>(service);
  Pair& p = pair(s, event.id);
  if (why == Refusal::DroppedOldest && p.terminal) return;  // a copy of an event already done
  if (p.terminal) fail(now, "dropped an event already finished");
  p.terminal = true;
  ++m_terminal[s];
}

void InvariantChecker::onEnqueued(SimTime now, std::uint32_t service, std::uint32_t,
                                  const Event& event, DeliveryCause cause) {
  if (!pair(service, event.id).offered) fail(now, "a copy of an event never offered");
  if (cause == DeliveryCause::CrashRedelivery || cause == DeliveryCause::TimeoutRedelivery ||
      cause == DeliveryCause::BrokerDuplicate) {
    pair(service, event.id).duplicateCause = true;
  }
  checkDepth(now, event.topic, event.partition);
}

void InvariantChecker::onAttemptStarted(SimTime now, const AttemptInfo& a, const Event&) {
  const ServiceState& service = m_bus->services()[a.service];
  if (service.mode != DeliveryMode::Partitioned) return;
  const auto instance = static_cast<std::int32_t>(a.instance);
  if (m_owner[a.service][a.queue] != instance) fail(now, "attempt by an instance not the owner");
  if (m_running[a.service][a.queue] != -1) fail(now, "two attempts at once on one partition");
  m_running[a.service][a.queue] = instance;
}

void InvariantChecker::onAttemptEnded(SimTime now, const AttemptInfo& a, const Event& event,
                                      const AttemptEnd& end) {
  const ServiceState& service = m_bus->services()[a.service];
  Pair& p = pair(a.service, event.id);
  if (end.outcome == AttemptOutcome::TimedOut) p.duplicateCause = true;
  if (service.mode == DeliveryMode::Partitioned && end.outcome != AttemptOutcome::ZombieDone &&
      m_running[a.service][a.queue] == static_cast<std::int32_t>(a.instance)) {
    m_running[a.service][a.queue] = -1;
  }
  if (end.sideEffect) {
    if (++p.sideEffects > 1 && !p.duplicateCause) {
      fail(now, "duplicate side effect without a recorded cause in " + service.name);
    }
  }
  if (end.outcome == AttemptOutcome::Failed && a.delivery.failures >= service.retry.maxAttempts) {
    fail(now, "retried after the last attempt");
  }
  if (end.outcome == AttemptOutcome::DeadLettered || end.outcome == AttemptOutcome::Discarded) {
    const bool exhausted = a.delivery.failures >= service.retry.maxAttempts;
    if (!exhausted && end.failure != FailureKind::Schema) {
      fail(now, "gave up on an event with attempts left in " + service.name);
    }
  }
  if (!end.firstDone) return;
  if (p.terminal) fail(now, "event finished twice for " + service.name);
  p.terminal = true;
  ++m_terminal[a.service];
  if (service.mode == DeliveryMode::Partitioned && event.key != kNoKey) {
    std::uint64_t& last = m_lastDoneByKey[a.service][event.key];
    if (event.id < last) fail(now, "per-key order broken in partitioned " + service.name);
    last = event.id;
  }
}

void InvariantChecker::onDeadLettered(SimTime now, std::uint32_t service, const Event&,
                                      FailureKind reason, int, std::uint64_t) {
  if (reason == FailureKind::None)
    fail(now, m_bus->services()[service].name + ": dead letter without a failure");
}

void InvariantChecker::onPartitionAssigned(SimTime, std::uint32_t service, std::uint32_t queue,
                                           std::int32_t instance) {
  m_owner[service][queue] = instance;
}

void InvariantChecker::onRunEnd(SimTime now) {
  for (std::uint32_t s = 0; s < m_bus->services().size(); ++s) {
    const ServiceState& service = m_bus->services()[s];
    const ServiceCounters& c = service.counters;
    if (c.produced != m_offered[s]) fail(now, service.name + ": produced count differs");
    const std::uint64_t inFlight = m_offered[s] - m_terminal[s];
    if (c.produced != c.acked + c.deadLettered + c.discarded + c.dropped + inFlight) {
      fail(now, service.name + ": conservation broken");
    }
    if (c.acked + c.deadLettered + c.discarded + c.dropped != m_terminal[s]) {
      fail(now, service.name + ": terminal counts differ from the shadow");
    }
    if (service.mode == DeliveryMode::Partitioned && c.outOfOrder != 0) {
      fail(now, service.name + ": out_of_order in partitioned mode");
    }
    const std::uint64_t causes = c.crashRedeliveries + c.timeoutRedeliveries + c.brokerDuplicates;
    if (c.duplicatesProcessed > 0 && causes == 0)
      fail(now, service.name + ": duplicates, no cause");
  }
}

}  // namespace eventscope::core::testing
