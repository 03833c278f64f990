#include "core/io/scenario_reader.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/io/reader_expectations.h"

namespace eventscope::core {
namespace {

using test_support::fixturePath;
using test_support::hasOnlyError;
using test_support::listErrors;
using test_support::parseOk;

SourcePos at(int line, int column) {
  return {line, column};
}

void expectPos(SourcePos actual, SourcePos expected, const char* what) {
  EXPECT_EQ(actual.line, expected.line) << what;
  EXPECT_EQ(actual.column, expected.column) << what;
}

TEST(ScenarioReaderTest, DesignExampleParsesIntoExpectedScenario) {
  const ScenarioReadResult result = readScenarioFile(fixturePath("scenarios/design_example.yaml"));
  ASSERT_TRUE(result.ok()) << listErrors(result);
  const Scenario& s = *result.scenario;
  EXPECT_EQ(s.format, 1);
  EXPECT_EQ(s.name, "Order pipeline");
  EXPECT_EQ(s.seed, 42u);
  EXPECT_EQ(s.duration, 60 * kSecond);
  EXPECT_EQ(s.warmup, 5 * kSecond);
  expectPos(s.warmupPos, at(5, 9), "warmupPos");

  // Two declared topics, then the dead-letter topic the reader adds.
  ASSERT_EQ(s.topics.size(), 3u);
  const TopicSpec& orders = s.topics[0];
  EXPECT_EQ(orders.name, "orders");
  EXPECT_EQ(orders.partitions, 4);
  EXPECT_EQ(orders.capacity, 10000u);
  EXPECT_EQ(orders.overflow, Overflow::Block);
  EXPECT_FALSE(orders.implicit);
  expectPos(orders.pos, at(8, 11), "orders.pos");
  EXPECT_EQ(s.topics[1].name, "invoices");
  EXPECT_EQ(s.topics[1].partitions, 1);
  EXPECT_FALSE(s.topics[1].capacity.has_value());
  const TopicSpec& dlq = s.topics[2];
  EXPECT_EQ(dlq.name, "orders.dlq");
  EXPECT_TRUE(dlq.implicit);
  EXPECT_EQ(dlq.partitions, 1);
  EXPECT_FALSE(dlq.capacity.has_value());
  EXPECT_EQ(dlq.overflow, Overflow::Block);
  expectPos(dlq.pos, at(40, 18), "dlq.pos");

  ASSERT_EQ(s.producers.size(), 1u);
  const ProducerSpec& p = s.producers[0];
  EXPECT_EQ(p.name, "checkout");
  EXPECT_EQ(p.topic, "orders");
  EXPECT_EQ(p.event, "OrderPlaced");
  EXPECT_EQ(p.schema, 1);
  EXPECT_DOUBLE_EQ(p.ratePerSecond, 800.0);
  EXPECT_EQ(p.arrivals, Arrivals::Poisson);
  EXPECT_EQ(p.keys.kind, KeySpace::Kind::Uniform);
  EXPECT_EQ(p.keys.count, 1000u);
  EXPECT_EQ(p.count, 100000u);
  EXPECT_EQ(p.start, 0);
  EXPECT_EQ(p.stop, 30 * kSecond);
  EXPECT_EQ(nlohmann::json::parse(p.payload), nlohmann::json::parse(R"({"amount": 12.5})"));
  expectPos(p.pos, at(15, 11), "producer.pos");
  expectPos(p.topicPos, at(16, 12), "producer.topicPos");

  ASSERT_EQ(s.services.size(), 1u);
  const ServiceSpec& b = s.services[0];
  EXPECT_EQ(b.name, "billing");
  EXPECT_EQ(b.subscribes, std::vector<std::string>{"orders"});
  ASSERT_EQ(b.subscribesPos.size(), 1u);
  expectPos(b.subscribesPos[0], at(29, 17), "subscribesPos");
  EXPECT_EQ(b.delivery, DeliveryMode::Shared);
  EXPECT_EQ(b.instances, 3);
  EXPECT_EQ(b.serviceTime.kind, Distribution::Kind::Exponential);
  EXPECT_EQ(b.serviceTime.first, kMillisecond);
  EXPECT_EQ(b.prefetch, 1);
  EXPECT_EQ(b.ackTimeout, 30 * kSecond);
  EXPECT_DOUBLE_EQ(b.failureRate, 0.01);
  EXPECT_EQ(b.poisonKeys, std::vector<std::string>{"k13"});
  EXPECT_EQ(b.retry.maxAttempts, 5);
  EXPECT_EQ(b.retry.backoff, 100 * kMillisecond);
  EXPECT_DOUBLE_EQ(b.retry.multiplier, 2.0);
  EXPECT_EQ(b.retry.maxBackoff, 5 * kSecond);
  EXPECT_EQ(b.deadLetter, "orders.dlq");
  expectPos(b.deadLetterPos, at(40, 18), "deadLetterPos");
  EXPECT_TRUE(b.idempotent);
  EXPECT_EQ(b.acceptsSchema, std::vector<int>{1});
  ASSERT_EQ(b.emits.size(), 1u);
  EXPECT_EQ(b.emits[0].topic, "invoices");
  EXPECT_EQ(b.emits[0].event, "InvoiceCreated");
  EXPECT_DOUBLE_EQ(b.emits[0].probability, 1.0);
  EXPECT_EQ(b.emits[0].schema, 1);
  EXPECT_TRUE(b.emits[0].payload.empty());
  expectPos(b.emits[0].pos, at(44, 9), "emit.pos");
  expectPos(b.emits[0].topicPos, at(44, 17), "emit.topicPos");
  ASSERT_TRUE(b.autoscale.has_value());
  EXPECT_EQ(b.autoscale->min, 1);
  EXPECT_EQ(b.autoscale->max, 8);
  EXPECT_DOUBLE_EQ(b.autoscale->targetBacklog, 100.0);
  EXPECT_EQ(b.autoscale->checkEvery, kSecond);
  expectPos(b.pos, at(28, 11), "service.pos");

  ASSERT_EQ(s.faults.size(), 5u);
  const FaultSpec& crash = s.faults[0];
  EXPECT_EQ(crash.kind, FaultSpec::Kind::Crash);
  EXPECT_EQ(crash.at, 20 * kSecond);
  EXPECT_EQ(crash.target, "billing");
  EXPECT_EQ(crash.instances, 1);
  EXPECT_EQ(crash.duration, 10 * kSecond);
  expectPos(crash.pos, at(48, 5), "crash.pos");
  expectPos(crash.targetPos, at(48, 22), "crash.targetPos");
  const FaultSpec& pause = s.faults[1];
  EXPECT_EQ(pause.kind, FaultSpec::Kind::Pause);
  EXPECT_EQ(pause.at, 30 * kSecond);
  EXPECT_EQ(pause.target, "checkout");
  EXPECT_EQ(pause.duration, 5 * kSecond);
  const FaultSpec& slow = s.faults[2];
  EXPECT_EQ(slow.kind, FaultSpec::Kind::Slow);
  EXPECT_EQ(slow.at, 40 * kSecond);
  EXPECT_EQ(slow.target, "billing");
  EXPECT_DOUBLE_EQ(slow.factor, 5.0);
  EXPECT_EQ(slow.duration, 10 * kSecond);
  const FaultSpec& inject = s.faults[3];
  EXPECT_EQ(inject.kind, FaultSpec::Kind::Inject);
  EXPECT_EQ(inject.at, 45 * kSecond);
  EXPECT_EQ(inject.target, "orders");
  EXPECT_EQ(inject.inject.topic, "orders");
  EXPECT_EQ(inject.inject.event, "OrderPlaced");
  EXPECT_EQ(inject.inject.key, "k13");
  EXPECT_EQ(inject.inject.schema, 2);
  EXPECT_TRUE(inject.inject.payload.empty());
  EXPECT_FALSE(inject.duration.has_value());
  expectPos(inject.targetPos, at(51, 31), "inject.targetPos");
  const FaultSpec& duplicate = s.faults[4];
  EXPECT_EQ(duplicate.kind, FaultSpec::Kind::Duplicate);
  EXPECT_EQ(duplicate.at, 50 * kSecond);
  EXPECT_EQ(duplicate.target, "orders");
  EXPECT_DOUBLE_EQ(duplicate.fraction, 0.1);
  EXPECT_EQ(duplicate.duration, 5 * kSecond);

  EXPECT_TRUE(s.layout.empty());
}

TEST(ScenarioReaderTest, DesignExampleAsWrittenOnlyLacksTheInvoicesTopic) {
  // DESIGN.md's example emits to `invoices` without declaring it; this pins that one gap.
  const ScenarioReadResult result =
      readScenarioFile(fixturePath("scenarios/design_example_verbatim.yaml"));
  EXPECT_TRUE(hasOnlyError(result, 43, 17,
                           "service 'billing' emits to unknown topic 'invoices'; declare it "
                           "under 'topics:'"));
  EXPECT_FALSE(result.scenario.has_value());
}

TEST(ScenarioReaderTest, MinimalScenarioTakesDefaults) {
  const Scenario s = parseOk("eventscope: 1\n", "models/my-pipeline.yaml");
  EXPECT_EQ(s.name, "my-pipeline");
  EXPECT_EQ(s.seed, 1u);
  EXPECT_EQ(s.duration, 60 * kSecond);
  EXPECT_EQ(s.warmup, 0);
  EXPECT_TRUE(s.topics.empty());
  EXPECT_TRUE(s.producers.empty());
  EXPECT_TRUE(s.services.empty());
  EXPECT_TRUE(s.faults.empty());
}

TEST(ScenarioReaderTest, EntitiesWithOnlyRequiredKeysTakeDefaults) {
  const Scenario s = parseOk(R"(eventscope: 1
topics:
  - name: orders
producers:
  - {name: checkout, topic: orders, event: OrderPlaced, rate: 10/s}
services:
  - {name: billing, subscribes: orders}
)");
  ASSERT_EQ(s.topics.size(), 1u);
  EXPECT_EQ(s.topics[0].partitions, 1);
  EXPECT_FALSE(s.topics[0].capacity.has_value());
  EXPECT_EQ(s.topics[0].overflow, Overflow::Block);
  EXPECT_FALSE(s.topics[0].implicit);

  ASSERT_EQ(s.producers.size(), 1u);
  const ProducerSpec& p = s.producers[0];
  EXPECT_EQ(p.schema, 1);
  EXPECT_DOUBLE_EQ(p.ratePerSecond, 10.0);
  EXPECT_EQ(p.arrivals, Arrivals::Poisson);
  EXPECT_EQ(p.keys.kind, KeySpace::Kind::None);
  EXPECT_FALSE(p.count.has_value());
  EXPECT_EQ(p.start, 0);
  EXPECT_FALSE(p.stop.has_value());
  EXPECT_TRUE(p.payload.empty());

  ASSERT_EQ(s.services.size(), 1u);
  const ServiceSpec& b = s.services[0];
  EXPECT_EQ(b.delivery, DeliveryMode::Shared);
  EXPECT_EQ(b.instances, 1);
  EXPECT_EQ(b.serviceTime.kind, Distribution::Kind::Exponential);
  EXPECT_EQ(b.serviceTime.first, kMillisecond);
  EXPECT_EQ(b.prefetch, 1);
  EXPECT_FALSE(b.ackTimeout.has_value());
  EXPECT_DOUBLE_EQ(b.failureRate, 0.0);
  EXPECT_TRUE(b.poisonKeys.empty());
  EXPECT_EQ(b.retry.maxAttempts, 1);
  EXPECT_FALSE(b.deadLetter.has_value());
  EXPECT_FALSE(b.idempotent);
  EXPECT_TRUE(b.acceptsSchema.empty());
  EXPECT_TRUE(b.emits.empty());
  EXPECT_FALSE(b.autoscale.has_value());
}

TEST(ScenarioReaderTest, RetryAndAutoscaleDefaultsApplyWhenPresent) {
  const Scenario s = parseOk(R"(eventscope: 1
topics: [{name: t}]
services:
  - {name: a, subscribes: t, retry: {}, autoscale: {max: 4}}
  - {name: b, subscribes: t, retry: {backoff: 1m}}
)");
  ASSERT_EQ(s.services.size(), 2u);
  const RetrySpec& retry = s.services[0].retry;
  EXPECT_EQ(retry.maxAttempts, 3);
  EXPECT_EQ(retry.backoff, 100 * kMillisecond);
  EXPECT_DOUBLE_EQ(retry.multiplier, 2.0);
  EXPECT_EQ(retry.maxBackoff, 30 * kSecond);
  ASSERT_TRUE(s.services[0].autoscale.has_value());
  EXPECT_EQ(s.services[0].autoscale->min, 1);
  EXPECT_EQ(s.services[0].autoscale->max, 4);
  EXPECT_DOUBLE_EQ(s.services[0].autoscale->targetBacklog, 100.0);
  EXPECT_EQ(s.services[0].autoscale->checkEvery, kSecond);
  // A backoff longer than the default cap raises the cap instead of contradicting it.
  EXPECT_EQ(s.services[1].retry.backoff, kMinute);
  EXPECT_EQ(s.services[1].retry.maxBackoff, kMinute);
}

TEST(ScenarioReaderTest, NameDefaultsToTheFileStem) {
  EXPECT_EQ(parseOk("eventscope: 1\n", "/a/b/orders.v2.yaml").name, "orders.v2");
  EXPECT_EQ(parseOk("eventscope: 1\n", "").name, "scenario");
}

TEST(ScenarioReaderTest, AcceptsByteOrderMarkAndCrlf) {
  const Scenario s = parseOk(
      "\xEF\xBB\xBF"
      "eventscope: 1\r\ntopics:\r\n  - name: t\r\n");
  ASSERT_EQ(s.topics.size(), 1u);
  EXPECT_EQ(s.topics[0].pos.line, 3);
  EXPECT_EQ(s.topics[0].pos.column, 11);
}

TEST(ScenarioReaderTest, ColumnsCountCharactersNotBytes) {
  const ScenarioReadResult result = parseScenario(
      "eventscope: 1\ntopics:\n  - {name: \xC3\xA9t\xC3\xA9, partitions: x}\n", "u.yaml");
  // Byte column would be 31: each é is two bytes.
  EXPECT_TRUE(hasOnlyError(result, 3, 29, "'partitions' must be an integer from 1 to 4096"));
}

TEST(ScenarioReaderTest, ReadsFilesAndReportsUnreadableOnes) {
  const ScenarioReadResult ok = readScenarioFile(fixturePath("scenarios/design_example.yaml"));
  EXPECT_TRUE(ok.ok()) << listErrors(ok);

  const std::string missing = fixturePath("scenarios/no-such-file.yaml");
  const ScenarioReadResult gone = readScenarioFile(missing);
  ASSERT_EQ(gone.errors.size(), 1u);
  EXPECT_EQ(gone.errors[0].line, 0);
  EXPECT_EQ(gone.errors[0].file, missing);
  EXPECT_EQ(gone.errors[0].format(),
            missing + ": error: cannot open the file: No such file or directory");

  const ScenarioReadResult directory = readScenarioFile(fixturePath("scenarios"));
  ASSERT_EQ(directory.errors.size(), 1u);
  EXPECT_EQ(directory.errors[0].line, 0);
  EXPECT_NE(directory.errors[0].message.find("is a directory"), std::string::npos);
}

}  // namespace
}  // namespace eventscope::core
