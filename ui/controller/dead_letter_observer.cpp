#include "ui/controller/dead_letter_observer.h"

#include <algorithm>

#include "core/bus/bus.h"

namespace eventscope::ui {

namespace {
// Entries are in dead-letter id order: a binary search finds one.
template <typename Entries>
auto* findIn(Entries& entries, std::uint64_t deadLetterId) {
  const auto it = std::lower_bound(
      entries.begin(), entries.end(), deadLetterId,
      [](const DeadLetterEntry& entry, std::uint64_t id) { return entry.letter.id < id; });
  return it != entries.end() && it->letter.id == deadLetterId ? &*it : nullptr;
}
}  // namespace

void DeadLetterObserver::onDeadLettered(core::SimTime now, std::uint32_t service,
                                        const core::Event& original, core::FailureKind reason,
                                        int attempts, std::uint64_t deadLetterId) {
  // A discarded event (no dead-letter topic, or it refused the copy) is not on any topic:
  // there is nothing to list or redrive.
  if (deadLetterId == 0 || m_bus == nullptr) return;
  DeadLetterEntry entry;
  entry.letter = core::deadLetterOf(now, service, original, reason, attempts, deadLetterId);
  entry.service = m_bus->services()[service].name;
  entry.originalTopic = m_bus->topics()[original.topic].name;
  entry.type = m_bus->eventType(original.type);
  if (original.key != core::kNoKey) entry.key = m_bus->keys().text(original.key);
  m_entries.push_back(std::move(entry));
  if (m_entries.size() > m_capacity) m_entries.pop_front();
  ++m_total;
  m_changed = true;
}

const DeadLetterEntry* DeadLetterObserver::find(std::uint64_t deadLetterId) const {
  return findIn(m_entries, deadLetterId);
}

void DeadLetterObserver::markRedriven(std::uint64_t deadLetterId, core::SimTime at,
                                      std::uint64_t as) {
  DeadLetterEntry* entry = findIn(m_entries, deadLetterId);
  if (entry == nullptr) return;
  entry->redrivenAt = at;
  entry->redrivenAs = as;
  if (as == 0) ++m_heldBack;
  m_changed = true;
}

void DeadLetterObserver::onPublished(core::SimTime /*now*/, const core::Event& event,
                                     const core::PublisherRef& by) {
  // Only a redrive that a full topic held back is waiting for its id: nothing to do otherwise.
  if (m_heldBack == 0 || by.kind != core::PublisherRef::Kind::Injection) return;
  DeadLetterEntry* entry = findIn(m_entries, event.causationId);
  if (entry == nullptr || !entry->redrivenAt || entry->redrivenAs != 0) return;
  entry->redrivenAs = event.id;
  --m_heldBack;
  m_changed = true;
}

std::shared_ptr<const DeadLetterList> DeadLetterObserver::shared() {
  if (m_changed) {
    m_shared = std::make_shared<const DeadLetterList>(m_entries.begin(), m_entries.end());
    m_changed = false;
  }
  return m_shared;
}

}  // namespace eventscope::ui
