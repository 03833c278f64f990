#include "ui/models/event_log_page_cache.h"

#include <gtest/gtest.h>

namespace eventscope::ui {
namespace {

EventLogPageCache::Page pageOf(std::uint64_t firstId) {
  EventLogPageCache::Page rows(3);
  for (std::size_t i = 0; i < rows.size(); ++i)
    rows[i].id = firstId + i;
  return rows;
}

TEST(EventLogPageCacheTest, KeepsTheMostRecentlyUsedPages) {
  EventLogPageCache cache(2);
  cache.insert(0, pageOf(1));
  cache.insert(5, pageOf(501));
  ASSERT_NE(cache.find(0), nullptr);  // 0 is now the most recent: 5 goes first
  cache.insert(9, pageOf(901));
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_EQ(cache.find(5), nullptr);
  ASSERT_NE(cache.find(0), nullptr);
  EXPECT_EQ(cache.find(0)->front().id, 1u);
  ASSERT_NE(cache.find(9), nullptr);
  EXPECT_EQ(cache.find(9)->back().id, 903u);
}

TEST(EventLogPageCacheTest, ReplacesErasesAndClears) {
  EventLogPageCache cache(3);
  cache.insert(1, pageOf(100));
  cache.insert(1, pageOf(200));
  EXPECT_EQ(cache.size(), 1u);
  EXPECT_EQ(cache.find(1)->front().id, 200u);
  cache.erase(1);
  cache.erase(7);  // not held: nothing happens
  EXPECT_EQ(cache.find(1), nullptr);
  cache.insert(2, pageOf(1));
  cache.insert(3, pageOf(1));
  cache.clear();
  EXPECT_EQ(cache.size(), 0u);
  EventLogPageCache none(0);
  none.insert(1, pageOf(1));
  EXPECT_EQ(none.find(1), nullptr);
}

}  // namespace
}  // namespace eventscope::ui
