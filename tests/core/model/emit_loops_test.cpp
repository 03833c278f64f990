#include "core/model/emit_loops.h"

#include <gtest/gtest.h>

namespace eventscope::core {
namespace {

// "t7" from ("t", 7); appended because `"t" + std::to_string(7)` trips GCC 12's -Wrestrict.
std::string numbered(const char* prefix, int n) {
  return std::string(prefix).append(std::to_string(n));
}

// A service named `name` reading `input` and emitting to each of `outputs` with `probability`.
ServiceSpec service(const std::string& name, const std::string& input,
                    const std::vector<std::string>& outputs, double probability = 1.0) {
  ServiceSpec s{.name = name, .subscribes = {input}};
  for (const std::string& output : outputs) {
    s.emits.push_back({.topic = output, .event = "E", .probability = probability});
  }
  return s;
}

using Path = std::vector<std::string>;

TEST(EmitLoopsTest, FindsNoLoopInAChain) {
  Scenario s;
  s.services = {service("a", "t1", {"t2"}), service("b", "t2", {"t3"}), service("c", "t3", {})};
  EXPECT_TRUE(findEndlessEmitLoops(s).empty());
}

TEST(EmitLoopsTest, FindsAServiceFeedingItself) {
  Scenario s;
  s.services = {service("echo", "t", {"t"})};
  s.services[0].emits[0].pos = {4, 9};
  const auto loops = findEndlessEmitLoops(s);
  ASSERT_EQ(loops.size(), 1u);
  EXPECT_EQ(loops[0].path, (Path{"echo", "t", "echo"}));
  EXPECT_EQ(loops[0].pos.line, 4);
}

TEST(EmitLoopsTest, ReportsTheShortestLoopFromTheFirstService) {
  // a -> b -> c -> a and a shortcut c -> a through another topic; also b -> a directly.
  Scenario s;
  s.services = {service("a", "ta", {"tb"}), service("b", "tb", {"tc", "ta"}),
                service("c", "tc", {"ta"})};
  const auto loops = findEndlessEmitLoops(s);
  ASSERT_EQ(loops.size(), 1u);  // one group of services, one report
  EXPECT_EQ(loops[0].path, (Path{"a", "tb", "b", "ta", "a"}));
}

TEST(EmitLoopsTest, IgnoresLoopsWithAnUncertainStep) {
  Scenario s;
  s.services = {service("a", "ta", {"tb"}), service("b", "tb", {"ta"}, 0.5)};
  EXPECT_TRUE(findEndlessEmitLoops(s).empty());
  // Two emits to the same topic: the certain one closes the loop.
  s.services[1].emits.push_back({.topic = "ta", .event = "F", .probability = 1.0});
  EXPECT_EQ(findEndlessEmitLoops(s).size(), 1u);
}

TEST(EmitLoopsTest, ReportsEachSeparateLoop) {
  Scenario s;
  s.services = {service("a", "ta", {"ta"}), service("b", "tb", {"tc"}), service("c", "tc", {"tb"}),
                service("d", "td", {"ta"})};
  const auto loops = findEndlessEmitLoops(s);
  ASSERT_EQ(loops.size(), 2u);
  EXPECT_EQ(loops[0].path.front(), "a");
  EXPECT_EQ(loops[1].path, (Path{"b", "tc", "c", "tb", "b"}));
}

TEST(EmitLoopsTest, HandlesLongChainsWithoutDeepRecursion) {
  // 10,000 services in one ring: an iterative search must not overflow the stack.
  Scenario s;
  constexpr int kCount = 10'000;
  for (int i = 0; i < kCount; ++i) {
    s.services.push_back(
        service(numbered("s", i), numbered("t", i), {numbered("t", (i + 1) % kCount)}));
  }
  const auto loops = findEndlessEmitLoops(s);
  ASSERT_EQ(loops.size(), 1u);
  EXPECT_EQ(loops[0].path.size(), 2u * kCount + 1);
}

}  // namespace
}  // namespace eventscope::core

namespace eventscope::core {
namespace {

TEST(EmitLoopsTest, DeadLettersOfSurelyFailingServicesCanLoop) {
  Scenario s;
  ServiceSpec a{.name = "sa", .subscribes = {"a"}, .poisonKeys = {"k1"}, .deadLetter = "b"};
  a.deadLetterPos = {9, 63};
  ServiceSpec b{.name = "sb", .subscribes = {"b"}, .poisonKeys = {"k1"}, .deadLetter = "a"};
  s.services = {a, b};
  const auto loops = findEndlessEmitLoops(s);
  ASSERT_EQ(loops.size(), 1u);
  EXPECT_TRUE(loops[0].throughDeadLetters);
  EXPECT_EQ(loops[0].pos.line, 9);
  EXPECT_EQ(loops[0].path,
            (std::vector<std::string>{"sa", "b (dead letters)", "sb", "a (dead letters)", "sa"}));
  // Services that fail only by chance do not make a certain loop.
  s.services[0].poisonKeys.clear();
  s.services[0].failureRate = 0.5;
  EXPECT_TRUE(findEndlessEmitLoops(s).empty());
}

}  // namespace
}  // namespace eventscope::core
