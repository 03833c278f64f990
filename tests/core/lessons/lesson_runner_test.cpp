#include "core/lessons/lesson_runner.h"

#include <gtest/gtest.h>

#include "core/lessons/lesson_reader.h"

namespace eventscope::core {
namespace {

// Poison orders are dead-lettered; a redrive publishes them again, and they fail again.
const std::string kLesson = R"(lesson: 1
title: Redrive
concept: Dead letters
narrative: Poison.
scenario:
  eventscope: 1
  topics:
    - name: orders
  producers:
    - {name: checkout, topic: orders, event: OrderPlaced, rate: 20/s, keys: 10}
  services:
    - name: billing
      subscribes: orders
      service_time: {constant: 5ms}
      poison_keys: [k3]
      retry: {max_attempts: 2, backoff: 10ms}
      dead_letter: orders.dlq
steps:
  - text: Poison.
    run: 10s
    checks:
      - services.billing.dead_lettered > 0
      - services.billing.acked == producers.checkout.published
  - text: Redrive.
    action:
      redrive: {service: billing, at: 8s}
    run: 10s
    checks:
      - services.billing.dead_lettered > 0
    contrast:
      action: {}
)";

Lesson lesson() {
  LessonReadResult read = parseLesson(kLesson, "redrive.yaml");
  EXPECT_TRUE(read.ok()) << (read.errors.empty() ? "" : read.errors[0].format());
  return read.ok() ? *read.lesson : Lesson{};
}

TEST(LessonRunnerTest, VerdictsSayTheValueAndTheClaim) {
  const StepRun run = runLessonStep(lesson(), 0);
  ASSERT_TRUE(run.errors.empty());
  ASSERT_EQ(run.verdicts.size(), 2u);
  EXPECT_TRUE(run.verdicts[0].passed);
  EXPECT_NE(run.verdicts[0].sentence.find("services.billing.dead_lettered = "), std::string::npos)
      << run.verdicts[0].sentence;
  EXPECT_NE(run.verdicts[0].sentence.find(", as claimed (> 0)."), std::string::npos);
  // Dead letters are not acked: the second claim is false, and says against what.
  EXPECT_FALSE(run.verdicts[1].passed);
  EXPECT_NE(run.verdicts[1].sentence.find("but the claim is == "), std::string::npos)
      << run.verdicts[1].sentence;
  EXPECT_NE(run.verdicts[1].sentence.find(", producers.checkout.published."), std::string::npos)
      << run.verdicts[1].sentence;
  EXPECT_FALSE(run.passed());
}

TEST(LessonRunnerTest, ARedrivePublishesTheDeadLettersAgainAtItsTime) {
  const Lesson l = lesson();
  const StepRun before = runLessonStep(l, 0);
  const StepRun redriven = runLessonStep(l, 1);
  ASSERT_TRUE(before.result && redriven.result);
  const auto dead = [](const StepRun& r) {
    return r.report["services"]["billing"]["dead_lettered"].get<int>();
  };
  // Those dead-lettered by 8 s fail again (k3 is still poison): more dead letters.
  EXPECT_GT(dead(redriven), dead(before));
  // Each redriven letter fails once more; none dead-lettered after 8 s was redriven.
  EXPECT_LE(dead(redriven) - dead(before), dead(before));
  const ContrastRun contrast = runContrast(l, 1);
  EXPECT_TRUE(contrast.run.errors.empty());
  EXPECT_EQ(dead(contrast.run), dead(before));
}

TEST(LessonRunnerTest, TheSameStepGivesTheSameFigures) {
  const Lesson l = lesson();
  EXPECT_EQ(runLessonStep(l, 1).report["totals"], runLessonStep(l, 1).report["totals"]);
}

TEST(LessonRunnerTest, AnOverrideThatBreaksTheModelIsAnErrorNotACrash) {
  const StepRun run =
      runLessonStep(lesson(), 1, ActionOverride{1, false, "{set: {services.nope.instances: 2}}"});
  EXPECT_FALSE(run.errors.empty());
  EXPECT_FALSE(run.passed());
}

}  // namespace
}  // namespace eventscope::core
