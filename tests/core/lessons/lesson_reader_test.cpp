#include "core/lessons/lesson_reader.h"

#include <gtest/gtest.h>

#include "core/lessons/lesson_scenario.h"

namespace eventscope::core {
namespace {

// A small lesson; tests replace parts of it to break it in one place.
const std::string kLesson = R"(lesson: 1
title: Retries
concept: Retrying failed work
narrative: |
  `billing` fails some attempts.
scenario:
  eventscope: 1
  name: Retries
  topics:
    - name: orders
  producers:
    - {name: checkout, topic: orders, event: OrderPlaced, rate: 20/s}
  services:
    - name: billing
      subscribes: orders
      service_time: {constant: 5ms}
steps:
  - title: Plain
    text: Run it.
    run: 10s
    checks:
      - services.billing.acked > 100
  - title: Failures
    text: Now `billing` fails.
    predict:
      question: What happens?
      choices: [Nothing, Retries]
      answer: 2
    action:
      set: {services.billing.failure_rate: 0.5, services.billing.retry.max_attempts: 3}
    run: 10s
    checks:
      - expect: services.billing.retries > 0
        explain: failed attempts were tried again.
    contrast:
      action: {set: {services.billing.failure_rate: 0}}
)";

std::string replaced(const std::string& from, const std::string& to) {
  std::string text = kLesson;
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

std::string errorsOf(const LessonReadResult& read) {
  std::string all;
  for (const Diagnostic& d : read.errors)
    all += d.format() + "\n";
  return all;
}

// The only error is at LINE:COL and says `says`.
void expectError(const std::string& text, int line, int column, const std::string& says) {
  const LessonReadResult read = parseLesson(text, "lesson.yaml");
  ASSERT_FALSE(read.ok());
  ASSERT_EQ(read.errors.size(), 1u) << errorsOf(read);
  EXPECT_EQ(read.errors[0].line, line) << errorsOf(read);
  EXPECT_EQ(read.errors[0].column, column) << errorsOf(read);
  EXPECT_NE(read.errors[0].message.find(says), std::string::npos) << errorsOf(read);
}

TEST(LessonReaderTest, ReadsTitleStepsPredictionsChecksAndContrast) {
  const LessonReadResult read = parseLesson(kLesson, "dir/03-retries.yaml");
  ASSERT_TRUE(read.ok()) << errorsOf(read);
  const Lesson& lesson = *read.lesson;
  EXPECT_EQ(lesson.id, "03-retries");
  EXPECT_EQ(lesson.title, "Retries");
  EXPECT_EQ(lesson.conceptName, "Retrying failed work");
  ASSERT_EQ(lesson.steps.size(), 2u);
  EXPECT_FALSE(lesson.steps[0].hasAction);
  EXPECT_EQ(lesson.steps[0].run, 10 * kSecond);
  const LessonStep& failures = lesson.steps[1];
  EXPECT_TRUE(failures.hasAction);
  ASSERT_TRUE(failures.prediction.has_value());
  EXPECT_EQ(failures.prediction->answer, 1);
  ASSERT_EQ(failures.checks.size(), 1u);
  EXPECT_EQ(failures.checks[0].text, "services.billing.retries > 0");
  EXPECT_EQ(failures.checks[0].explain, "failed attempts were tried again.");
  ASSERT_TRUE(failures.contrast.has_value());
}

TEST(LessonReaderTest, StepScenariosCarryTheActionsSoFar) {
  const LessonReadResult read = parseLesson(kLesson, "lesson.yaml");
  ASSERT_TRUE(read.ok()) << errorsOf(read);
  const StepScenario first = lessonScenario(*read.lesson, 0);
  const StepScenario second = lessonScenario(*read.lesson, 1);
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ(first.scenario->services[0].failureRate, 0);
  EXPECT_EQ(second.scenario->services[0].failureRate, 0.5);
  EXPECT_EQ(second.scenario->services[0].retry.maxAttempts, 3);
  const StepScenario contrast = lessonScenario(*read.lesson, 1, ActionOverride{1});
  ASSERT_TRUE(contrast.ok());
  EXPECT_EQ(contrast.scenario->services[0].failureRate, 0);
}

TEST(LessonReaderTest, UnknownKeysAndMissingOnesArePlaced) {
  expectError(replaced("title: Retries", "titel: Retries"), 2, 1, "did you mean 'title'");
  expectError(replaced("    run: 10s\n    checks:\n      - services.billing.acked > 100\n",
                       "    checks:\n      - services.billing.acked > 100\n"),
              20, 5, "needs 'run'");
  expectError(replaced("      answer: 2", "      answer: 3"), 28, 15, "from 1 to 2");
}

TEST(LessonReaderTest, ChecksPointAtTheWordThatIsWrong) {
  expectError(replaced("services.billing.acked > 100", "services.billing.acked >> 100"), 22, 33,
              "expected a number");
  expectError(replaced("services.billing.acked > 100", "services.biling.acked > 100"), 22, 9,
              "did you mean 'billing'");
  expectError(
      replaced("expect: services.billing.retries > 0", "expect: 'services.billing.retrys > 0'"), 33,
      18, "did you mean 'retries'");
}

TEST(LessonReaderTest, ActionsAreCheckedWhereTheyAreWritten) {
  expectError(replaced("services.billing.failure_rate: 0.5", "services.biling.failure_rate: 0.5"),
              30, 13, "no service named 'biling' in the lesson's scenario; did you mean 'billing'");
  // A wrong value is found by the scenario reader, at the action's value.
  expectError(replaced("services.billing.failure_rate: 0.5", "services.billing.failure_rate: 5"),
              30, 44, "'failure_rate'");
  expectError(replaced("      set: {", "      sett: {"), 30, 7, "did you mean 'set'");
}

TEST(LessonReaderTest, ARedriveNeedsAServiceWithADeadLetterTopic) {
  expectError(replaced("    run: 10s\n    checks:\n      - expect",
                       "      redrive: {service: billing, at: 5s}\n    run: 10s\n    checks:\n"
                       "      - expect"),
              31, 26, "no 'dead_letter' topic");
}

TEST(LessonReaderTest, AStepThatWouldRunForHoursIsRefused) {
  expectError(replaced("    run: 10s\n    checks:\n      - expect",
                       "    run: 1000h\n    checks:\n      - expect"),
              12, 14, "shorten 'run'");
}

TEST(LessonReaderTest, BrokenFilesGiveOneErrorAndNoLesson) {
  expectError("", 1, 1, "starts with 'lesson: 1'");
  expectError("lesson: 1\ntitle: [unclosed\n", 3, 1, "");
  expectError("lesson: 1\n\xff\n", 2, 1, "not UTF-8");
  // A billion laughs: refused by the same pre-scan as scenarios, not expanded.
  std::string bomb = "lesson: 1\na: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'k'; ++c)
    bomb += std::string(1, c) + ": &" + c + " [*" + char(c - 1) + ", *" + char(c - 1) + ", *" +
            char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + "]\n";
  const LessonReadResult read = parseLesson(bomb, "bomb.yaml");
  EXPECT_FALSE(read.ok());
  EXPECT_FALSE(read.errors.empty());
}

TEST(LessonReaderTest, AMissingFileIsOneErrorWithoutPosition) {
  const LessonReadResult read = readLessonFile("/nonexistent/lesson.yaml");
  ASSERT_EQ(read.errors.size(), 1u);
  EXPECT_EQ(read.errors[0].line, 0);
}

}  // namespace
}  // namespace eventscope::core
