#include "core/sim/future_event_set.h"

#include <gtest/gtest.h>

#include <set>
#include <tuple>

#include "core/sim/random_stream.h"

namespace eventscope::core {
namespace {

// The heap against a shadow model (an ordered set of (time, sequence)) over random interleavings
// of schedules and pops, with many ties: the pop order must be identical.
TEST(FutureEventSetTest, PopsInTimeThenInsertionOrderLikeAShadowModel) {
  for (std::uint64_t seed = 1; seed <= 50; ++seed) {
    RandomStream rng(seed);
    FutureEventSet fes;
    std::set<std::tuple<SimTime, std::uint64_t, std::uint32_t>> shadow;
    std::uint64_t sequence = 0;
    SimTime now = 0;
    for (int op = 0; op < 5000; ++op) {
      if (shadow.empty() || rng.uniform() < 0.55) {
        const SimTime time = now + static_cast<SimTime>(rng.below(20));  // many equal times
        const auto target = static_cast<std::uint32_t>(rng.below(1000));
        fes.schedule(time, ActionKind::ProducerArrival, target);
        shadow.emplace(time, sequence++, target);
      } else {
        const Action a = fes.pop();
        const auto expected = *shadow.begin();
        shadow.erase(shadow.begin());
        ASSERT_EQ(a.time, std::get<0>(expected));
        ASSERT_EQ(a.sequence, std::get<1>(expected));
        ASSERT_EQ(a.target, std::get<2>(expected));
        now = a.time;
      }
      ASSERT_EQ(fes.size(), shadow.size());
    }
  }
}

TEST(FutureEventSetTest, KeepsEveryField) {
  FutureEventSet fes;
  fes.schedule(5, ActionKind::AckTimeout, 7, 8, 9);
  fes.schedule(3, ActionKind::RetryDue, 1, 2, 3);
  Action first = fes.pop();
  EXPECT_EQ(first.kind, ActionKind::RetryDue);
  EXPECT_EQ(first.target, 1u);
  EXPECT_EQ(first.arg, 2u);
  EXPECT_EQ(first.token, 3u);
  EXPECT_EQ(fes.top().kind, ActionKind::AckTimeout);
  EXPECT_EQ(fes.pop().time, 5);
  EXPECT_TRUE(fes.empty());
}

}  // namespace
}  // namespace eventscope::core
