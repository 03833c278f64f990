#pragma once

#include <cstddef>
#include <list>
#include <unordered_map>
#include <vector>

#include "ui/models/event_log_row.h"

namespace eventscope::ui {

// The few pages of the event log a view shows or just showed, least recently used first out:
// the log never holds more than this of a recording, however far a person scrolls.
class EventLogPageCache {
 public:
  using Page = std::vector<EventLogRow>;

  explicit EventLogPageCache(std::size_t capacity) : m_capacity(capacity) {}

  // The page, marked as just used; nullptr when it is not held.
  const Page* find(int page);
  // Holds the page (replacing one of the same number), dropping the least recently used one
  // when full.
  void insert(int page, Page rows);
  void erase(int page);
  void clear();
  std::size_t size() const { return m_pages.size(); }
  std::size_t capacity() const { return m_capacity; }

 private:
  struct Entry {
    Page rows;
    std::list<int>::iterator use;
  };
  std::size_t m_capacity;
  std::list<int> m_uses;  // page numbers, most recently used first
  std::unordered_map<int, Entry> m_pages;
};

}  // namespace eventscope::ui
