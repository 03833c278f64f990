#include "core/bus/ring_buffer.h"

#include <gtest/gtest.h>

#include <deque>

#include "core/sim/random_stream.h"

namespace eventscope::core {
namespace {

TEST(RingBufferTest, BehavesLikeADequeUnderRandomOperations) {
  RandomStream rng(9);
  RingBuffer<int> ring;
  std::deque<int> shadow;
  for (int op = 0; op < 20000; ++op) {
    const auto choice = rng.below(10);
    if (choice < 4) {
      ring.pushBack(op);
      shadow.push_back(op);
    } else if (choice < 6) {
      ring.pushFront(op);
      shadow.push_front(op);
    } else if (choice < 9 && !shadow.empty()) {
      ASSERT_EQ(ring.popFront(), shadow.front());
      shadow.pop_front();
    } else if (!shadow.empty()) {
      const auto i = rng.below(shadow.size());
      ring.erase(i);
      shadow.erase(shadow.begin() + static_cast<long>(i));
    }
    ASSERT_EQ(ring.size(), shadow.size());
    if (!shadow.empty()) {
      ASSERT_EQ(ring.front(), shadow.front());
      ASSERT_EQ(ring.at(shadow.size() - 1), shadow.back());
    }
  }
}

TEST(RingBufferTest, KeepsItsStorageWhenDrained) {
  RingBuffer<int> ring;
  for (int i = 0; i < 100; ++i)
    ring.pushBack(i);
  const std::size_t capacity = ring.capacity();
  while (!ring.empty())
    ring.popFront();
  for (int i = 0; i < 100; ++i)
    ring.pushBack(i);
  EXPECT_EQ(ring.capacity(), capacity);
}

}  // namespace
}  // namespace eventscope::core
