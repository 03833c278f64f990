#include "support/bus_consistency.h"

#include <map>
#include <sstream>

namespace eventscope::core::testing {

namespace {
bool running(const Instance& i) {
  return i.state == InstanceState::Busy || i.state == InstanceState::Publishing;
}

}  // namespace

std::string checkBusConsistency(const Bus& bus) {
  std::ostringstream err;
  std::map<EventSlot, std::uint32_t> copies;
  const auto& events = bus.events();
  auto queueOf = [&](const Delivery& d) {
    const Event& e = events[d.event];
    return bus.topics()[e.topic].subscribers[d.subscriber].firstQueue + e.partition;
  };
  for (std::uint32_t s = 0; s < bus.services().size(); ++s) {
    const ServiceState& svc = bus.services()[s];
    std::vector<std::int64_t> held(svc.queues.size(), 0), inProc(svc.queues.size(), 0),
        delayed(svc.queues.size(), 0);
    const bool shared = svc.mode == DeliveryMode::Shared;
    for (std::size_t i = 0; i < svc.sharedReady.size(); ++i) {
      const Delivery& d = svc.sharedReady.at(i);
      ++copies[d.event];
      ++held[queueOf(d)];
    }
    std::vector<bool> freeSlot(svc.retrySlots.size(), false);
    for (auto f : svc.freeRetrySlots)
      freeSlot[f] = true;
    for (std::size_t r = 0; r < svc.retrySlots.size(); ++r) {
      if (freeSlot[r]) continue;
      ++copies[svc.retrySlots[r].event];
      ++held[queueOf(svc.retrySlots[r])];
      ++delayed[queueOf(svc.retrySlots[r])];
    }
    std::uint32_t live = 0;
    for (std::uint32_t k = 0; k < svc.instances.size(); ++k) {
      const Instance& in = svc.instances[k];
      const bool up = in.state != InstanceState::Down && in.state != InstanceState::Removed;
      live += up && !in.zombie;
      if (in.zombie && !running(in)) err << "s" << s << " i" << k << " zombie but not running; ";
      if (!up && !in.prefetched.empty()) err << "s" << s << " i" << k << " down with prefetched; ";
      if (running(in)) {
        ++copies[in.current.event];
        if (!in.zombie) {
          ++held[in.currentQueue];
          ++inProc[in.currentQueue];
        }
      }
      for (std::size_t p = 0; p < in.prefetched.size(); ++p) {
        ++copies[in.prefetched.at(p).event];
        ++held[queueOf(in.prefetched.at(p))];
      }
      if (shared && up && !in.zombie) {
        const std::uint32_t expect =
            static_cast<std::uint32_t>(in.prefetched.size()) + (running(in) ? 1 : 0);
        if (in.unacked != expect)
          err << "s" << s << " i" << k << " unacked " << in.unacked << " != " << expect << "; ";
        if (in.state == InstanceState::Idle && !in.prefetched.empty())
          err << "s" << s << " i" << k << " idle with prefetched; ";
      }
    }
    {
      std::int64_t busy = 0, upCount = 0, heldSum = 0, inSum = 0;
      for (const Instance& in : svc.instances) {
        busy += running(in);
        upCount += in.state != InstanceState::Down && in.state != InstanceState::Removed;
      }
      for (const ServiceQueue& q : svc.queues) {
        heldSum += static_cast<std::int64_t>(q.held());
        inSum += static_cast<std::int64_t>(q.inProcess());
      }
      if (busy != static_cast<std::int64_t>(svc.busyInstances()))
        err << "s" << s << " busyInstances drift; ";
      if (upCount != static_cast<std::int64_t>(svc.upInstances()))
        err << "s" << s << " upInstances drift; ";
      if (heldSum != static_cast<std::int64_t>(svc.held()) ||
          inSum != static_cast<std::int64_t>(svc.inProcess()))
        err << "s" << s << " service totals drift; ";
    }
    if (live != svc.liveInstances) err << "s" << s << " liveInstances drift; ";
    for (std::uint32_t q = 0; q < svc.queues.size(); ++q) {
      const ServiceQueue& queue = svc.queues[q];
      if (!shared) {
        for (std::size_t i = 0; i < queue.ready.size(); ++i) {
          ++copies[queue.ready.at(i).event];
          ++held[q];
        }
        bool active = false;
        for (const Instance& in : svc.instances)
          active |= running(in) && !in.zombie && in.currentQueue == q;
        if (queue.blocked && !active) {  // a retry waits
          ++copies[queue.retrying.event];
          ++held[q];
          ++delayed[q];
        }
        if (!queue.blocked && active) err << "s" << s << " q" << q << " running but unblocked; ";
        if (queue.owner != kNone) {
          const Instance& o = svc.instances[queue.owner];
          if (o.state == InstanceState::Idle && !queue.blocked && !queue.ready.empty())
            err << "s" << s << " q" << q << " idle owner with ready work; ";
          if (o.state == InstanceState::Down || o.state == InstanceState::Removed || o.zombie)
            err << "s" << s << " q" << q << " owned by a non-member; ";
        } else if (live > 0) {
          err << "s" << s << " q" << q << " unowned with members; ";
        }
      }
      if (held[q] != static_cast<std::int64_t>(queue.held()))
        err << "s" << s << " q" << q << " held " << static_cast<std::int64_t>(queue.held())
            << " != located " << held[q] << "; ";
      if (delayed[q] != static_cast<std::int64_t>(queue.delayed()))
        err << "s" << s << " q" << q << " delayed " << queue.delayed() << " != located "
            << delayed[q] << "; ";
      if (inProc[q] != static_cast<std::int64_t>(queue.inProcess()))
        err << "s" << s << " q" << q << " inProcess "
            << static_cast<std::int64_t>(queue.inProcess()) << " != located " << inProc[q] << "; ";
    }
    if (shared && !svc.sharedReady.empty()) {
      for (std::uint32_t k = 0; k < svc.instances.size(); ++k) {
        const Instance& in = svc.instances[k];
        const bool member =
            in.state != InstanceState::Down && in.state != InstanceState::Removed && !in.zombie;
        if (member && in.unacked < static_cast<std::uint32_t>(svc.prefetch))
          err << "s" << s << " i" << k << " has credit while work waits; ";
      }
    }
  }
  // Blocked publishers: every Publishing instance and blocked producer waits in a FIFO, and a
  // FIFO whose head is live never coexists with room in its partition (a lost wake-up).
  for (std::uint32_t t = 0; t < bus.topics().size(); ++t) {
    const TopicState& topic = bus.topics()[t];
    for (std::uint32_t p = 0; p < topic.parts.size(); ++p) {
      const auto& blocked = topic.parts[p].blocked;
      if (blocked.empty()) continue;
      bool room = topic.capacity == kUnbounded;
      if (!room && topic.subscribers.empty()) room = topic.parts[p].retained < topic.capacity;
      if (!room && !topic.subscribers.empty()) {
        room = true;
        for (const auto& sub : topic.subscribers)
          room &= bus.services()[sub.service].queues[sub.firstQueue + p].held() < topic.capacity;
      }
      if (room)
        err << "topic " << topic.name << " p" << p << " has room and " << blocked.size()
            << " blocked publishers; ";
    }
  }
  for (std::uint32_t s = 0; s < bus.services().size(); ++s) {
    const ServiceState& svc = bus.services()[s];
    for (std::uint32_t k = 0; k < svc.instances.size(); ++k) {
      const Instance& in = svc.instances[k];
      if (in.state != InstanceState::Publishing) continue;
      bool found = false;
      for (const TopicState& topic : bus.topics())
        for (const auto& part : topic.parts)
          for (std::size_t i = 0; i < part.blocked.size(); ++i) {
            const PublisherRef& r = part.blocked.at(i);
            found |= r.kind == PublisherRef::Kind::Instance && r.index == s && r.instance == k &&
                     r.token == in.token;
          }
      if (!found) err << "s" << s << " i" << k << " Publishing but not waiting anywhere; ";
    }
  }
  for (std::uint32_t pi = 0; pi < bus.producers().size(); ++pi) {
    if (!bus.producers()[pi].blocked) continue;
    bool found = false;
    for (const TopicState& topic : bus.topics())
      for (const auto& part : topic.parts)
        for (std::size_t i = 0; i < part.blocked.size(); ++i) {
          const PublisherRef& r = part.blocked.at(i);
          found |= r.kind == PublisherRef::Kind::Producer && r.index == pi;
        }
    if (!found) err << "producer " << pi << " blocked but not waiting anywhere; ";
  }
  for (const auto& [slot, n] : copies) {
    if (events[slot].copies != n)
      err << "event slot " << slot << " id " << events[slot].id << " copies " << events[slot].copies
          << " != located " << n << "; ";
  }
  if (bus.events().live() != copies.size())
    err << "live slots " << bus.events().live() << " != referenced " << copies.size() << "; ";
  return err.str();
}

}  // namespace eventscope::core::testing
