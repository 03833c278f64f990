#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/io/reader_expectations.h"
#include "core/io/scenario_reader.h"

// The reader's value forms: every spelling a field accepts and what it becomes in the model.
namespace eventscope::core {
namespace {

using test_support::parseOk;

TEST(ScenarioReaderValuesTest, ReadsEveryValueForm) {
  const Scenario s = parseOk(R"(eventscope: 1
topics:
  - {name: a, overflow: drop-newest}
  - {name: b, overflow: drop-oldest}
  - {name: c, overflow: reject, capacity: 5}
producers:
  - name: p
    topic: a
    event: E
    rate: 30/m
    arrivals: constant
    keys: {zipf: 1000, s: 1.1}
    start: 1.5s
    stop: 2m
services:
  - name: s1
    subscribes: [a, b]
    delivery: partitioned
    service_time: {constant: 0s}
    poison_keys: [13, k14, "15"]
    accepts_schema: [1, 3]
    idempotent: false
  - {name: s2, subscribes: c, service_time: {uniform: [1ms, 3ms]}}
  - {name: s3, subscribes: c, service_time: {lognormal: {mean: 2ms, stddev: 1ms}}}
  - {name: s4, subscribes: c, service_time: {exponential: 250us}, ack_timeout: 1h}
)");
  EXPECT_EQ(s.topics[0].overflow, Overflow::DropNewest);
  EXPECT_EQ(s.topics[1].overflow, Overflow::DropOldest);
  EXPECT_EQ(s.topics[2].overflow, Overflow::Reject);
  EXPECT_EQ(s.topics[2].capacity, 5u);
  const ProducerSpec& p = s.producers.at(0);
  EXPECT_DOUBLE_EQ(p.ratePerSecond, 0.5);
  EXPECT_EQ(p.arrivals, Arrivals::Constant);
  EXPECT_EQ(p.keys.kind, KeySpace::Kind::Zipf);
  EXPECT_EQ(p.keys.count, 1000u);
  EXPECT_DOUBLE_EQ(p.keys.exponent, 1.1);
  EXPECT_EQ(p.start, 1500 * kMillisecond);
  EXPECT_EQ(p.stop, 2 * kMinute);
  const ServiceSpec& s1 = s.services.at(0);
  EXPECT_EQ(s1.subscribes, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(s1.subscribesPos.size(), 2u);
  EXPECT_EQ(s1.delivery, DeliveryMode::Partitioned);
  EXPECT_EQ(s1.serviceTime.kind, Distribution::Kind::Constant);
  EXPECT_EQ(s1.serviceTime.first, 0);
  EXPECT_EQ(s1.poisonKeys, (std::vector<std::string>{"13", "k14", "15"}));
  EXPECT_EQ(s1.acceptsSchema, (std::vector<int>{1, 3}));
  const Distribution& uniform = s.services.at(1).serviceTime;
  EXPECT_EQ(uniform.kind, Distribution::Kind::Uniform);
  EXPECT_EQ(uniform.first, kMillisecond);
  EXPECT_EQ(uniform.second, 3 * kMillisecond);
  const Distribution& lognormal = s.services.at(2).serviceTime;
  EXPECT_EQ(lognormal.kind, Distribution::Kind::Lognormal);
  EXPECT_EQ(lognormal.first, 2 * kMillisecond);
  EXPECT_EQ(lognormal.second, kMillisecond);
  EXPECT_EQ(s.services.at(3).serviceTime.first, 250 * kMicrosecond);
  EXPECT_EQ(s.services.at(3).ackTimeout, kHour);
}

TEST(ScenarioReaderValuesTest, PayloadBecomesJson) {
  const Scenario s = parseOk(R"(eventscope: 1
topics: [{name: t}]
producers:
  - name: p
    topic: t
    event: E
    rate: 1/s
    payload:
      text: hello
      quoted: "42"
      int: -7
      big: 18446744073709551615
      float: 2.5e3
      yes: true
      no: FALSE
      nothing: ~
      list: [1, two, {three: 3}]
      tagged: !!str 12
)");
  const nlohmann::json expected = nlohmann::json::parse(R"({
    "text": "hello", "quoted": "42", "int": -7, "big": 18446744073709551615, "float": 2500.0,
    "yes": true, "no": false, "nothing": null, "list": [1, "two", {"three": 3}],
    "tagged": "12"})");
  EXPECT_EQ(nlohmann::json::parse(s.producers.at(0).payload), expected);
}

TEST(ScenarioReaderValuesTest, FaultsMapToFaultSpecs) {
  const Scenario s = parseOk(R"(eventscope: 1
topics: [{name: t}]
producers: [{name: p, topic: t, event: E, rate: 1/s}]
services: [{name: s, subscribes: t}]
faults:
  - {at: 0s, crash: s}
  - {at: 1s, duplicate: {topic: t, fraction: 0.5}, for: 2s}
  - at: 2s
    inject: {topic: t, event: Odd, payload: {a: [1]}}
  - {at: 2h, pause: p}
)");
  ASSERT_EQ(s.faults.size(), 4u);
  EXPECT_EQ(s.faults[0].instances, 1);
  EXPECT_FALSE(s.faults[0].duration.has_value());
  EXPECT_EQ(s.faults[1].duration, 2 * kSecond);  // `for` outside the inner map is accepted
  EXPECT_EQ(nlohmann::json::parse(s.faults[2].inject.payload),
            nlohmann::json::parse(R"({"a": [1]})"));
  EXPECT_FALSE(s.faults[2].inject.key.has_value());
  EXPECT_EQ(s.faults[2].inject.schema, 1);
  EXPECT_EQ(s.faults[3].at, 2 * kHour);  // after the end: never fires, not an error
}

TEST(ScenarioReaderValuesTest, ReadsLayout) {
  const Scenario s = parseOk(R"(eventscope: 1
topics: [{name: orders}, {name: billing}]
layout:
  orders: {x: 120, y: -40.5}
  billing: {x: 0, y: 0}
)");
  ASSERT_EQ(s.layout.size(), 2u);
  EXPECT_EQ(s.layout[0].node, "orders");
  EXPECT_DOUBLE_EQ(s.layout[0].x, 120);
  EXPECT_DOUBLE_EQ(s.layout[0].y, -40.5);
  EXPECT_EQ(s.layout[1].node, "billing");
}

TEST(ScenarioReaderValuesTest, AddsOneImplicitTopicPerUndeclaredDeadLetter) {
  const Scenario s = parseOk(R"(eventscope: 1
topics: [{name: orders}, {name: declared.dlq, partitions: 2}]
services:
  - {name: a, subscribes: orders, dead_letter: orders.dlq}
  - {name: b, subscribes: orders, dead_letter: orders.dlq}
  - {name: c, subscribes: orders, dead_letter: declared.dlq}
  - {name: inspector, subscribes: orders.dlq}
)");
  ASSERT_EQ(s.topics.size(), 3u);
  EXPECT_FALSE(s.topics[1].implicit);
  EXPECT_EQ(s.topics[1].partitions, 2);
  EXPECT_EQ(s.topics[2].name, "orders.dlq");
  EXPECT_TRUE(s.topics[2].implicit);
  EXPECT_EQ(s.topics[2].pos.line, 4);
  EXPECT_EQ(s.topics[2].pos.column, 48);
}

}  // namespace
}  // namespace eventscope::core
