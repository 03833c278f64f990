#include "core/model/scenario_edits.h"

#include <gtest/gtest.h>

#include "core/io/scenario_reader.h"
#include "core/io/scenario_writer.h"
#include "support/demo_scenarios.h"

namespace eventscope::core {
namespace {

using testing::demoScenario;

bool reads(const Scenario& scenario) {
  const ScenarioReadResult read = parseScenario(writeScenario(scenario), "edited");
  for (const auto& e : read.errors)
    ADD_FAILURE() << e.format();
  return read.ok();
}

TEST(ScenarioEditsTest, FreshNamesAreUnused) {
  Scenario s;
  EXPECT_EQ(freshName(s, NodeKind::Topic), "topic-1");
  addNode(s, NodeKind::Topic, 0, 0);
  EXPECT_EQ(freshName(s, NodeKind::Topic), "topic-2");
  addNode(s, NodeKind::Service, 0, 0);
  EXPECT_EQ(s.services[0].name, "service-1");
  EXPECT_EQ(s.layout.size(), 2u);
}

TEST(ScenarioEditsTest, AModelBuiltByAddingAndConnectingReadsBack) {
  Scenario s;
  s.name = "built";
  const NodeRef topic = addNode(s, NodeKind::Topic, 0, 0);
  const NodeRef producer = addNode(s, NodeKind::Producer, -200, 0);
  const NodeRef service = addNode(s, NodeKind::Service, 200, 0);
  const NodeRef out = addNode(s, NodeKind::Topic, 400, 0);
  EXPECT_EQ(connectNodes(s, producer, topic), "");
  EXPECT_EQ(connectNodes(s, topic, service), "");
  EXPECT_EQ(connectNodes(s, service, out), "");
  EXPECT_NE(connectNodes(s, topic, service), "");  // already subscribed
  EXPECT_NE(connectNodes(s, producer, service), "");
  EXPECT_NE(connectNodes(s, topic, out), "");
  EXPECT_NE(connectNodes(s, service, service), "");
  EXPECT_TRUE(reads(s));
  EXPECT_EQ(s.services[0].emits.at(0).topic, "topic-2");
  // Removing the topic keeps its producer, unconnected.
  removeNode(s, topic);
  ASSERT_EQ(s.producers.size(), 1u);
  EXPECT_EQ(s.producers[0].topic, "");
}

TEST(ScenarioEditsTest, RenamingATopicRenamesEveryMention) {
  Scenario s = demoScenario("order-pipeline.yaml");
  ASSERT_EQ(renameNode(s, {NodeKind::Topic, 1}, "captured"), "");  // payments
  EXPECT_EQ(s.services[0].emits[0].topic, "captured");
  EXPECT_NE(renameNode(s, {NodeKind::Topic, 1}, "orders"), "");  // taken
  EXPECT_NE(renameNode(s, {NodeKind::Topic, 1}, ""), "");
  EXPECT_TRUE(reads(s));
}

TEST(ScenarioEditsTest, RenamingAServiceRenamesItsFaults) {
  Scenario s = demoScenario("order-pipeline.yaml");
  ASSERT_EQ(renameNode(s, {NodeKind::Service, 0}, "payments-svc"), "");
  EXPECT_EQ(s.faults[0].target, "payments-svc");
  EXPECT_TRUE(reads(s));
}

TEST(ScenarioEditsTest, RemovingANodeRemovesEveryMention) {
  for (const char* demo : {"order-pipeline.yaml", "work-queue.yaml", "partitioned-stream.yaml"}) {
    const Scenario original = demoScenario(demo);
    for (NodeKind kind : {NodeKind::Producer, NodeKind::Topic, NodeKind::Service}) {
      const std::size_t count = kind == NodeKind::Producer ? original.producers.size()
                                : kind == NodeKind::Topic  ? original.topics.size()
                                                           : original.services.size();
      for (std::uint32_t i = 0; i < count; ++i) {
        Scenario s = original;
        const std::string name = nodeName(s, {kind, i});
        removeNode(s, {kind, i});
        EXPECT_EQ(s.findTopic(name) == nullptr && s.findService(name) == nullptr &&
                      s.findProducer(name) == nullptr,
                  true)
            << demo << ": " << name;
        // Nothing left refers to it (what is left may have problems of its own, such as a
        // topic nobody reads any more: the editor lists those).
        for (const auto& error : parseScenario(writeScenario(s), "edited").errors)
          EXPECT_EQ(error.message.find("'" + name + "'"), std::string::npos)
              << demo << ": removing " << name << ": " << error.message;
      }
    }
  }
}

TEST(ScenarioEditsTest, PlacingANodeWritesOneLayoutEntry) {
  Scenario s = demoScenario("work-queue.yaml");
  placeNode(s, {NodeKind::Topic, 0}, 10, 20);
  placeNode(s, {NodeKind::Topic, 0}, 30, 40);
  ASSERT_EQ(s.layout.size(), 1u);
  EXPECT_EQ(s.layout[0].x, 30);
  EXPECT_EQ(s.layout[0].y, 40);
}

}  // namespace
}  // namespace eventscope::core
