#include "core/io/scenario_writer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/io/reader_expectations.h"
#include "core/io/scenario_reader.h"
#include "core/model/scenario_validation.h"
#include "support/demo_scenarios.h"
#include "support/random_scenario.h"
#include "support/scenario_comparison.h"

// The scenario writer: what it writes reads back as the same scenario, and writing that again
// gives the same text.
namespace eventscope::core {
namespace {

using test_support::listErrors;

// Checks the writer's guarantee for `scenario` and returns the text.
std::string expectRoundTrip(const Scenario& scenario) {
  const std::string text = writeScenario(scenario);
  const ScenarioReadResult read = parseScenario(text, "written.yaml");
  EXPECT_TRUE(read.ok()) << listErrors(read) << "in:\n" << text;
  if (!read.ok()) {
    return text;
  }
  {
    SCOPED_TRACE("read back:\n" + text);
    testing::expectSameScenario(scenario, *read.scenario);
  }
  EXPECT_EQ(writeScenario(*read.scenario), text);
  return text;
}

// A small valid scenario to vary one field at a time.
Scenario minimal() {
  Scenario s;
  s.name = "minimal";
  s.topics.push_back({.name = "orders"});
  ProducerSpec producer;
  producer.name = "checkout";
  producer.topic = "orders";
  producer.event = "OrderPlaced";
  s.producers.push_back(producer);
  ServiceSpec service;
  service.name = "billing";
  service.subscribes = {"orders"};
  s.services.push_back(service);
  return s;
}

// Random scenarios also hold combinations the engine runs but a file cannot say (the reader
// refuses them as mistakes); this is the same scenario as a file would have to state it.
Scenario asAFileWouldSayIt(Scenario s) {
  for (ProducerSpec& producer : s.producers) {
    if (producer.keys.kind == KeySpace::Kind::Uniform) {
      producer.keys.exponent = 1.0;  // only Zipf keys have an exponent to write
    }
  }
  for (ServiceSpec& service : s.services) {
    if (service.delivery == DeliveryMode::Partitioned) {
      service.prefetch = 1;  // "'prefetch' applies to shared delivery only"
    }
    service.retry.maxBackoff = std::max(service.retry.maxBackoff, service.retry.backoff);
    if (service.autoscale) {
      service.instances =
          std::clamp(service.instances, service.autoscale->min, service.autoscale->max);
    }
  }
  for (TopicSpec& topic : s.topics) {
    const bool read = std::any_of(s.services.begin(), s.services.end(), [&](const auto& service) {
      return service.subscribes.front() == topic.name;
    });
    if (topic.capacity && topic.overflow == Overflow::Block && !read) {
      topic.overflow = Overflow::DropNewest;  // "its publishers would wait for ever"
    }
  }
  for (FaultSpec& fault : s.faults) {
    if (fault.kind == FaultSpec::Kind::Crash) {
      // "'crash' takes down 3 instances but service 's0' has 2"
      fault.instances = std::min(fault.instances, s.findService(fault.target)->instances);
    }
    if (fault.kind == FaultSpec::Kind::Inject) {
      fault.target = fault.inject.topic;  // the reader names the inject's topic as its target
      fault.duration.reset();             // "an 'inject' happens once"
    }
  }
  return s;
}

TEST(ScenarioWriterTest, WritesTheOrderPipelineTheWayAPersonWould) {
  const std::string text = writeScenario(testing::demoScenario("order-pipeline.yaml"));
  EXPECT_EQ(text, R"(eventscope: 1
name: Order pipeline
seed: 42
duration: 1m
warmup: 5s

topics:
  - name: orders
    partitions: 4
    capacity: 5000
    overflow: block
  - name: payments
    partitions: 2
  - name: shipments
  - name: orders.dlq

producers:
  - name: checkout
    topic: orders
    event: OrderPlaced
    rate: 200/s
    keys: 1000
    payload: {amount: 42.5, currency: EUR}

services:
  - name: billing
    subscribes: orders
    delivery: shared
    instances: 3
    service_time: {lognormal: {mean: 8ms, stddev: 4ms}}
    failure_rate: 0.02
    poison_keys: [k13]
    retry: {max_attempts: 4, backoff: 50ms, max_backoff: 1s}
    dead_letter: orders.dlq
    idempotent: true
    accepts_schema: [1]
    emits:
      - {topic: payments, event: PaymentCaptured}

  - name: inventory
    subscribes: orders
    delivery: partitioned
    instances: 2
    service_time: {exponential: 3ms}

  - name: notifications
    subscribes: orders
    delivery: shared
    instances: 1
    service_time: {uniform: [1ms, 5ms]}

  - name: shipping
    subscribes: payments
    delivery: partitioned
    instances: 2
    service_time: {exponential: 6ms}
    emits:
      - {topic: shipments, event: ShipmentScheduled, probability: 0.95}

  - name: analytics
    subscribes: [orders, payments, shipments]
    delivery: shared
    instances: 1
    service_time: {constant: 500us}

faults:
  - {at: 20s, crash: billing, instances: 1, for: 10s}
  - {at: 45s, inject: {topic: orders, event: OrderPlaced, key: k77, schema: 2}}
)");
}

TEST(ScenarioWriterTest, EveryDemoReadsBackTheSame) {
  int demos = 0;
  const auto directory = std::filesystem::path(EVENTSCOPE_SOURCE_DIR) / "resources/scenarios";
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    if (entry.path().extension() == ".yaml") {
      SCOPED_TRACE(entry.path().filename().string());
      expectRoundTrip(testing::demoScenario(entry.path().filename().string()));
      ++demos;
    }
  }
  EXPECT_GE(demos, 3);
}

TEST(ScenarioWriterTest, EveryTestScenarioThatParsesReadsBackTheSame) {
  int parsed = 0;
  const auto directory = std::filesystem::path(EVENTSCOPE_SOURCE_DIR) / "tests/core/io/scenarios";
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    const ScenarioReadResult read = readScenarioFile(entry.path().string());
    if (!read.ok()) {
      continue;
    }
    SCOPED_TRACE(entry.path().filename().string());
    expectRoundTrip(*read.scenario);
    ++parsed;
  }
  EXPECT_GE(parsed, 1);
}

