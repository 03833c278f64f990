#include "core/io/cloudevents_import.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "core/store/recording.h"
#include "support/exchange_files.h"
#include "support/record_scenario.h"

namespace eventscope::core {
namespace {

const std::string kGood =
    R"({"specversion":"1.0","id":"a-1","source":"/shop","type":"OrderPlaced","time":"2026-11-26T10:00:00Z","partitionkey":"vip-7","data":{"amount":3}})";

struct ImportCase {
  std::string name, content;
  int line, column;
  std::string expected;
};

std::vector<ImportCase> brokenInputs() {
  const std::string good = kGood;
  auto without = [&](const std::string& attribute) {
    std::string text = good;
    const auto at = text.find("\"" + attribute + "\"");
    const auto comma = text.find(',', at);
    return text.erase(at, comma - at + 1);
  };
  // The good event with one attribute set to a raw JSON value (added or replaced).
  auto with = [&](const std::string& attribute, const std::string& value) {
    auto event = nlohmann::ordered_json::parse(good);
    event[attribute] = nlohmann::ordered_json::parse(value);
    return event.dump();
  };
  return {
      {"empty", "", 1, 1, "holds no events"},
      {"blank", "\n\n  \n", 1, 1, "holds no events"},
      {"empty-batch", "[]", 1, 1, "holds no events"},
      {"no-specversion", without("specversion"), 1, 1, "missing required attribute 'specversion'"},
      {"no-id", without("id"), 1, 1, "missing required attribute 'id'"},
      {"no-source", without("source"), 1, 1, "missing required attribute 'source'"},
      {"no-type", without("type"), 1, 1, "missing required attribute 'type'"},
      {"third-line-no-type", good + "\n" + good + "\n" + without("type"), 3, 1, "'type'"},
      {"indented-line", good + "\n    " + without("id"), 2, 5, "'id'"},
      {"old-specversion", "{\"specversion\":\"0.3\"," + good.substr(good.find("\"id\"")), 1, 1,
       "CloudEvents 1.0"},
      {"numeric-specversion", "{\"specversion\":1.0," + good.substr(good.find("\"id\"")), 1, 1,
       "'specversion' must be a string"},
      {"empty-id", std::string(good).replace(good.find("\"a-1\""), 5, "\"\""), 1, 1,
       "'id' must not be empty"},
      {"object-type", with("type", "{}"), 1, 1, "'type' must be a string"},
      {"bad-time", with("time", "\"yesterday\""), 1, 1, "not an RFC 3339 timestamp"},
      {"time-without-zone", with("time", "\"2026-11-26T10:00:00\""), 1, 1, "RFC 3339"},
      {"month-13", with("time", "\"2026-13-26T10:00:00Z\""), 1, 1, "RFC 3339"},
      {"negative-partition", with("eventscopepartition", "-1"), 1, 1, "'eventscopepartition'"},
      {"huge-partition", with("eventscopepartition", "99999"), 1, 1, "'eventscopepartition'"},
      {"text-schema", with("schemaversion", "\"two\""), 1, 1, "'schemaversion'"},
      {"array-key", with("partitionkey", "[1]"), 1, 1, "'partitionkey' must be a string"},
      {"object-correlation", with("correlationid", "{}"), 1, 1, "'correlationid' must be a string"},
      {"bool-traceparent", with("traceparent", "true"), 1, 1, "'traceparent' must be a string"},
      {"not-an-object", "[1, 2]", 1, 2, "must be a JSON object"},
      {"string-line", "\"hello\"", 1, 1, "must be a JSON object"},
      // JSON errors point at the character where the text stops making sense.
      {"truncated-line", good.substr(0, 40), 1, 41, "not valid JSON"},
      {"truncated-second-line", good + "\n" + good.substr(0, 60), 2, 61, "not valid JSON"},
      {"trailing-garbage", good + " xyz", 1, static_cast<int>(good.size()) + 2, "not valid JSON"},
      {"unclosed-batch", "[" + good, 1, 1, "never closed"},
      {"batch-missing-comma", "[" + good + "\n" + good + "]", 2, 1, "expected ',' or ']'"},
      {"batch-bad-element", "[\n  " + good + ",\n  " + without("source") + "\n]", 3, 3, "'source'"},
      {"binary", std::string("\x00\x01\x02\xff", 4), 1, 1, "not valid JSON"},
      {"yaml", "specversion: '1.0'\nid: x\n", 1, 1, "not valid JSON"},
      {"unclosed-string", "{\"specversion\":\"1.0", 1, 20, "not valid JSON"},
  };
}

TEST(CloudEventsImportTest, EveryBrokenInputIsReportedWithItsLine) {
  testing::TempDir dir;
  const auto cases = brokenInputs();
  ASSERT_GE(cases.size(), 30u);
  for (const ImportCase& c : cases) {
    const std::string input = dir.file(c.name + ".jsonl");
    std::ofstream(input, std::ios::binary) << c.content;
    const std::string output = dir.file(c.name + ".evrec");
    const ImportResult result = importCloudEvents(input, output);
    ASSERT_FALSE(result.ok()) << c.name << " was accepted";
    const Diagnostic& d = result.errors.front();
    EXPECT_EQ(d.file, input) << c.name;
    if (c.line > 0) {
      EXPECT_EQ(d.line, c.line) << c.name << ": " << d.format();
      EXPECT_EQ(d.column, c.column) << c.name << ": " << d.format();
    }
    EXPECT_NE(d.message.find(c.expected), std::string::npos) << c.name << ": " << d.format();
    EXPECT_FALSE(std::filesystem::exists(output)) << c.name << ": nothing is written";
  }
}

TEST(CloudEventsImportTest, KeepsTheAttributesThatMatter) {
  testing::TempDir dir;
  const std::string input = dir.file("events.json");
  // A batch, out of time order, with a chain by correlation and causation ids.
  std::ofstream(input) << R"([
  {"specversion":"1.0","id":"pay-1","source":"/billing","type":"PaymentCaptured","time":"2026-11-26T10:00:00.250Z","correlationid":"ord-1","causationid":"ord-1","partitionkey":"c-9","traceparent":"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01","data":{"ok":true}},
  {"specversion":"1.0","id":"ord-1","source":"/shop","type":"OrderPlaced","time":"2026-11-26T10:00:00Z","partitionkey":"c-9","subject":"orders"},
  {"specversion":"1.0","id":"ord-2","source":"/shop","type":"OrderPlaced","time":"2026-11-26T10:00:01Z","subject":"orders","data_base64":"AAEC"}
])";
  const std::string output = dir.file("imported.evrec");
  const ImportResult result = importCloudEvents(input, output);
  ASSERT_TRUE(result.ok()) << result.errors.front().format();
  EXPECT_EQ(result.events, 3u);
  std::string error;
  auto recording = store::Recording::open(output, &error);
  ASSERT_NE(recording, nullptr) << error;
  store::Trace trace;
  ASSERT_TRUE(recording->trace(1, trace, &error)) << error;  // ord-1 came first in time
  ASSERT_EQ(trace.events.size(), 2u);
  EXPECT_EQ(trace.events[0].type, "OrderPlaced");
  EXPECT_EQ(trace.events[0].topic, "orders");  // subject
  EXPECT_EQ(trace.events[1].causation, 1u);
  EXPECT_EQ(trace.events[1].key, "c-9");
  EXPECT_EQ(trace.events[1].t, 250 * kMillisecond);
  EXPECT_EQ(trace.events[1].topic, "/billing");  // no subject: the source
  const auto attributes = recording->cloudEventAttributes(2);
  EXPECT_EQ(attributes.id, "pay-1");
  EXPECT_EQ(attributes.traceparent, "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
  EXPECT_EQ(attributes.correlationId, "ord-1");
  store::RecordingSummary summary;
  ASSERT_TRUE(recording->summary(summary, &error));
  EXPECT_EQ(summary.source, "import");
  EXPECT_EQ(summary.producers, (std::vector<std::string>{"/shop", "/billing"}));  // first seen
}

TEST(CloudEventsImportTest, LargeJsonLinesStreamInChunksWithTheirLineNumbers) {
  testing::TempDir dir;
  std::string text = testing::cloudEventLines(40000);
  ASSERT_GT(text.size(), std::size_t{9} << 20);  // past the first 8 MiB chunk
  std::ofstream(dir.file("good.jsonl"), std::ios::binary) << text;
  const ImportResult good = importCloudEvents(dir.file("good.jsonl"), dir.file("good.evrec"));
  ASSERT_TRUE(good.ok()) << good.errors.front().format();
  EXPECT_EQ(good.events, 40000u);
  std::string error;
  auto recording = store::Recording::open(dir.file("good.evrec"), &error);
  ASSERT_NE(recording, nullptr) << error;
  store::Trace trace;
  ASSERT_TRUE(recording->trace(39001, trace, &error)) << error;  // e-39000 starts a chain of 3
  ASSERT_EQ(trace.events.size(), 3u);
  EXPECT_EQ(trace.events[2].t, 39002 * kMillisecond);
  EXPECT_EQ(recording->cloudEventAttributes(39003).id, "e-39002");

  // One broken line far into the file: its own line number, and nothing left behind.
  const std::size_t at = text.find("\"id\":\"e-39000\"");
  text.replace(at, 4, "\"ID\"");
  std::ofstream(dir.file("broken.jsonl"), std::ios::binary) << text;
  const ImportResult broken = importCloudEvents(dir.file("broken.jsonl"), dir.file("broken.evrec"));
  ASSERT_EQ(broken.errors.size(), 1u);
  EXPECT_EQ(broken.errors[0].format(),
            dir.file("broken.jsonl") + ":39001:1: error: missing required attribute 'id'");
  EXPECT_FALSE(std::filesystem::exists(dir.file("broken.evrec")));
  EXPECT_TRUE(testing::filesNamedLike(dir.file("broken.evrec")).empty()) << "no temporary left";
}

TEST(CloudEventsImportTest, LinesOutOfTimeOrderAreSorted) {
  testing::TempDir dir;
  std::string text = testing::cloudEventLines(30000);
  // Move the first line to the end: the stream finds it out of order and sorts the whole.
  const std::size_t firstEnd = text.find('\n') + 1;
  text = text.substr(firstEnd) + text.substr(0, firstEnd);
  std::ofstream(dir.file("late.jsonl"), std::ios::binary) << text;
  const ImportResult result = importCloudEvents(dir.file("late.jsonl"), dir.file("late.evrec"));
  ASSERT_TRUE(result.ok()) << result.errors.front().format();
  EXPECT_EQ(result.events, 30000u);
  std::string error;
  auto recording = store::Recording::open(dir.file("late.evrec"), &error);
  EXPECT_EQ(recording->cloudEventAttributes(1).id, "e-0");  // first in time, first in line
  EXPECT_EQ(recording->cloudEventAttributes(2).id, "e-1");
}

TEST(CloudEventsImportTest, AnExistingRecordingIsNeverReplaced) {
  testing::TempDir dir;
  std::ofstream(dir.file("one.jsonl")) << testing::cloudEventLines(3);
  ASSERT_TRUE(importCloudEvents(dir.file("one.jsonl"), dir.file("r.evrec")).ok());
  const auto size = std::filesystem::file_size(dir.file("r.evrec"));
  const ImportResult again = importCloudEvents(dir.file("one.jsonl"), dir.file("r.evrec"));
  ASSERT_EQ(again.errors.size(), 1u);
  EXPECT_NE(again.errors[0].message.find("the file exists"), std::string::npos);
  EXPECT_EQ(std::filesystem::file_size(dir.file("r.evrec")), size);
}

}  // namespace
}  // namespace eventscope::core
