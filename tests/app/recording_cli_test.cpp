// The recording commands of DESIGN.md §3, driven as a newcomer would: run --record, inspect,
// events, trace, export, import, replay and diff.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/command.h"

namespace eventscope {
namespace {

using testing::runEventscope;
using testing::sourcePath;

const std::string kDemo = sourcePath("resources/scenarios/order-pipeline.yaml");

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// One recording of the demo for every test of the suite.
class RecordingCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_dir = std::filesystem::temp_directory_path() /
            ("eventscope-recording-cli-" + std::to_string(::getpid()));
    std::filesystem::remove_all(s_dir);
    std::filesystem::create_directories(s_dir);
    const auto run =
        runEventscope("run " + kDemo + " --duration 20s --record " + file("demo.evrec"));
    ASSERT_EQ(run.exitCode, 0) << run.err;
  }
  static void TearDownTestSuite() { std::filesystem::remove_all(s_dir); }
  static std::string file(const std::string& name) { return (s_dir / name).string(); }
  static std::filesystem::path s_dir;
};
std::filesystem::path RecordingCliTest::s_dir;

TEST_F(RecordingCliTest, RunRecordRefusesToReplaceARecordingUnlessTold) {
  const auto again =
      runEventscope("run " + kDemo + " --duration 6s --record " + file("demo.evrec"));
  EXPECT_EQ(again.exitCode, 1);
  EXPECT_NE(again.err.find("the file exists (add --overwrite to replace it)"), std::string::npos)
      << again.err;
  const auto copy = file("copy.evrec");
  std::filesystem::copy_file(file("demo.evrec"), copy);
  const auto replaced =
      runEventscope("run " + kDemo + " --duration 6s --record " + copy + " --overwrite -q");
  EXPECT_EQ(replaced.exitCode, 0) << replaced.err;
  const auto json = nlohmann::json::parse(runEventscope("inspect --json " + copy).out);
  EXPECT_EQ(json["duration_s"], 6.0);
}

TEST_F(RecordingCliTest, InspectSummarizesTextOrJsonAndChecksPages) {
  const auto text = runEventscope("inspect " + file("demo.evrec"));
  EXPECT_EQ(text.exitCode, 0) << text.err;
  for (const char* words :
       {"recording of 'Order pipeline' (seed 42), simulation, complete", "committed batches",
        "topics: orders, payments, shipments", "billing"}) {
    EXPECT_NE(text.out.find(words), std::string::npos) << words << "\n" << text.out;
  }
  const auto json = runEventscope("inspect --json " + file("demo.evrec"));
  const auto summary = nlohmann::json::parse(json.out);
  EXPECT_EQ(summary["seed"], 42);
  EXPECT_GT(summary["events"].get<int>(), 10000);
  EXPECT_EQ(runEventscope("inspect --check " + file("demo.evrec")).exitCode, 0);
}

TEST_F(RecordingCliTest, WhatIsNotARecordingIsRefusedInOneLine) {
  const auto scenario = runEventscope("inspect " + kDemo);
  EXPECT_EQ(scenario.exitCode, 2);
  EXPECT_NE(scenario.err.find("not a SQLite"), std::string::npos) << scenario.err;
  EXPECT_EQ(std::count(scenario.err.begin(), scenario.err.end(), '\n'), 1) << scenario.err;
  for (const char* command : {"events", "trace", "export", "replay", "diff"}) {
    std::string args = std::string(command) + " " + file("missing.evrec");
    if (std::string(command) == "trace") args += " 1";
    if (std::string(command) == "export") args += " --format csv --output -";
    if (std::string(command) == "replay") args += " --scenario " + kDemo;
    if (std::string(command) == "diff") args += " " + file("demo.evrec");
    const auto result = runEventscope(args);
    EXPECT_EQ(result.exitCode, 2) << command << ": " << result.err;
    EXPECT_NE(result.err.find("missing.evrec"), std::string::npos) << command << ": " << result.err;
  }
}

