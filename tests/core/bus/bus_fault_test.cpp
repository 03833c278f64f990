// Faults and scaling: crash and recovery with redelivery, pause, slow, inject, autoscale.
#include <gtest/gtest.h>

#include "core/sim/engine.h"
#include "core/sim/run_scenario.h"
#include "support/event_log.h"
#include "support/scenario_builders.h"

namespace eventscope::core {
namespace {

TEST(BusFaultTest, CrashRedeliversUnackedWorkAndRecovers) {
  Scenario s = testing::queueModel(800, 500, 2, 4 * kSecond);
  s.faults.push_back({.kind = FaultSpec::Kind::Crash,
                      .at = kSecond,
                      .duration = kSecond,
                      .target = "server",
                      .instances = 2});
  testing::EventLog log;
  Engine engine(s, &log);
  engine.advanceTo(kSecond + kMillisecond);
  const ServiceState& service = engine.bus().services()[0];
  EXPECT_EQ(service.upInstances(), 0u);
  EXPECT_EQ(service.counters.crashRedeliveries, 2u);  // both were busy: both events go back
  const std::uint64_t backlogWhileDown = service.held();
  engine.advanceTo(2 * kSecond - kMillisecond);
  EXPECT_GT(service.held(), backlogWhileDown + 500);  // events queue up while nobody consumes
  engine.run();
  EXPECT_EQ(service.upInstances(), 2u);
  for (const auto& e : log.ended) {
    if (e.end.outcome == AttemptOutcome::Crashed) {
      EXPECT_EQ(e.at, kSecond);
    }
  }
  EXPECT_EQ(service.counters.duplicatesProcessed, 0u);  // crashed before the side effect
}

TEST(BusFaultTest, PausedProducerPublishesNothingDuringThePause) {
  Scenario s = testing::queueModel(1000, 5000, 1, 3 * kSecond);
  s.faults.push_back(
      {.kind = FaultSpec::Kind::Pause, .at = kSecond, .duration = kSecond, .target = "source"});
  testing::EventLog log;
  Engine engine(s, &log);
  engine.run();
  int during = 0, after = 0;
  for (const auto& p : log.published) {
    during += p.at >= kSecond && p.at < 2 * kSecond;
    after += p.at >= 2 * kSecond;
  }
  EXPECT_EQ(during, 0);
  EXPECT_NEAR(after, 1000, 120);
}

TEST(BusFaultTest, SlowServiceTakesLonger) {
  Scenario s = testing::queueModel(100, 1000, 1, 3 * kSecond);
  s.services[0].serviceTime = testing::constant(kMillisecond);
  s.faults.push_back({.kind = FaultSpec::Kind::Slow,
                      .at = kSecond,
                      .duration = kSecond,
                      .target = "server",
                      .factor = 5});
  testing::EventLog log;
  Engine engine(s, &log);
  engine.run();
  for (const auto& e : log.ended) {
    const SimTime took = e.at - e.attempt.startedAt;
    const bool slowed = e.attempt.startedAt >= kSecond && e.attempt.startedAt < 2 * kSecond;
    EXPECT_EQ(took, slowed ? 5 * kMillisecond : kMillisecond);
  }
}

TEST(BusFaultTest, InjectPublishesOneEventWithTheGivenAttributes) {
  Scenario s = testing::queueModel(10, 1000, 1, kSecond);
  s.faults.push_back({.kind = FaultSpec::Kind::Inject,
                      .at = 500 * kMillisecond,
                      .inject = {.topic = "in", .event = "Odd", .key = "vip-7", .schema = 3}});
  testing::EventLog log;
  Engine engine(s, &log);
  engine.run();
  int injected = 0;
  for (const auto& p : log.published) {
    if (p.by.kind != PublisherRef::Kind::Injection) continue;
    ++injected;
    EXPECT_EQ(p.at, 500 * kMillisecond);
    EXPECT_EQ(engine.bus().eventType(p.event.type), "Odd");
    EXPECT_EQ(engine.bus().keys().text(p.event.key), "vip-7");
    EXPECT_EQ(p.event.schema, 3);
  }
  EXPECT_EQ(injected, 1);
}

TEST(BusFaultTest, AutoscaleAddsInstancesUnderBacklogAndRemovesThemAfter) {
  Scenario s = testing::queueModel(3000, 1000, 1, 6 * kSecond);
  s.producers[0].stop = 3 * kSecond;
  s.services[0].autoscale =
      AutoscaleSpec{.min = 1, .max = 6, .targetBacklog = 20, .checkEvery = 200 * kMillisecond};
  Engine engine(s, nullptr);
  engine.advanceTo(300 * kMillisecond);
  EXPECT_EQ(engine.bus().services()[0].liveInstances, 6u);  // 3x overloaded: scaled out at once
  std::uint32_t fewest = 6;
  while (engine.now() < 3 * kSecond) {
    engine.advanceTo(engine.now() + 50 * kMillisecond);
    fewest = std::min(fewest, engine.bus().services()[0].liveInstances);
  }
  EXPECT_GE(fewest, 3u);  // the load needs three: it never flaps below that while it lasts
  engine.run();
  EXPECT_EQ(engine.bus().services()[0].liveInstances, 1u);  // idle again: scaled back in
  EXPECT_EQ(engine.bus().services()[0].held(), 0u);
}

}  // namespace
}  // namespace eventscope::core
