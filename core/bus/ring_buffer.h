#pragma once

#include <cassert>
#include <cstddef>
#include <vector>

namespace eventscope::core {

// A growable FIFO ring with pushes at both ends. Unlike std::deque it keeps its storage when it
// drains, so a queue that has seen its peak never allocates again.
template <typename T>
class RingBuffer {
 public:
  bool empty() const { return m_size == 0; }
  std::size_t size() const { return m_size; }
  std::size_t capacity() const { return m_items.size(); }

  T& front() { return m_items[m_head]; }
  const T& front() const { return m_items[m_head]; }
  T& at(std::size_t i) { return m_items[(m_head + i) & (m_items.size() - 1)]; }
  const T& at(std::size_t i) const { return m_items[(m_head + i) & (m_items.size() - 1)]; }

  void pushBack(const T& item) {
    if (m_size == m_items.size()) grow();
    m_items[(m_head + m_size) & (m_items.size() - 1)] = item;
    ++m_size;
  }

  void pushFront(const T& item) {
    if (m_size == m_items.size()) grow();
    m_head = (m_head + m_items.size() - 1) & (m_items.size() - 1);
    m_items[m_head] = item;
    ++m_size;
  }

  T popFront() {
    assert(m_size > 0);
    T item = m_items[m_head];
    m_head = (m_head + 1) & (m_items.size() - 1);
    --m_size;
    return item;
  }

  T popBack() {
    assert(m_size > 0);
    --m_size;
    return at(m_size);
  }

  // Removes the item at position i (0 = front), keeping the order of the rest. O(n): for rare
  // operations such as evicting the oldest event of one partition.
  void erase(std::size_t i) {
    assert(i < m_size);
    for (std::size_t j = i; j > 0; --j)
      at(j) = at(j - 1);
    popFront();
  }

  void clear() { m_head = m_size = 0; }

 private:
  void grow() {
    std::vector<T> bigger(m_items.empty() ? 8 : m_items.size() * 2);
    for (std::size_t i = 0; i < m_size; ++i)
      bigger[i] = at(i);
    m_items.swap(bigger);
    m_head = 0;
  }

  std::vector<T> m_items;  // capacity is always a power of two
  std::size_t m_head = 0;
  std::size_t m_size = 0;
};

}  // namespace eventscope::core