TEST_F(RecordingCliTest, EventsFilterAndPage) {
  const auto first = runEventscope("events " + file("demo.evrec") + " --limit 2");
  EXPECT_EQ(first.exitCode, 0) << first.err;
  EXPECT_EQ(first.out.rfind("#1  ", 0), 0u) << first.out;
  EXPECT_NE(first.out.find("... more: add --after 2"), std::string::npos) << first.out;
  const auto next = runEventscope("events " + file("demo.evrec") + " --limit 1 --after 2");
  EXPECT_EQ(next.out.rfind("#3  ", 0), 0u) << next.out;

  const auto dead = runEventscope("events " + file("demo.evrec") +
                                  " --service billing --outcome dead-lettered --json");
  ASSERT_EQ(dead.exitCode, 0) << dead.err;
  const auto page = nlohmann::json::parse(dead.out);
  ASSERT_FALSE(page["events"].empty());
  for (const auto& event : page["events"]) {
    EXPECT_EQ(event["key"], "k13");  // the demo's poison key
    bool deadLettered = false;
    for (const auto& span : event["attempts"])
      deadLettered |= span["service"] == "billing" && span["outcome"] == "dead-lettered";
    EXPECT_TRUE(deadLettered) << event.dump();
  }
  const auto window = nlohmann::json::parse(runEventscope("events " + file("demo.evrec") +
                                                          " --from 2s --to 2.1s --type OrderPlaced "
                                                          "--limit 1000 --json")
                                                .out);
  ASSERT_FALSE(window["events"].empty());
  for (const auto& event : window["events"]) {
    EXPECT_GE(event["time_s"].get<double>(), 2.0);
    EXPECT_LT(event["time_s"].get<double>(), 2.1);
    EXPECT_EQ(event["type"], "OrderPlaced");
  }
  const auto badOutcome = runEventscope("events " + file("demo.evrec") + " --outcome lost");
  EXPECT_EQ(badOutcome.exitCode, 2);
}

TEST_F(RecordingCliTest, TraceShowsTheCausationTreeOfAnyEventOfTheChain) {
  const auto root = runEventscope("trace " + file("demo.evrec") + " 3");
  ASSERT_EQ(root.exitCode, 0) << root.err;
  EXPECT_EQ(root.out.rfind("trace #3: 3 events", 0), 0u) << root.out;
  EXPECT_NE(root.out.find("PaymentCaptured"), std::string::npos);
  EXPECT_NE(root.out.find("ShipmentScheduled"), std::string::npos);
  // An event inside the chain leads to the whole chain, with a word on stderr.
  const auto json =
      nlohmann::json::parse(runEventscope("trace " + file("demo.evrec") + " 3 --json").out);
  const std::uint64_t inner = json["events"][1]["id"];
  const auto fromInner = runEventscope("trace " + file("demo.evrec") + " " + std::to_string(inner));
  EXPECT_EQ(fromInner.out, root.out);
  EXPECT_NE(fromInner.err.find("is part of trace #3"), std::string::npos) << fromInner.err;
  EXPECT_EQ(runEventscope("trace " + file("demo.evrec") + " 99999999").exitCode, 2);
}

TEST_F(RecordingCliTest, ExportsEveryFormatToAFileOrStdout) {
  for (const char* format : {"cloudevents", "otlp", "jaeger", "csv", "dot"}) {
    const auto path = file(std::string("export.") + format);
    const auto toFile =
        runEventscope("export " + file("demo.evrec") + " --format " + format + " --output " + path);
    ASSERT_EQ(toFile.exitCode, 0) << format << ": " << toFile.err;
    const auto toStdout =
        runEventscope("export " + file("demo.evrec") + " --format " + format + " --output -");
    EXPECT_EQ(toStdout.out, slurp(path)) << format;
    EXPECT_GT(toStdout.out.size(), 1000u) << format;
  }
  EXPECT_EQ(slurp(file("export.csv")).rfind("event_id,time_s,type,", 0), 0u);  // a header row
  EXPECT_EQ(slurp(file("export.dot")).rfind("digraph", 0), 0u);
  EXPECT_TRUE(nlohmann::json::accept(slurp(file("export.otlp"))));
  EXPECT_TRUE(nlohmann::json::accept(slurp(file("export.jaeger"))));
  const auto badFormat = runEventscope("export " + file("demo.evrec") + " --format xml --output -");
  EXPECT_EQ(badFormat.exitCode, 2);
}

TEST_F(RecordingCliTest, ImportedCloudEventsExportUnchanged) {
  const auto exported = runEventscope("export " + file("demo.evrec") +
                                      " --format cloudevents --output " + file("events.jsonl"));
  ASSERT_EQ(exported.exitCode, 0) << exported.err;
  const auto imported =
      runEventscope("import " + file("events.jsonl") + " --output " + file("imported.evrec"));
  ASSERT_EQ(imported.exitCode, 0) << imported.err;
  EXPECT_NE(imported.out.find("events imported"), std::string::npos) << imported.out;
  const auto again =
      runEventscope("export " + file("imported.evrec") + " --format cloudevents --output -");
  EXPECT_EQ(again.out, slurp(file("events.jsonl")));
  const auto inspect = runEventscope("inspect " + file("imported.evrec"));
  EXPECT_NE(inspect.out.find("import of events.jsonl"), std::string::npos) << inspect.out;
  EXPECT_NE(inspect.out.find("imported events span"), std::string::npos) << inspect.out;

  // A broken input names its line; nothing is written.
  {
    std::ofstream out(file("broken.jsonl"));
    out << R"({"specversion":"1.0","id":"a","source":"/s","type":"T"})" << '\n'
        << R"({"specversion":"1.0","source":"/s","type":"T"})" << '\n';
  }
  const auto broken =
      runEventscope("import " + file("broken.jsonl") + " --output " + file("broken.evrec"));
  EXPECT_EQ(broken.exitCode, 2);
  EXPECT_NE(broken.err.find("broken.jsonl:2:1: error:"), std::string::npos) << broken.err;
  EXPECT_NE(broken.err.find("id"), std::string::npos) << broken.err;
  EXPECT_FALSE(std::filesystem::exists(file("broken.evrec")));
}

