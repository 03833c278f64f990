#include "ui/controller/token_sampler.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/sim/engine.h"
#include "core/sim/observer_fanout.h"
#include "support/demo_scenarios.h"

namespace eventscope::ui {
namespace {

core::Event eventOn(std::uint16_t topic) {
  core::Event event;
  event.topic = topic;
  return event;
}

TEST(TokenSamplerTest, KeepsAFixedNumberOfOrdinaryTokensPerWindow) {
  TokenSampler sampler;
  const core::PublisherRef producer{core::PublisherRef::Kind::Producer, 0};
  for (int i = 0; i < 100'000; ++i)
    sampler.onPublished(0, eventOn(0), producer);
  std::uint64_t seen = 0;
  const auto window = sampler.takeWindow(&seen);
  EXPECT_EQ(seen, 100'000u);
  EXPECT_EQ(window.size(), TokenSampler::kCommonPerWindow);
  EXPECT_TRUE(sampler.takeWindow(&seen).empty());  // a new window starts empty
  EXPECT_EQ(seen, 0u);
}

TEST(TokenSamplerTest, RareKindsAreKeptWhateverTheRate) {
  TokenSampler sampler;
  const core::PublisherRef producer{core::PublisherRef::Kind::Producer, 0};
  for (int i = 0; i < 50'000; ++i)
    sampler.onPublished(0, eventOn(0), producer);
  sampler.onEnqueued(0, 2, 0, eventOn(0), core::DeliveryCause::BrokerDuplicate);
  sampler.onEnqueued(0, 1, 0, eventOn(0), core::DeliveryCause::CrashRedelivery);
  sampler.onRefused(0, eventOn(0), core::Refusal::DroppedNewest, 1, 0);
  const auto window = sampler.takeWindow(nullptr);
  const auto count = [&](TokenKind kind) {
    return std::count_if(window.begin(), window.end(),
                         [&](const Token& t) { return t.kind == kind; });
  };
  EXPECT_EQ(count(TokenKind::Duplicate), 1);
  EXPECT_EQ(count(TokenKind::Retry), 1);
  EXPECT_EQ(count(TokenKind::Drop), 1);
  const auto duplicate = std::find_if(
      window.begin(), window.end(), [](const Token& t) { return t.kind == TokenKind::Duplicate; });
  EXPECT_EQ(duplicate->from, (NodeRef{NodeKind::Topic, 0}));
  EXPECT_EQ(duplicate->to, (NodeRef{NodeKind::Service, 2}));
}

TEST(TokenSamplerTest, ARealRunGivesEveryKindItsEdge) {
  // The order pipeline dead-letters poison orders through billing, and crashes billing at 20 s.
  const core::Scenario scenario = core::testing::demoScenario("order-pipeline.yaml");
  TokenSampler sampler;
  core::Engine engine(scenario, &sampler);
  std::vector<Token> all;
  for (core::SimTime t = core::kSecond; t <= 30 * core::kSecond; t += core::kSecond) {
    engine.advanceTo(t);
    const auto window = sampler.takeWindow(nullptr);
    all.insert(all.end(), window.begin(), window.end());
  }
  const auto billing = NodeRef{NodeKind::Service, 0};
  const auto dlq = NodeRef{NodeKind::Topic, 3};
  EXPECT_TRUE(std::any_of(all.begin(), all.end(), [&](const Token& t) {
    return t.kind == TokenKind::DeadLetter && t.from == billing && t.to == dlq;
  }));
  EXPECT_TRUE(std::any_of(all.begin(), all.end(), [&](const Token& t) {
    return t.kind == TokenKind::Retry && t.to == billing;
  }));
  EXPECT_TRUE(std::any_of(all.begin(), all.end(), [&](const Token& t) {
    return t.kind == TokenKind::Publish && t.from.kind == NodeKind::Producer;
  }));
  EXPECT_TRUE(std::any_of(all.begin(), all.end(), [&](const Token& t) {
    return t.kind == TokenKind::Emit && t.from == billing;
  }));
}

}  // namespace
}  // namespace eventscope::ui