TEST(ScenarioWriterTest, RandomScenariosReadBackTheSame) {
  for (std::uint64_t seed = 1; seed <= 400; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    Scenario s = asAFileWouldSayIt(testing::randomScenario(seed));
    // Random positions on the canvas, as the GUI would save them.
    for (std::size_t i = 0; i < s.services.size(); ++i) {
      s.layout.push_back({s.services[i].name, static_cast<double>(seed) / 7.0 * i, -1.25 * i});
    }
    const Diagnostics problems = validateScenario(s, "random.yaml");
    ASSERT_TRUE(problems.empty()) << problems.front().format();
    expectRoundTrip(s);
    if (::testing::Test::HasFailure()) {
      break;  // one seed's report is enough to debug; hundreds would bury it
    }
  }
}

TEST(ScenarioWriterTest, DurationsUseTheLargestWholeUnit) {
  const std::vector<std::pair<SimTime, std::string>> cases{{250 * kMicrosecond, "250us"},
                                                           {10 * kMillisecond, "10ms"},
                                                           {2 * kSecond, "2s"},
                                                           {5 * kMinute, "5m"},
                                                           {kHour, "1h"},
                                                           {1500 * kMillisecond, "1500ms"},
                                                           {90 * kSecond, "90s"},
                                                           {2500 * kMicrosecond, "2500us"},
                                                           {7, "7ns"},
                                                           {1'000'001, "1000001ns"}};
  for (const auto& [duration, text] : cases) {
    Scenario s = minimal();
    s.duration = duration + kHour;  // the warmup must stay shorter than the run
    s.warmup = duration;
    const std::string written = expectRoundTrip(s);
    EXPECT_NE(written.find("\nwarmup: " + text + "\n"), std::string::npos) << written;
  }
}

TEST(ScenarioWriterTest, RatesReadBackExactlyInThePlainestUnit) {
  const std::vector<std::pair<double, std::string>> cases{
      {800, "800/s"},        {0.5, "0.5/s"},      {1.0 / 60, "1/m"},
      {5.0 / 3600, "5/h"},   {2.5, "2.5/s"},      {1234.5678, "1234.5678/s"},
      {1e8, "100000000/s"},  {1.0 / 3600, "1/h"}, {1e-9, "1e-09/s"},
      {100.0 / 3, "2000/m"}, {1.5, "1.5/s"}};
  for (const auto& [rate, text] : cases) {
    Scenario s = minimal();
    s.producers[0].ratePerSecond = rate;
    const std::string written = expectRoundTrip(s);
    EXPECT_NE(written.find("\n    rate: " + text + "\n"), std::string::npos) << written;
  }
}

