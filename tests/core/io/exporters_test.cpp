#include "core/io/exporters.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "core/io/cloudevents_import.h"
#include "support/record_scenario.h"
#include "support/scenario_builders.h"

namespace eventscope::core {
namespace {

bool isLowerHex(const std::string& text, std::size_t length) {
  return text.size() == length && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

bool isDecimal(const std::string& text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
}

// A chain of two services with retries, a dead-letter topic and keys: every kind of span.
Scenario chain() {
  Scenario s = testing::queueModel(200, 2000, 2, 3 * kSecond);
  s.producers[0].keys = {.kind = KeySpace::Kind::Uniform, .count = 20};
  s.producers[0].payload = R"({"amount":12.5,"note":"a, \"quoted\" text"})";
  s.topics.push_back(testing::topic("next", 2));
  s.topics.push_back(testing::topic("dlq"));
  s.services[0].emits = {EmitSpec{.topic = "next", .event = "Next"}};
  s.services[0].poisonKeys = {"k3"};
  s.services[0].retry = {.maxAttempts = 2, .backoff = 10 * kMillisecond};
  s.services[0].deadLetter = "dlq";
  s.services.push_back(testing::service("second", "next", testing::exponential(kMillisecond / 4)));
  return s;
}

class ExportersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path = dir.file("chain.evrec");
    testing::recordScenario(chain(), path);
    std::string error;
    recording = store::Recording::open(path, &error);
    ASSERT_NE(recording, nullptr) << error;
  }
  std::string exported(ExportFormat format) {
    std::ostringstream out;
    std::string error;
    EXPECT_TRUE(exportRecording(*recording, format, out, &error)) << error;
    return out.str();
  }
  testing::TempDir dir;
  std::string path;
  std::unique_ptr<store::Recording> recording;
};

TEST_F(ExportersTest, CloudEventsRoundTripThroughImportUnchanged) {
  const std::string first = exported(ExportFormat::CloudEvents);
  const std::string jsonl = dir.file("first.jsonl");
  std::ofstream(jsonl) << first;
  const ImportResult imported = importCloudEvents(jsonl, dir.file("imported.evrec"));
  ASSERT_TRUE(imported.ok()) << imported.errors.front().format();
  std::string error;
  auto again = store::Recording::open(dir.file("imported.evrec"), &error);
  ASSERT_NE(again, nullptr) << error;
  std::ostringstream second;
  ASSERT_TRUE(exportRecording(*again, ExportFormat::CloudEvents, second, &error)) << error;
  EXPECT_EQ(second.str(), first);
  // Every line is a CloudEvent with the required attributes and our extensions.
  std::istringstream lines(first);
  std::string line;
  std::size_t count = 0;
  while (std::getline(lines, line)) {
    const auto e = nlohmann::json::parse(line);
    ++count;
    EXPECT_EQ(e["specversion"], "1.0");
    for (const char* key : {"id", "source", "type", "time", "correlationid", "traceparent"}) {
      EXPECT_TRUE(e.contains(key)) << key;
    }
    EXPECT_EQ(e["source"].get<std::string>().find(' '), std::string::npos);  // a URI reference
    const auto traceparent = e["traceparent"].get<std::string>();            // 00-TRACE-SPAN-01
    ASSERT_EQ(traceparent.size(), 55u);
    EXPECT_EQ(traceparent.substr(0, 3), "00-");
    EXPECT_TRUE(isLowerHex(traceparent.substr(3, 32), 32));
    EXPECT_EQ(traceparent[35], '-');
    EXPECT_TRUE(isLowerHex(traceparent.substr(36, 16), 16));
    EXPECT_EQ(traceparent.substr(52), "-01");
  }
  EXPECT_EQ(count, imported.events);
}