TEST_F(RecordingCliTest, ReplayWithMoreInstancesAndDiffSideBySide) {
  // The demo with billing doubled, written as a person would edit it.
  std::string text = slurp(kDemo);
  const auto at = text.find("instances: 3");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 12, "instances: 6");
  {
    std::ofstream out(file("more-billing.yaml"));
    out << text;
  }
  const auto same = runEventscope("replay " + file("demo.evrec") + " --scenario " + kDemo +
                                  " --record " + file("same.evrec"));
  ASSERT_EQ(same.exitCode, 0) << same.err;
  EXPECT_NE(same.err.find("recorded inputs of"), std::string::npos) << same.err;
  const auto whatIf =
      runEventscope("replay " + file("demo.evrec") + " --scenario " + file("more-billing.yaml") +
                    " --record " + file("what-if.evrec") + " --report " + file("what-if.json"));
  ASSERT_EQ(whatIf.exitCode, 0) << whatIf.err;
  EXPECT_NE(whatIf.out.find("billing"), std::string::npos);  // the run's summary
  const auto report = nlohmann::json::parse(slurp(file("what-if.json")));
  EXPECT_EQ(report["sim_time_s"], 20.0);  // the recording's duration, not the file's 60 s

  const auto inspect = runEventscope("inspect " + file("what-if.evrec"));
  EXPECT_NE(inspect.out.find("replay of " + file("demo.evrec")), std::string::npos) << inspect.out;

  // Replaying into the same scenario changes nothing at all.
  const auto unchanged = nlohmann::json::parse(
      runEventscope("diff " + file("demo.evrec") + " " + file("same.evrec") + " --json").out);
  for (const auto& [service, figures] : unchanged["services"].items()) {
    for (const auto& [name, figure] : figures.items()) {
      if (!figure["delta"].is_null()) {
        EXPECT_EQ(figure["delta"], 0) << service << " " << name;
      }
    }
  }
  const auto diff = runEventscope("diff " + file("demo.evrec") + " " + file("what-if.evrec"));
  ASSERT_EQ(diff.exitCode, 0) << diff.err;
  EXPECT_NE(diff.out.find("service billing"), std::string::npos) << diff.out;
  const auto json = nlohmann::json::parse(
      runEventscope("diff " + file("demo.evrec") + " " + file("what-if.evrec") + " --json").out);
  const auto& billing = json["services"]["billing"];
  EXPECT_LT(billing["backlog_mean"]["b"].get<double>(), billing["backlog_mean"]["a"].get<double>());
  EXPECT_LT(billing["latency_p95_s"]["relative"].get<double>(), -0.1);
  EXPECT_DOUBLE_EQ(billing["instances_mean"]["b"].get<double>(),
                   billing["instances_mean"]["a"].get<double>() + 3);
}

TEST_F(RecordingCliTest, ReplayAndDiffSayWhatIsWrong) {
  {
    std::ofstream out(file("elsewhere.yaml"));
    out << "eventscope: 1\nname: elsewhere\ntopics:\n  - name: other\nservices:\n"
           "  - name: s\n    subscribes: other\n    service_time: {constant: 1ms}\n";
  }
  const auto noTopic =
      runEventscope("replay " + file("demo.evrec") + " --scenario " + file("elsewhere.yaml"));
  EXPECT_EQ(noTopic.exitCode, 2);
  EXPECT_NE(noTopic.err.find("the recording's inputs go to topic 'orders', which the scenario "
                             "does not have"),
            std::string::npos)
      << noTopic.err;
  const auto badScenario =
      runEventscope("replay " + file("demo.evrec") + " --scenario " + file("missing.yaml"));
  EXPECT_EQ(badScenario.exitCode, 2);
  EXPECT_NE(badScenario.err.find("missing.yaml: error: cannot open the file"), std::string::npos)
      << badScenario.err;
  EXPECT_EQ(runEventscope("replay " + file("demo.evrec")).exitCode, 2);  // --scenario is required

  runEventscope("export " + file("demo.evrec") + " --format cloudevents --output " +
                file("for-diff.jsonl"));
  runEventscope("import " + file("for-diff.jsonl") + " --output " + file("for-diff.evrec"));
  const auto imported = runEventscope("diff " + file("demo.evrec") + " " + file("for-diff.evrec"));
  EXPECT_EQ(imported.exitCode, 2);
  EXPECT_NE(imported.err.find("holds no run report (it was imported, not simulated)"),
            std::string::npos)
      << imported.err;
}

}  // namespace
}  // namespace eventscope
