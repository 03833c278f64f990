#include "core/io/recorded_model.h"

#include <gtest/gtest.h>

#include <fstream>

#include "core/io/cloudevents_import.h"
#include "support/demo_scenarios.h"
#include "support/record_scenario.h"

namespace eventscope::core {
namespace {

TEST(RecordedModelTest, ARecordingOfAScenarioShowsThatScenario) {
  testing::TempDir dir;
  Scenario demo = testing::demoScenario("order-pipeline.yaml");
  demo.duration = 2 * kSecond;
  demo.warmup = 0;
  testing::recordScenario(demo, dir.file("run.evrec"));
  std::string error;
  auto recording = store::Recording::open(dir.file("run.evrec"), &error);
  ASSERT_NE(recording, nullptr) << error;
  auto model = recordedModel(*recording, &error);
  ASSERT_TRUE(model) << error;
  EXPECT_FALSE(model->derived) << model->note;
  EXPECT_EQ(model->scenario.name, demo.name);
  EXPECT_EQ(model->scenario.services.size(), demo.services.size());
}

// A model that no longer reads (here: a warmup longer than the run, which the reader refuses)
// still opens, with the topology its events show and a note saying why.
TEST(RecordedModelTest, AModelThatDoesNotReadFallsBackToTheEvents) {
  testing::TempDir dir;
  Scenario demo = testing::demoScenario("order-pipeline.yaml");
  demo.duration = 2 * kSecond;
  demo.warmup = 5 * kSecond;
  testing::recordScenario(demo, dir.file("run.evrec"));
  std::string error;
  auto recording = store::Recording::open(dir.file("run.evrec"), &error);
  ASSERT_NE(recording, nullptr) << error;
  auto model = recordedModel(*recording, &error);
  ASSERT_TRUE(model) << error;
  EXPECT_TRUE(model->derived);
  EXPECT_NE(model->note.find("'warmup'"), std::string::npos) << model->note;
  ASSERT_EQ(model->scenario.producers.size(), 1u);
  EXPECT_EQ(model->scenario.producers[0].name, "checkout");
  EXPECT_FALSE(model->scenario.services.empty());
}

// An import has no model: its topology comes from who published what and what caused it.
TEST(RecordedModelTest, AnImportGetsATopologyFromItsEvents) {
  testing::TempDir dir;
  {
    std::ofstream out(dir.file("events.jsonl"));
    out << R"({"specversion":"1.0","id":"o1","source":"shop","type":"OrderPlaced","eventscopetopic":"orders","time":"2026-11-26T10:00:00Z"})"
        << "\n"
        << R"({"specversion":"1.0","id":"p1","source":"billing","type":"PaymentCaptured","eventscopetopic":"payments","causationid":"o1","correlationid":"o1","time":"2026-11-26T10:00:01Z"})"
        << "\n"
        << R"({"specversion":"1.0","id":"s1","source":"shipping","type":"Shipped","eventscopetopic":"shipments","causationid":"p1","correlationid":"o1","time":"2026-11-26T10:00:02Z"})"
        << "\n"
        << R"({"specversion":"1.0","id":"o2","source":"shop","type":"OrderPlaced","eventscopetopic":"returns","time":"2026-11-26T10:00:03Z"})"
        << "\n";
  }
  const ImportResult imported = importCloudEvents(dir.file("events.jsonl"), dir.file("i.evrec"));
  ASSERT_TRUE(imported.ok()) << imported.errors.front().format();
  std::string error;
  auto recording = store::Recording::open(dir.file("i.evrec"), &error);
  ASSERT_NE(recording, nullptr) << error;
  auto model = recordedModel(*recording, &error);
  ASSERT_TRUE(model) << error;
  EXPECT_TRUE(model->derived);
  const Scenario& s = model->scenario;
  ASSERT_EQ(s.topics.size(), 4u);
  ASSERT_EQ(s.services.size(), 2u);
  EXPECT_EQ(s.services[0].name, "billing");
  EXPECT_EQ(s.services[0].subscribes, std::vector<std::string>{"orders"});
  ASSERT_EQ(s.services[0].emits.size(), 1u);
  EXPECT_EQ(s.services[0].emits[0].topic, "payments");
  EXPECT_EQ(s.services[1].name, "shipping");
  EXPECT_EQ(s.services[1].subscribes, std::vector<std::string>{"payments"});
  // One source, two topics: the second producer is named by its topic.
  ASSERT_EQ(s.producers.size(), 2u);
  EXPECT_EQ(s.producers[0].name, "shop");
  EXPECT_EQ(s.producers[1].name, "shop → returns");
  EXPECT_EQ(s.producers[1].topic, "returns");
}

}  // namespace
}  // namespace eventscope::core
