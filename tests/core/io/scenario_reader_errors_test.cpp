#include <gtest/gtest.h>

#include "core/io/reader_expectations.h"
#include "core/io/scenario_reader.h"

// The reader's errors for the top level and each section, with exact positions.
namespace eventscope::core {
namespace {

using test_support::hasError;
using test_support::hasOnlyError;
using test_support::listErrors;

ScenarioReadResult parse(std::string_view text) {
  return parseScenario(text, "s.yaml");
}

TEST(ScenarioReaderErrorsTest, TopLevel) {
  const ScenarioReadResult r = parse(R"(eventscope: 1
name: ""
seed: -4
duration: 60
warmup: 5sec
sead: 3
topic: []
)");
  EXPECT_TRUE(hasError(r, 2, 7, "'name' must not be empty"));
  EXPECT_TRUE(
      hasError(r, 3, 7, "'seed' must be an integer from 0 to 18446744073709551615, got '-4'"));
  EXPECT_TRUE(hasError(r, 4, 11, "duration '60' needs a unit: 250us, 10ms, 2s, 5m or 1h"));
  EXPECT_TRUE(hasError(r, 5, 9, "'warmup': unknown unit 'sec' in duration '5sec'"));
  EXPECT_TRUE(hasError(r, 6, 1, "unknown key 'sead'; did you mean 'seed'?"));
  EXPECT_TRUE(hasError(r, 7, 1, "unknown key 'topic'; did you mean 'topics'?"));
  EXPECT_EQ(r.errors.size(), 6u) << listErrors(r);
  EXPECT_FALSE(r.scenario.has_value());
}

TEST(ScenarioReaderErrorsTest, FormatVersion) {
  EXPECT_TRUE(hasOnlyError(parse("name: x\n"), 1, 1, "missing required key 'eventscope'"));
  // Another version may have other keys: nothing else is reported.
  EXPECT_TRUE(hasOnlyError(parse("eventscope: 2\nfoo: 1\n"), 1, 13,
                           "unsupported format version 2; this build reads format 1"));
  EXPECT_TRUE(hasOnlyError(parse("eventscope: one\n"), 1, 13,
                           "'eventscope' must be the format version 1, got 'one'"));
  EXPECT_TRUE(hasOnlyError(parse("eventscope:\n"), 1, 1,
                           "'eventscope' must be the format version 1, got nothing"));
  EXPECT_TRUE(parse("eventscope: \"1\"\n").ok());
  EXPECT_TRUE(parse("eventscope: 01\n").ok());
  EXPECT_TRUE(hasOnlyError(parse("eventscope: 1.0\n"), 1, 13,
                           "'eventscope' must be the format version 1, got '1.0'"));
}

TEST(ScenarioReaderErrorsTest, EmptyDocuments) {
  EXPECT_TRUE(hasOnlyError(parse(""), 1, 1, "the file is empty; a scenario starts with"));
  EXPECT_TRUE(hasOnlyError(parse("# x\n"), 1, 1, "the file holds only comments"));
  EXPECT_TRUE(hasOnlyError(parse("---\n"), 1, 1, "the scenario is empty"));
  EXPECT_TRUE(hasOnlyError(parse("~\n"), 1, 1, "the scenario is empty"));
}

TEST(ScenarioReaderErrorsTest, DurationsAndWarmup) {
  EXPECT_TRUE(hasOnlyError(parse("eventscope: 1\nduration: 0s\n"), 2, 11,
                           "'duration' must be longer than 0s"));
  EXPECT_TRUE(hasOnlyError(parse("eventscope: 1\nduration: 10s\nwarmup: 10s\n"), 3, 9,
                           "'warmup' (10s) must be shorter than 'duration' (10s)"));
  EXPECT_TRUE(hasOnlyError(parse("eventscope: 1\nwarmup: 2m\n"), 2, 9,
                           "'warmup' (2m) must be shorter than 'duration' (1m)"));
  EXPECT_TRUE(hasOnlyError(parse("eventscope: 1\nduration: -1s\n"), 2, 11,
                           "duration cannot be negative: '-1s'"));
}

TEST(ScenarioReaderErrorsTest, Topics) {
  const ScenarioReadResult r = parse(R"(eventscope: 1
topics:
  - name: orders
    partitions: four
    capacity: 0
    overflow: drop_newest
    overflw: block
  - partitions: 99999999999999999999
  - name: [a]
  - just-a-name
  - {name: big, partitions: 1e400, capacity: 1.5}
)");
  EXPECT_TRUE(hasError(r, 4, 17, "'partitions' must be an integer from 1 to 4096, got 'four'"));
  EXPECT_TRUE(hasError(r, 5, 15, "'capacity' must be an integer from 1 to 1000000000, got '0'"));
  EXPECT_TRUE(hasError(r, 6, 15,
                       "'overflow' must be block, drop-newest, drop-oldest or reject, got "
                       "'drop_newest'; did you mean 'drop-newest'?"));
  EXPECT_TRUE(
      hasError(r, 7, 5, "unknown key 'overflw' in topic 'orders'; did you mean 'overflow'?"));
  EXPECT_TRUE(hasError(r, 8, 5, "topic #2 is missing required key 'name'"));
  EXPECT_TRUE(hasError(r, 8, 17,
                       "'partitions' must be an integer from 1 to 4096, got "
                       "'99999999999999999999'"));
  EXPECT_TRUE(hasError(r, 9, 11, "'name' must be a name, got a list"));
  EXPECT_TRUE(hasError(r, 10, 5,
                       "each topic must be a map like '- name: orders', got "
                       "'just-a-name'"));
  EXPECT_TRUE(hasError(r, 11, 29, "got '1e400'"));
  EXPECT_TRUE(hasError(r, 11, 46, "'capacity' must be an integer from 1 to 1000000000, got '1.5'"));
  EXPECT_EQ(r.errors.size(), 10u) << listErrors(r);
}

TEST(ScenarioReaderErrorsTest, SectionsMustBeLists) {
  const ScenarioReadResult r = parse(R"(eventscope: 1
topics: orders
producers: {name: p}
services:
faults: 3
layout: [1]
)");
  EXPECT_TRUE(hasError(r, 2, 9,
                       "'topics' must be a list of topics, each like '- name: orders', "
                       "got 'orders'"));
  EXPECT_TRUE(hasError(r, 3, 12, "'producers' must be a list of producers"));
  EXPECT_TRUE(hasError(r, 5, 9, "'faults' must be a list of faults"));
  EXPECT_TRUE(hasError(r, 6, 9,
                       "'layout' must be a map like {orders: {x: 120, y: 40}}, got a "
                       "list"));
  EXPECT_EQ(r.errors.size(), 4u) << listErrors(r);  // an empty `services:` is fine
}

TEST(ScenarioReaderErrorsTest, Producers) {
  const ScenarioReadResult r = parse(R"(eventscope: 1
topics: [{name: orders}]
producers:
  - name: checkout
    topic: orders
    rate: 0/s
    keys: {zipf: 1000, s: 0}
    start: 10s
    stop: 5s
    count: 0
    schema: 0
    arrivals: poison
    payload: {a: .inf}
  - {name: p2, topic: orders, event: E, rate: 800, keys: 0}
  - {name: p3, topic: orders, event: E, rate: 1/s, keys: {zipf: 2000000}}
  - {name: p4, topic: orders, event: E, rate: 1/s, keys: [1]}
)");
  EXPECT_TRUE(hasError(r, 4, 5, "producer 'checkout' is missing required key 'event'"));
  EXPECT_TRUE(hasError(r, 6, 11, "rate must be greater than 0, got '0/s'"));
  EXPECT_TRUE(hasError(r, 7, 27, "'s' must be a number greater than 0"));
  EXPECT_TRUE(hasError(r, 9, 11, "'stop' (5s) must be later than 'start' (10s)"));
  EXPECT_TRUE(hasError(r, 10, 12, "'count' must be an integer from 1 to 1000000000000, got '0'"));
  EXPECT_TRUE(hasError(r, 11, 13, "'schema' must be an integer from 1 to 65535, got '0'"));
  EXPECT_TRUE(hasError(r, 12, 15,
                       "'arrivals' must be poisson or constant, got 'poison'; did "
                       "you mean 'poisson'?"));
  EXPECT_TRUE(hasError(r, 13, 18, "'payload' cannot hold '.inf': JSON has no infinity or NaN"));
  EXPECT_TRUE(hasError(r, 14, 47, "rate '800' needs a unit: 800/s, 30/m or 5/h"));
  EXPECT_TRUE(hasError(r, 14, 58, "'keys' must be an integer from 1 to 1000000000, got '0'"));
  EXPECT_TRUE(hasError(r, 15, 65, "'zipf' must be an integer from 1 to 1000000, got '2000000'"));
  EXPECT_TRUE(hasError(r, 16, 58,
                       "'keys' must be a number of keys like 1000 or a map like "
                       "{zipf: 1000, s: 1.1}, got a list"));
  EXPECT_EQ(r.errors.size(), 12u) << listErrors(r);
}

TEST(ScenarioReaderErrorsTest, Services) {
  const ScenarioReadResult r = parse(R"(eventscope: 1
topics: [{name: orders}]
services:
  - name: billing
    subscribes: []
    instnces: 3
    delivery: kafka
    service_time: {uniform: [3ms, 1ms]}
    retry: {max_attempts: 0, backoff: 1s, max_backoff: 10ms}
    failure_rate: 1.5
    accepts_schema: [1, x]
    idempotent: maybe
    prefetch: 10001
    ack_timeout: 0s
    autoscale: {min: 4, max: 2}
  - {name: s2, subscribes: orders, service_time: 1ms}
  - {name: s3, subscribes: orders, service_time: {exponential: 0s}}
  - {name: s4, subscribes: orders, service_time: {constant: 1ms, uniform: [1ms, 2ms]}}
  - {name: s5, subscribes: orders, service_time: {lognormal: {mean: 2ms}}}
  - {name: s6, subscribes: orders, autoscale: {min: 2}, retry: 5}
)");
  EXPECT_TRUE(hasError(r, 5, 17, "'subscribes' must name at least one topic"));
  EXPECT_TRUE(hasError(r, 6, 5,
                       "unknown key 'instnces' in service 'billing'; did you mean "
                       "'instances'?"));
  EXPECT_TRUE(hasError(r, 7, 15, "'delivery' must be shared or partitioned, got 'kafka'"));
  EXPECT_TRUE(hasError(r, 8, 30, "'uniform' low end (3ms) must not be above its high end (1ms)"));
  EXPECT_TRUE(hasError(r, 9, 27, "'max_attempts' must be an integer from 1 to 1000, got '0'"));
  EXPECT_TRUE(hasError(r, 9, 56, "'max_backoff' (10ms) must not be shorter than 'backoff' (1s)"));
  EXPECT_TRUE(hasError(r, 10, 19, "'failure_rate' must be a number from 0 to 1, got '1.5'"));
  EXPECT_TRUE(hasError(r, 11, 25,
                       "each entry of 'accepts_schema' must be an integer from 1 to "
                       "65535, got 'x'"));
  EXPECT_TRUE(hasError(r, 12, 17, "'idempotent' must be true or false, got 'maybe'"));
  EXPECT_TRUE(hasError(r, 13, 15, "'prefetch' must be an integer from 1 to 10000, got '10001'"));
  EXPECT_TRUE(hasError(r, 14, 18, "'ack_timeout' must be longer than 0s"));
  EXPECT_TRUE(hasError(r, 15, 30, "'autoscale' max (2) must not be below its min (4)"));
  EXPECT_TRUE(hasError(r, 16, 50, "'service_time' must be a distribution: {exponential: 1ms}"));
  EXPECT_TRUE(hasError(r, 17, 64, "'exponential' must be longer than 0s"));
  EXPECT_TRUE(hasError(r, 18, 66,
                       "'service_time' takes one distribution, got 'constant' and "
                       "'uniform'"));
  EXPECT_TRUE(hasError(r, 19, 62, "'lognormal' is missing required key 'stddev'"));
  EXPECT_TRUE(hasError(r, 20, 47, "'autoscale' is missing required key 'max'"));
  EXPECT_TRUE(hasError(r, 20, 64, "'retry' must be a map like {max_attempts: 5"));
  EXPECT_EQ(r.errors.size(), 18u) << listErrors(r);
}

TEST(ScenarioReaderErrorsTest, Emits) {
  const ScenarioReadResult r = parse(R"(eventscope: 1
topics: [{name: orders}, {name: invoices}]
services:
  - name: billing
    subscribes: orders
    emits:
      - {topic: invoices, event: InvoiceCreated, probability: 2}
      - {topic: invoices}
      - {topic: invoices, event: E, schema: 0, delay: 1s}
      - invoices
)");
  EXPECT_TRUE(hasError(r, 7, 63, "'probability' must be a number from 0 to 1, got '2'"));
  EXPECT_TRUE(hasError(r, 8, 9, "emit #2 of service 'billing' is missing required key 'event'"));
  EXPECT_TRUE(hasError(r, 9, 45, "'schema' must be an integer from 1 to 65535, got '0'"));
  EXPECT_TRUE(hasError(r, 9, 48, "unknown key 'delay' in emit #3 of service 'billing'"));
  EXPECT_TRUE(hasError(r, 10, 9,
                       "each entry of 'emits' must be a map like {topic: invoices, "
                       "event: InvoiceCreated}, got 'invoices'"));
  EXPECT_EQ(r.errors.size(), 5u) << listErrors(r);
}

TEST(ScenarioReaderErrorsTest, Faults) {
  const ScenarioReadResult r = parse(R"(eventscope: 1
topics: [{name: orders}]
producers: [{name: checkout, topic: orders, event: E, rate: 1/s}]
services: [{name: billing, subscribes: orders}]
faults:
  - {at: 40s, slow: billing, for: 10s}
  - {at: 45s, inject: {topic: orders, event: X}, for: 3s}
  - {at: 50s, duplicate: {topic: orders, fraction: 0.1, for: 5s}, for: 2s}
  - {at: 50s}
  - {at: 50s, crash: billing, pause: checkout}
  - {crash: billing, factor: 2, instances: 0}
  - {at: 1s, slow: billing, factor: 0}
  - {at: 1s, duplicate: {topic: orders}, fr: 1s}
  - {at: 1s, inject: orders}
  - {at: -1s, pause: checkout, for: 0s}
)");
  EXPECT_TRUE(hasError(r, 6, 5, "'slow' fault #1 is missing required key 'factor'"));
  EXPECT_TRUE(hasError(r, 7, 50,
                       "'for' does not apply to 'inject' faults; an 'inject' happens "
                       "once"));
  EXPECT_TRUE(hasError(r, 8, 57, "'for' is given both inside and outside 'duplicate'; keep one"));
  EXPECT_TRUE(hasError(r, 9, 5,
                       "fault #4 needs an action: one of crash, pause, slow, inject or "
                       "duplicate"));
  EXPECT_TRUE(hasError(r, 10, 31,
                       "fault #5 has two actions, 'crash' and 'pause'; write one "
                       "fault for each"));
  EXPECT_TRUE(hasError(r, 11, 5, "fault #6 is missing required key 'at'"));
  EXPECT_TRUE(hasError(r, 11, 22, "'factor' does not apply to 'crash' faults"));
  EXPECT_TRUE(hasError(r, 11, 44, "'instances' must be an integer from 1 to 4096, got '0'"));
  EXPECT_TRUE(hasError(r, 12, 37,
                       "'factor' must be a number greater than 0 and at most 1000000, "
                       "got '0'"));
  EXPECT_TRUE(hasError(r, 13, 25, "'duplicate' is missing required key 'fraction'"));
  EXPECT_TRUE(hasError(r, 13, 42, "unknown key 'fr' in fault #8; did you mean 'for'?"));
  EXPECT_TRUE(hasError(r, 14, 22,
                       "'inject' must be a map like {topic: orders, event: "
                       "OrderPlaced, key: k13, schema: 2}, got 'orders'"));
  EXPECT_TRUE(hasError(r, 15, 10, "duration cannot be negative: '-1s'"));
  EXPECT_TRUE(hasError(r, 15, 37, "'for' must be longer than 0s"));
  EXPECT_EQ(r.errors.size(), 14u) << listErrors(r);
}

TEST(ScenarioReaderErrorsTest, Layout) {
  const ScenarioReadResult r = parse(R"(eventscope: 1
layout:
  orders: {x: 1}
  billing: {x: 1, y: inf, z: 3}
  other: 5
)");
  EXPECT_TRUE(hasError(r, 3, 11, "layout of 'orders' is missing required key 'y'"));
  EXPECT_TRUE(hasError(r, 4, 22,
                       "'y' must be a number from -1000000000 to 1000000000, got "
                       "'inf'"));
  EXPECT_TRUE(hasError(r, 4, 27, "unknown key 'z' in layout of 'billing'"));
  EXPECT_TRUE(hasError(r, 5, 10, "layout of 'other' must be a map like {x: 120, y: 40}, got '5'"));
  EXPECT_TRUE(hasError(r, 3, 3, "layout places unknown node 'orders'"));  // nothing is declared
  EXPECT_EQ(r.errors.size(), 6u) << listErrors(r);
}

TEST(ScenarioReaderErrorsTest, SettingsThatWouldNotApply) {
  const ScenarioReadResult r = parse(R"(eventscope: 1
topics: [{name: orders}]
services:
  - name: ledger
    subscribes: orders
    delivery: partitioned
    prefetch: 5
    instances: 10
    autoscale: {max: 4}
  - {name: mail, subscribes: orders, instances: 2}
faults:
  - {at: 1s, crash: mail, instances: 3}
layout:
  ordres: {x: 1, y: 2}
  orders.dlq: {x: 1, y: 2}
)");
  EXPECT_TRUE(hasError(r, 7, 15, "'prefetch' applies to shared delivery only"));
  EXPECT_TRUE(hasError(r, 8, 16, "'instances' (10) is outside autoscale's range 1..4"));
  EXPECT_TRUE(hasError(r, 12, 21, "'crash' takes down 3 instances but service 'mail' has 2"));
  EXPECT_TRUE(hasError(r, 14, 3, "layout places unknown node 'ordres'; did you mean 'orders'?"));
  EXPECT_TRUE(hasError(r, 15, 3, "layout places unknown node 'orders.dlq'"));
  EXPECT_EQ(r.errors.size(), 5u) << listErrors(r);
}

TEST(ScenarioReaderErrorsTest, DuplicateKeysEverywhere) {
  const ScenarioReadResult r = parse(R"(eventscope: 1
seed: 1
topics:
  - name: orders
    partitions: 4
    partitions: 5
producers:
  - {name: p, topic: orders, event: E, rate: 1/s, rate: 2/s, payload: {a: 1, a: 2}}
seed: 2
)");
  EXPECT_TRUE(hasError(r, 6, 5, "duplicate key 'partitions' (first at line 5); remove one"));
  EXPECT_TRUE(hasError(r, 8, 51, "duplicate key 'rate' (first at column 40)"));
  EXPECT_TRUE(hasError(r, 8, 78, "duplicate key 'a' in 'payload'"));
  EXPECT_TRUE(hasError(r, 9, 1, "duplicate key 'seed' (first at line 2)"));
  EXPECT_EQ(r.errors.size(), 4u) << listErrors(r);
}

TEST(ScenarioReaderErrorsTest, ReportsEverythingAtOnceSortedByPosition) {
  // The reader visits the top-level keys in its own order (seed before topics); the output
  // still follows the file.
  const ScenarioReadResult r = parse(R"(eventscope: 1
topics:
  - {name: orders, partitions: 0}
producers:
  - {name: p, topic: ordrs, event: E, rate: 1/s}
seed: x
services:
  - {name: s, subscribes: orders, instances: -3}
)");
  ASSERT_EQ(r.errors.size(), 4u) << listErrors(r);
  EXPECT_EQ(r.errors[0].line, 3);
  EXPECT_EQ(r.errors[1].line, 5);
  EXPECT_EQ(r.errors[1].message,
            "producer 'p' publishes to unknown topic 'ordrs'; did you mean "
            "'orders'?");
  EXPECT_EQ(r.errors[2].line, 6);
  EXPECT_EQ(r.errors[3].line, 8);
  EXPECT_EQ(r.errors[3].format(),
            "s.yaml:8:46: error: 'instances' must be an integer from 1 to "
            "4096, got '-3'");
}

TEST(ScenarioReaderErrorsTest, OneMistakeGivesOneError) {
  // A topic whose name is unreadable is not reported again through everything that uses it.
  const ScenarioReadResult r = parse(R"(eventscope: 1
topics: [{nme: orders}]
producers: [{name: p, topic: orders, event: E, rate: 1/s}]
)");
  // The misspelt `name:` gets a hint, and no second "missing 'name'" error.
  EXPECT_TRUE(hasOnlyError(r, 2, 11, "unknown key 'nme' in topic #1; did you mean 'name'?"));
  EXPECT_TRUE(hasOnlyError(parse("eventscop: 1\n"), 1, 1,
                           "unknown key 'eventscop'; did you mean 'eventscope'?"));
  EXPECT_TRUE(hasOnlyError(parse("eventscope: 1\nservices: [{name: s, subscribes: t}]\n"
                                 "topics: [{name: t}]\nfaults: [{at: 1s, crsh: s}]\n"),
                           4, 19, "unknown key 'crsh' in fault #1; did you mean 'crash'?"));
  EXPECT_TRUE(hasOnlyError(parse("eventscope: 1\ntopics: [{name: t}]\n"
                                 "producers: [{name: p, tpic: t, event: E, rate: 1/s}]\n"),
                           3, 23, "unknown key 'tpic' in producer 'p'; did you mean 'topic'?"));
  // A broken producer is reported once, not again by the checks of the whole model.
  EXPECT_TRUE(hasOnlyError(parse("eventscope: 1\nproducers: [{topic: t, event: E, rate: 1/s}]\n"
                                 "topics: [{name: t}]\n"),
                           2, 13, "producer #1 is missing required key 'name'"));
}

TEST(ScenarioReaderErrorsTest, CapsTheNumberOfErrorsShown) {
  std::string text = "eventscope: 1\ntopics:\n";
  for (int i = 0; i < 150; ++i) {
    text += "  - {name: t" + std::to_string(i) + ", partitions: 0}\n";
  }
  const ScenarioReadResult r = parse(text);
  ASSERT_EQ(r.errors.size(), 101u);
  EXPECT_EQ(r.errors[100].message, "50 more errors not shown; fix the ones above first");
  EXPECT_EQ(r.errors[100].line, 103);
}

}  // namespace
}  // namespace eventscope::core
