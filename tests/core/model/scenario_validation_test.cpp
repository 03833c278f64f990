#include "core/model/scenario_validation.h"

#include <gtest/gtest.h>

#include "core/model/limits.h"

namespace eventscope::core {
namespace {

// "t7" from ("t", 7); appended because `"t" + std::to_string(7)` trips GCC 12's -Wrestrict.
std::string numbered(const char* prefix, int n) {
  return std::string(prefix).append(std::to_string(n));
}

// Builders that give each entity a distinct line, so tests can check where errors point.
TopicSpec topic(const std::string& name, int line) {
  return {.name = name, .pos = {line, 3}};
}

ProducerSpec producer(const std::string& name, const std::string& topicName, int line) {
  return {.name = name, .topic = topicName, .event = "E", .pos = {line, 3}, .topicPos = {line, 20}};
}

ServiceSpec service(const std::string& name, std::vector<std::string> subscribes, int line) {
  ServiceSpec s{.name = name, .subscribes = std::move(subscribes), .pos = {line, 3}};
  for (std::size_t i = 0; i < s.subscribes.size(); ++i) {
    s.subscribesPos.push_back({line, 30 + static_cast<int>(i) * 10});
  }
  return s;
}

EmitSpec emit(const std::string& topicName, double probability, int line) {
  return {.topic = topicName,
          .event = "E",
          .probability = probability,
          .pos = {line, 7},
          .topicPos = {line, 15}};
}

FaultSpec fault(FaultSpec::Kind kind, const std::string& target, int line) {
  return {.kind = kind, .target = target, .pos = {line, 5}, .targetPos = {line, 20}};
}

std::string describe(const Diagnostics& errors) {
  std::string out;
  for (const Diagnostic& d : errors) {
    out += "  " + d.format() + "\n";
  }
  return out.empty() ? "  (none)\n" : out;
}

::testing::AssertionResult only(const Diagnostics& errors, int line, int column,
                                const std::string& message) {
  if (errors.size() == 1 && errors[0].line == line && errors[0].column == column &&
      errors[0].message == message) {
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure()
         << "expected only " << line << ":" << column << ": " << message << "\ngot:\n"
         << describe(errors);
}

Scenario pipeline() {
  Scenario s;
  s.topics = {topic("orders", 2), topic("invoices", 3)};
  s.producers = {producer("checkout", "orders", 5)};
  s.services = {service("billing", {"orders"}, 7)};
  return s;
}

TEST(ScenarioValidationTest, AcceptsAConsistentScenario) {
  Scenario s = pipeline();
  s.services[0].emits = {emit("invoices", 1.0, 8)};
  s.faults = {fault(FaultSpec::Kind::Crash, "billing", 10),
              fault(FaultSpec::Kind::Pause, "checkout", 11),
              fault(FaultSpec::Kind::Inject, "orders", 12)};
  s.faults[1].at = 10 * s.duration;  // after the end: never fires, allowed
  EXPECT_TRUE(validateScenario(s, "f.yaml").empty()) << describe(validateScenario(s, "f.yaml"));
}

TEST(ScenarioValidationTest, ReportsDuplicateNames) {
  Scenario s = pipeline();
  s.topics.push_back(topic("orders", 4));
  EXPECT_TRUE(
      only(validateScenario(s, "f.yaml"), 4, 3, "duplicate topic name 'orders' (first at line 2)"));

  s = pipeline();
  s.producers.push_back(producer("checkout", "orders", 6));
  EXPECT_TRUE(only(validateScenario(s, "f.yaml"), 6, 3,
                   "duplicate producer name 'checkout' (first at line 5)"));

  s = pipeline();
  s.services.push_back(service("checkout", {"orders"}, 8));
  EXPECT_TRUE(only(validateScenario(s, "f.yaml"), 8, 3,
                   "name 'checkout' is already used by a producer (first at line 5); producers "
                   "and services share names because faults refer to them"));

  // A topic may share a name with a service: topics are a namespace of their own.
  s = pipeline();
  s.topics.push_back(topic("billing", 4));
  EXPECT_TRUE(validateScenario(s, "f.yaml").empty());
}

TEST(ScenarioValidationTest, ReportsEmptyNames) {
  Scenario s = pipeline();
  s.topics.push_back(topic("", 4));
  s.producers.push_back(producer("", "orders", 6));
  s.services.push_back(service("", {"orders"}, 8));
  const Diagnostics errors = validateScenario(s, "f.yaml");
  ASSERT_EQ(errors.size(), 3u) << describe(errors);
  EXPECT_EQ(errors[0].message, "topic has no name");
  EXPECT_EQ(errors[1].message, "producer has no name");
  EXPECT_EQ(errors[2].message, "service has no name");
}

TEST(ScenarioValidationTest, ReportsUnknownTopicsWithHints) {
  Scenario s = pipeline();
  s.producers[0].topic = "ordrs";
  EXPECT_TRUE(only(validateScenario(s, "f.yaml"), 5, 20,
                   "producer 'checkout' publishes to unknown topic 'ordrs'; did you mean "
                   "'orders'?"));

  s = pipeline();
  s.services[0] = service("billing", {"orders", "payments"}, 7);
  EXPECT_TRUE(only(validateScenario(s, "f.yaml"), 7, 40,
                   "service 'billing' subscribes to unknown topic 'payments'; declare it under "
                   "'topics:'"));

  s = pipeline();
  s.services[0].emits = {emit("invoice", 0.5, 8)};
  EXPECT_TRUE(only(validateScenario(s, "f.yaml"), 8, 15,
                   "service 'billing' emits to unknown topic 'invoice'; did you mean "
                   "'invoices'?"));

  s = pipeline();
  s.faults = {fault(FaultSpec::Kind::Inject, "oders", 10)};
  EXPECT_TRUE(only(validateScenario(s, "f.yaml"), 10, 20,
                   "'inject' fault injects into unknown topic 'oders'; did you mean 'orders'?"));

  s = pipeline();
  s.faults = {fault(FaultSpec::Kind::Duplicate, "nope", 10)};
  EXPECT_TRUE(only(validateScenario(s, "f.yaml"), 10, 20,
                   "'duplicate' fault duplicates events of unknown topic 'nope'; declare it "
                   "under 'topics:'"));
}

TEST(ScenarioValidationTest, IncompleteSectionsSilenceUnknownReferences) {
  Scenario s = pipeline();
  s.producers[0].topic = "payments";
  s.faults = {fault(FaultSpec::Kind::Crash, "shipping", 10),
              fault(FaultSpec::Kind::Pause, "ads", 11)};
  EXPECT_EQ(validateScenario(s, "f.yaml").size(), 3u);
  const ValidationOptions incomplete{
      .topicsIncomplete = true, .producersIncomplete = true, .servicesIncomplete = true};
  EXPECT_TRUE(validateScenario(s, "f.yaml", incomplete).empty());
  // An unnamed entity makes its kind incomplete by itself.
  s.topics.push_back(topic("", 4));
  const Diagnostics errors = validateScenario(s, "f.yaml");
  ASSERT_EQ(errors.size(), 3u) << describe(errors);
  EXPECT_EQ(errors[0].message, "topic has no name");
}

TEST(ScenarioValidationTest, FaultTargetsMustBeTheRightKind) {
  Scenario s = pipeline();
  s.faults = {
      fault(FaultSpec::Kind::Pause, "billing", 10), fault(FaultSpec::Kind::Crash, "checkout", 11),
      fault(FaultSpec::Kind::Slow, "orders", 12),   fault(FaultSpec::Kind::Slow, "biling", 13),
      fault(FaultSpec::Kind::Pause, "chekout", 14), fault(FaultSpec::Kind::Crash, "", 15)};
  const Diagnostics errors = validateScenario(s, "f.yaml");
  ASSERT_EQ(errors.size(), 6u) << describe(errors);
  EXPECT_EQ(errors[0].message, "'pause' needs a producer, but 'billing' is a service");
  EXPECT_EQ(errors[1].message, "'crash' needs a service, but 'checkout' is a producer");
  EXPECT_EQ(errors[2].message, "'slow' needs a service, but 'orders' is a topic");
  EXPECT_EQ(errors[3].message, "'slow' names unknown service 'biling'; did you mean 'billing'?");
  EXPECT_EQ(errors[4].message,
            "'pause' names unknown producer 'chekout'; did you mean 'checkout'?");
  EXPECT_EQ(errors[5].message, "'crash' fault has no target");
  EXPECT_EQ(errors[0].line, 10);
  EXPECT_EQ(errors[0].column, 20);
}

TEST(ScenarioValidationTest, DeadLetterTopics) {
  // Undeclared is fine, and others may subscribe to it.
  Scenario s = pipeline();
  s.services[0].deadLetter = "orders.dlq";
  s.services.push_back(service("inspector", {"orders.dlq"}, 9));
  EXPECT_TRUE(validateScenario(s, "f.yaml").empty()) << describe(validateScenario(s, "f.yaml"));

  // Dead-lettering into a topic one reads would loop failed events forever.
  s = pipeline();
  s.services[0].deadLetter = "orders";
  s.services[0].deadLetterPos = {8, 18};
  EXPECT_TRUE(only(validateScenario(s, "f.yaml"), 8, 18,
                   "service 'billing' sends dead letters to 'orders', a topic it subscribes "
                   "to: failed events would come back forever"));
}

TEST(ScenarioValidationTest, ReportsSubscribingTwiceAndNoSubscription) {
  Scenario s = pipeline();
  s.services[0] = service("billing", {"orders", "orders"}, 7);
  EXPECT_TRUE(
      only(validateScenario(s, "f.yaml"), 7, 40, "service 'billing' subscribes to 'orders' twice"));
  s.services[0] = service("billing", {}, 7);
  EXPECT_TRUE(
      only(validateScenario(s, "f.yaml"), 7, 3, "service 'billing' subscribes to no topic"));
}

TEST(ScenarioValidationTest, LimitsSubscribersPerTopic) {
  Scenario s = pipeline();
  s.services.clear();
  for (int i = 0; i <= limits::kMaxSubscribersPerTopic; ++i) {
    s.services.push_back(service(numbered("s", i), {"orders"}, 10 + i));
  }
  const int line = 10 + limits::kMaxSubscribersPerTopic;
  EXPECT_TRUE(only(validateScenario(s, "f.yaml"), line, 30,
                   "topic 'orders' has more than 32 subscribing services; this build supports "
                   "at most 32 per topic"));
  s.services.pop_back();
  EXPECT_TRUE(validateScenario(s, "f.yaml").empty());
}

TEST(ScenarioValidationTest, LimitsEntityCounts) {
  Scenario s;
  for (int i = 0; i <= limits::kMaxEntities; ++i) {
    s.topics.push_back(topic(numbered("t", i), i + 1));
  }
  EXPECT_TRUE(only(validateScenario(s, "f.yaml"), limits::kMaxEntities + 1, 3,
                   "too many topics: 10001 (at most 10000)"));
}

TEST(ScenarioValidationTest, WarmupMustEndBeforeTheRun) {
  Scenario s = pipeline();
  s.duration = 10 * kSecond;
  s.warmup = 10 * kSecond;
  s.warmupPos = {4, 9};
  EXPECT_TRUE(only(validateScenario(s, "f.yaml"), 4, 9,
                   "'warmup' (10s) must be shorter than 'duration' (10s)"));
  s.warmup = 9 * kSecond;
  EXPECT_TRUE(validateScenario(s, "f.yaml").empty());
}

TEST(ScenarioValidationTest, ReportsEndlessEmitLoops) {
  Scenario s;
  s.topics = {topic("orders", 2), topic("invoices", 3), topic("ledger-in", 4)};
  s.services = {service("billing", {"orders"}, 10), service("ledger", {"invoices"}, 20)};
  s.services[0].emits = {emit("invoices", 1.0, 11)};
  s.services[1].emits = {emit("orders", 1.0, 21)};
  EXPECT_TRUE(only(validateScenario(s, "f.yaml"), 11, 7,
                   "emits form a loop that never ends: billing -> invoices -> ledger -> orders "
                   "-> billing (every step has probability 1; lower one below 1 or break the "
                   "loop)"));
  // Any step below 1 makes the loop end almost surely.
  s.services[1].emits[0].probability = 0.99;
  EXPECT_TRUE(validateScenario(s, "f.yaml").empty());
}

TEST(ScenarioValidationTest, ErrorsAreSortedByPosition) {
  Scenario s = pipeline();
  s.faults = {fault(FaultSpec::Kind::Crash, "nobody", 3)};
  s.topics.push_back(topic("orders", 9));
  s.producers[0].topic = "x";
  const Diagnostics errors = validateScenario(s, "f.yaml");
  ASSERT_EQ(errors.size(), 3u) << describe(errors);
  EXPECT_EQ(errors[0].line, 3);
  EXPECT_EQ(errors[1].line, 5);
  EXPECT_EQ(errors[2].line, 9);
  EXPECT_EQ(errors[2].file, "f.yaml");
}

}  // namespace
}  // namespace eventscope::core