TEST(ScenarioWriterTest, QuotesStringsYamlWouldMisread) {
  const std::vector<std::string> plain{
      "orders", "orders.dlq",      "Order pipeline", "core-banking", "a_b/c (v2)",
      "k13",    "Zahlungsprüfung", "Über ✓",         "注文",         "\U0001F600 ok"};
  std::vector<std::string> quoted;
  // Empty, or spaces YAML would trim.
  for (const char* text : {"", " x", "x ", "a\tb", "a\nb"}) {
    quoted.push_back(text);
  }
  // Booleans and null in YAML 1.1 or 1.2.
  for (const char* text : {"yes", "No", "ON", "off", "y", "null", "Null", "~", "true"}) {
    quoted.push_back(text);
  }
  // Numbers, or what starts like one.
  for (const char* text : {"123", "1.5", "-1", ".inf", ".NaN", "0x1F", "1e3", "+1"}) {
    quoted.push_back(text);
  }
  // Indicators at the start, or `: `, `#` and flow punctuation inside.
  for (const char* text :
       {"a: b", "a:b", "#x", "a #b", "- x", "-", "[x]", "{x}",    "a,b", "!tag", "&a",
        "*a",   "%x",  "@x", "`x",   "|",   ">", "'q'", "\"dq\"", "?",   "\\"}) {
    quoted.push_back(text);
  }
  // Characters other YAML readers take as line breaks, a byte order mark, controls.
  for (const char* text : {"\u2028", "x\u2029", "\u00a0x", "x\u0085", "\uFEFFbom", "\x7f"}) {
    quoted.push_back(text);
  }
  for (const std::string& key : plain) {
    Scenario s = minimal();
    s.services[0].poisonKeys = {key};
    EXPECT_NE(expectRoundTrip(s).find("poison_keys: [" + key + "]"), std::string::npos) << key;
  }
  for (const std::string& key : quoted) {
    SCOPED_TRACE("key '" + key + "'");
    Scenario s = minimal();
    s.services[0].poisonKeys = {key, "k1"};
    FaultSpec inject;
    inject.kind = FaultSpec::Kind::Inject;
    inject.target = "orders";
    inject.inject = {.topic = "orders", .event = "OrderPlaced", .key = key};
    s.faults.push_back(inject);
    s.producers[0].payload = nlohmann::json{{key, key}, {"list", {key}}}.dump();
    EXPECT_NE(expectRoundTrip(s).find("poison_keys: [\""), std::string::npos);
  }
}

TEST(ScenarioWriterTest, NamesThatNeedQuotesReadBackTheSame) {
  // Names are one line without control characters; anything else may need quoting.
  for (const std::string name : {"yes", "123", "a: b", "#1", " lead", "trail ", "[x]", "Ünï ✓"}) {
    SCOPED_TRACE("name '" + name + "'");
    Scenario s = minimal();
    s.name = name;
    s.topics[0].name = name;
    s.producers[0].topic = name;
    s.services[0].subscribes = {name};
    s.services[0].name = "svc " + name;
    s.layout.push_back({name, 1, 2});
    expectRoundTrip(s);
  }
}

TEST(ScenarioWriterTest, PayloadsReadBackAsTheSameJson) {
  const std::vector<std::string> payloads{
      R"({"amount":42.5,"currency":"EUR"})",
      R"({"a":{"b":{"c":[1,2,{"d":null}]}},"e":[]})",
      R"({"big":18446744073709551615,"float":1.0,"huge":1e+20,"neg":-7,"small":1e-07,"zero":-0.0})",
      R"({"flags":[true,false,null],"quoted":["true","null","12","1.5","",".inf"]})",
      R"({"":"empty key","12":"number key","a: b":"colon","null":"null key"})",
      R"({"text":"line\nbreak\ttab \"quotes\" back\\slash"})",
      R"({})",
      R"([1,"two",3.5])",
      R"("just text")",
      R"(42)",
      R"(null)",
  };
  for (const std::string& payload : payloads) {
    SCOPED_TRACE(payload);
    ASSERT_EQ(nlohmann::json::parse(payload).dump(), payload) << "not compact JSON";
    Scenario s = minimal();
    s.producers[0].payload = payload;
    s.services[0].emits.push_back({.topic = "out", .event = "Done", .payload = payload});
    s.topics.push_back({.name = "out"});
    s.services.push_back({.name = "reader", .subscribes = {"out"}});
    expectRoundTrip(s);
  }
  Scenario s = minimal();
  s.producers[0].payload = R"({"amount":42.5,"currency":"EUR","tags":["a b","x"]})";
  EXPECT_NE(expectRoundTrip(s).find("payload: {amount: 42.5, currency: EUR, tags: [a b, x]}\n"),
            std::string::npos);
}

