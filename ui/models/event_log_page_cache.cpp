#include "ui/models/event_log_page_cache.h"

namespace eventscope::ui {

const EventLogPageCache::Page* EventLogPageCache::find(int page) {
  auto it = m_pages.find(page);
  if (it == m_pages.end()) return nullptr;
  m_uses.splice(m_uses.begin(), m_uses, it->second.use);
  return &it->second.rows;
}

void EventLogPageCache::insert(int page, Page rows) {
  erase(page);
  if (m_capacity == 0) return;
  while (m_pages.size() >= m_capacity) {
    m_pages.erase(m_uses.back());
    m_uses.pop_back();
  }
  m_uses.push_front(page);
  m_pages.emplace(page, Entry{std::move(rows), m_uses.begin()});
}

void EventLogPageCache::erase(int page) {
  auto it = m_pages.find(page);
  if (it == m_pages.end()) return;
  m_uses.erase(it->second.use);
  m_pages.erase(it);
}

void EventLogPageCache::clear() {
  m_pages.clear();
  m_uses.clear();
}

}  // namespace eventscope::ui