TEST_F(ExportersTest, OtlpFollowsTheSpec) {
  const auto otlp = nlohmann::json::parse(exported(ExportFormat::Otlp));
  std::set<std::string> producerSpans;
  std::size_t consumers = 0, errors = 0;
  for (const auto& resource : otlp.at("resourceSpans")) {
    EXPECT_EQ(resource["resource"]["attributes"][0]["key"], "service.name");
    for (const auto& scope : resource.at("scopeSpans")) {
      for (const auto& span : scope.at("spans")) {
        EXPECT_TRUE(isLowerHex(span["traceId"].get<std::string>(), 32));
        EXPECT_TRUE(isLowerHex(span["spanId"].get<std::string>(), 16));
        EXPECT_TRUE(span["startTimeUnixNano"].is_string());  // int64 as a string
        EXPECT_TRUE(isDecimal(span["endTimeUnixNano"].get<std::string>()));
        const int kind = span["kind"];  // an integer enum
        if (kind == 4) producerSpans.insert(span["spanId"]);
        if (kind == 5) {
          ++consumers;
          ASSERT_EQ(span["links"].size(), 1u);  // consumer -> producer as a span link
          EXPECT_EQ(span["links"][0]["traceId"], span["traceId"]);
          errors += span["status"]["code"] == 2;
        }
      }
    }
  }
  EXPECT_GT(consumers, 500u);
  EXPECT_GT(errors, 0u);  // the poison key's failures
  for (const auto& resource : otlp["resourceSpans"]) {
    for (const auto& span : resource["scopeSpans"][0]["spans"]) {
      if (span["kind"] == 5) {
        EXPECT_TRUE(producerSpans.count(span["links"][0]["spanId"]));
      }
    }
  }
}

TEST_F(ExportersTest, JaegerJsonIsWhatItsUiUploads) {
  const auto jaeger = nlohmann::json::parse(exported(ExportFormat::Jaeger));
  ASSERT_FALSE(jaeger["data"].empty());
  for (const auto& trace : jaeger["data"]) {
    std::set<std::string> spanIds;
    for (const auto& span : trace["spans"])
      spanIds.insert(span["spanID"]);
    for (const auto& span : trace["spans"]) {
      EXPECT_EQ(span["traceID"], trace["traceID"]);
      EXPECT_TRUE(span["startTime"].is_number_integer());  // microseconds
      EXPECT_TRUE(span["duration"].is_number_integer());
      EXPECT_TRUE(trace["processes"].contains(span["processID"].get<std::string>()));
      for (const auto& ref : span["references"]) {
        EXPECT_TRUE(ref["refType"] == "CHILD_OF" || ref["refType"] == "FOLLOWS_FROM");
        EXPECT_TRUE(spanIds.count(ref["spanID"])) << "a reference inside the trace";
      }
    }
    for (const auto& [id, process] : trace["processes"].items()) {
      EXPECT_TRUE(process["serviceName"].is_string());
    }
  }
}

TEST_F(ExportersTest, CsvHasAHeaderAndOneRowPerAttempt) {
  const std::string csv = exported(ExportFormat::Csv);
  std::istringstream lines(csv);
  std::string header;
  std::getline(lines, header);
  EXPECT_EQ(header.substr(0, 20), "event_id,time_s,type");
  store::RecordingSummary summary;
  std::string error;
  ASSERT_TRUE(recording->summary(summary, &error));
  std::size_t rows = 0;
  std::string line;
  while (std::getline(lines, line))
    ++rows;
  // Every attempt is a row; events nobody received (the dead letters) get one row each.
  EXPECT_GE(rows, summary.attempts);
  EXPECT_LE(rows, summary.attempts + summary.events);
}

TEST_F(ExportersTest, DotRendersWithGraphviz) {
  const std::string dot = exported(ExportFormat::Dot);
  EXPECT_NE(dot.find("\"topic dlq\""), std::string::npos);
  EXPECT_NE(dot.find("dead letters"), std::string::npos);
  const std::string file = dir.file("topology.dot");
  std::ofstream(file) << dot;
  const std::string command = "dot -Tsvg " + file + " -o " + dir.file("topology.svg") + " 2>&1";
  EXPECT_EQ(std::system(command.c_str()), 0) << "graphviz rejected:\n" << dot;
  std::ifstream svg(dir.file("topology.svg"));
  std::string text((std::istreambuf_iterator<char>(svg)), {});
  EXPECT_NE(text.find("<svg"), std::string::npos);
}

}  // namespace
}  // namespace eventscope::core