TEST(ScenarioWriterTest, LeavesOutDefaultsAndImplicitTopics) {
  Scenario s = minimal();
  s.services[0].deadLetter = "orders.dlq";
  s.topics.push_back({.name = "orders.dlq", .implicit = true});
  const std::string text = expectRoundTrip(s);
  EXPECT_EQ(text, R"(eventscope: 1
name: minimal
seed: 1
duration: 1m

topics:
  - name: orders

producers:
  - name: checkout
    topic: orders
    event: OrderPlaced
    rate: 1/s

services:
  - name: billing
    subscribes: orders
    delivery: shared
    instances: 1
    service_time: {exponential: 1ms}
    dead_letter: orders.dlq
)");
}

TEST(ScenarioWriterTest, WritesEveryOptionalField) {
  Scenario s = minimal();
  s.seed = 18446744073709551615ULL;
  s.topics[0] = {.name = "orders", .partitions = 8, .capacity = 100, .overflow = Overflow::Reject};
  ProducerSpec& p = s.producers[0];
  p.schema = 3;
  p.arrivals = Arrivals::Constant;
  p.keys = {.kind = KeySpace::Kind::Zipf, .count = 500, .exponent = 1.5};
  p.count = 1000;
  p.start = 2 * kSecond;
  p.stop = 3 * kSecond;
  ServiceSpec& billing = s.services[0];
  billing.delivery = DeliveryMode::Partitioned;
  billing.instances = 2;
  billing.serviceTime = {.kind = Distribution::Kind::Uniform, .first = 0, .second = kSecond};
  billing.ackTimeout = 30 * kSecond;
  billing.failureRate = 0.25;
  billing.retry = {.maxAttempts = 2, .backoff = kMinute, .multiplier = 1.5, .maxBackoff = kMinute};
  billing.acceptsSchema = {1, 3};
  billing.autoscale = AutoscaleSpec{.min = 1, .max = 4, .targetBacklog = 2.5, .checkEvery = 250};
  s.services.push_back({.name = "audit",
                        .subscribes = {"orders"},
                        .prefetch = 10,
                        .retry = {.maxAttempts = 1, .backoff = 5 * kMillisecond}});
  s.faults.push_back({.kind = FaultSpec::Kind::Pause, .at = kSecond, .target = "checkout"});
  s.faults.push_back({.kind = FaultSpec::Kind::Slow,
                      .at = 0,
                      .duration = kSecond,
                      .target = "billing",
                      .factor = 0.5});
  s.faults.push_back({.kind = FaultSpec::Kind::Duplicate,
                      .at = 3 * kSecond,
                      .duration = 2 * kSecond,
                      .target = "orders",
                      .fraction = 0.1});
  const std::string text = expectRoundTrip(s);
  for (const char* line :
       {"\nseed: 18446744073709551615\n", "    overflow: reject\n",
        "    keys: {zipf: 500, s: 1.5}\n", "    arrivals: constant\n",
        "    service_time: {uniform: [0s, 1s]}\n",
        "    retry: {max_attempts: 2, backoff: 1m, multiplier: 1.5}\n",
        "    retry: {max_attempts: 1, backoff: 5ms}\n",
        "    autoscale: {min: 1, max: 4, target_backlog: 2.5, check_every: 250ns}\n",
        "  - {at: 1s, pause: checkout}\n", "  - {at: 0s, slow: billing, factor: 0.5, for: 1s}\n",
        "  - {at: 3s, duplicate: {topic: orders, fraction: 0.1, for: 2s}}\n"}) {
    EXPECT_NE(text.find(line), std::string::npos) << line << "not in:\n" << text;
  }
}

TEST(ScenarioWriterTest, WritesTheLayoutTheWayTheReaderReadsIt) {
  Scenario s = minimal();
  s.layout = {{"checkout", 0, 0}, {"orders", 220, -40.5}, {"billing", 1e-3, 123456789.125}};
  const std::string text = expectRoundTrip(s);
  EXPECT_NE(text.find("\nlayout:\n  checkout: {x: 0, y: 0}\n  orders: {x: 220, y: -40.5}\n"
                      "  billing: {x: 0.001, y: 123456789.125}\n"),
            std::string::npos)
      << text;
}

}  // namespace
}  // namespace eventscope::core
