#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "core/sim/engine_observer.h"
#include "ui/controller/dead_letter_entry.h"

namespace eventscope::ui {

using DeadLetterList = std::vector<DeadLetterEntry>;

// Keeps the dead letters of a live run (the most recent `capacity`), with what a redrive needs,
// and hands the GUI an immutable copy that is only made again when something changed.
// Lives on the engine's thread.
class DeadLetterObserver final : public core::EngineObserver {
 public:
  static constexpr std::size_t kDefaultCapacity = 10000;
  explicit DeadLetterObserver(std::size_t capacity = kDefaultCapacity) : m_capacity(capacity) {}

  void onRunStart(const core::Bus& bus) override { m_bus = &bus; }
  void onPublished(core::SimTime now, const core::Event& event,
                   const core::PublisherRef& by) override;
  void onDeadLettered(core::SimTime now, std::uint32_t service, const core::Event& original,
                      core::FailureKind reason, int attempts, std::uint64_t deadLetterId) override;

  // The entry kept for this dead-letter event id, or null (unknown, or older than the kept).
  const DeadLetterEntry* find(std::uint64_t deadLetterId) const;
  // Marks a kept entry redriven at `at` as event `as` (0: held back by a full topic).
  void markRedriven(std::uint64_t deadLetterId, core::SimTime at, std::uint64_t as);

  std::size_t size() const { return m_entries.size(); }
  // Dead letters seen in the whole run, including those no longer kept.
  std::uint64_t total() const { return m_total; }
  // The kept entries, oldest first: the same pointer until something changes.
  std::shared_ptr<const DeadLetterList> shared();

 private:
  std::size_t m_capacity;
  const core::Bus* m_bus = nullptr;
  std::deque<DeadLetterEntry> m_entries;  // by dead-letter id (ids grow in publish order)
  std::uint64_t m_total = 0;
  std::shared_ptr<const DeadLetterList> m_shared = std::make_shared<const DeadLetterList>();
  bool m_changed = false;
  std::uint64_t m_heldBack = 0;  // redrives a full topic holds back, waiting for their id
};

}  // namespace eventscope::ui
