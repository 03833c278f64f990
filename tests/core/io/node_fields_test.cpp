#include "core/io/node_fields.h"

#include <gtest/gtest.h>

#include "core/io/scenario_reader.h"
#include "core/io/scenario_writer.h"
#include "core/model/scenario_edits.h"
#include "support/demo_scenarios.h"

namespace eventscope::core {
namespace {

using testing::demoScenario;

std::string valueOf(const std::vector<NodeField>& fields, const std::string& key) {
  for (const auto& field : fields)
    if (field.key == key) return field.value;
  ADD_FAILURE() << "no field " << key;
  return {};
}

TEST(NodeFieldsTest, ValuesAreTheYamlAPersonWouldWrite) {
  const Scenario s = demoScenario("order-pipeline.yaml");
  const auto billing = nodeFields(s, NodeRef{NodeKind::Service, 0});
  EXPECT_EQ(billing.size(), 15u);
  EXPECT_EQ(valueOf(billing, "name"), "billing");
  EXPECT_EQ(valueOf(billing, "instances"), "3");
  EXPECT_EQ(valueOf(billing, "poison_keys"), "[k13]");
  EXPECT_EQ(valueOf(billing, "ack_timeout"), "");  // absent: its default applies
  const auto checkout = nodeFields(s, NodeRef{NodeKind::Producer, 0});
  EXPECT_EQ(valueOf(checkout, "rate"), "200/s");
  const auto model = nodeFields(s, std::nullopt);
  EXPECT_EQ(valueOf(model, "duration"), "1m");
}

TEST(NodeFieldsTest, EveryShownValueCanBeWrittenBackUnchanged) {
  for (const char* demo : {"order-pipeline.yaml", "work-queue.yaml", "partitioned-stream.yaml"}) {
    const Scenario s = demoScenario(demo);
    std::vector<FieldOwner> owners{std::nullopt};
    for (std::uint32_t i = 0; i < s.topics.size(); ++i)
      owners.push_back(NodeRef{NodeKind::Topic, i});
    for (std::uint32_t i = 0; i < s.producers.size(); ++i)
      owners.push_back(NodeRef{NodeKind::Producer, i});
    for (std::uint32_t i = 0; i < s.services.size(); ++i)
      owners.push_back(NodeRef{NodeKind::Service, i});
    for (const auto& owner : owners) {
      for (const NodeField& field : nodeFields(s, owner)) {
        const FieldEdit edit = editField(s, owner, field.key, field.value);
        ASSERT_TRUE(edit.scenario) << demo << " " << field.key << "=" << field.value << ": "
                                   << (edit.errors.empty() ? "" : edit.errors[0]);
        EXPECT_EQ(writeScenario(*edit.scenario), writeScenario(s)) << demo << " " << field.key;
      }
    }
  }
}

TEST(NodeFieldsTest, BadValuesGetTheReadersMessageAndChangeNothing) {
  const Scenario s = demoScenario("order-pipeline.yaml");
  const NodeRef billing{NodeKind::Service, 0};
  for (const auto& [key, value] :
       std::vector<std::pair<std::string, std::string>>{{"instances", "-2"},
                                                        {"service_time", "{gaussian: 3ms}"},
                                                        {"retry", "{max_attempts: 5, backof: 1s}"},
                                                        {"subscribes", "[orders, nowhere]"},
                                                        {"failure_rate", "1.5"},
                                                        {"emits", "[{topic: payments}"},
                                                        {"nonsense", "1"}}) {
    const FieldEdit edit = editField(s, billing, key, value);
    EXPECT_FALSE(edit.scenario) << key << ": " << value;
    EXPECT_FALSE(edit.errors.empty()) << key;
  }
  // The same words as the reader gives a file: "did you mean" included.
  const FieldEdit typo = editField(s, billing, "retry", "{max_attempts: 5, backof: 1s}");
  ASSERT_FALSE(typo.errors.empty());
  EXPECT_NE(typo.errors[0].find("backoff"), std::string::npos) << typo.errors[0];
}

TEST(NodeFieldsTest, EditsApplyAndEmptyTextRestoresTheDefault) {
  const Scenario s = demoScenario("order-pipeline.yaml");
  const NodeRef billing{NodeKind::Service, 0};
  FieldEdit edit = editField(s, billing, "ack_timeout", "2s");
  ASSERT_TRUE(edit.scenario);
  EXPECT_EQ(edit.scenario->services[0].ackTimeout, 2 * kSecond);
  edit = editField(*edit.scenario, billing, "ack_timeout", "");
  ASSERT_TRUE(edit.scenario);
  EXPECT_FALSE(edit.scenario->services[0].ackTimeout);
}

TEST(NodeFieldsTest, ADeadLetterTopicAppearsAndGoesWithItsService) {
  Scenario s = demoScenario("work-queue.yaml");
  const NodeRef service{NodeKind::Service, 0};
  FieldEdit edit = editField(s, service, "dead_letter", "parked");
  ASSERT_TRUE(edit.scenario) << edit.errors.at(0);
  ASSERT_NE(edit.scenario->findTopic("parked"), nullptr);
  EXPECT_TRUE(edit.scenario->findTopic("parked")->implicit);
  edit = editField(*edit.scenario, service, "dead_letter", "");
  ASSERT_TRUE(edit.scenario);
  EXPECT_EQ(edit.scenario->findTopic("parked"), nullptr);
}

TEST(NodeFieldsTest, ProblemsPointAtTheirNode) {
  Scenario s = demoScenario("work-queue.yaml");
  EXPECT_TRUE(modelProblems(s).empty());
  const NodeRef lonely = addNode(s, NodeKind::Service, 0, 0);
  const auto problems = modelProblems(s);
  ASSERT_FALSE(problems.empty());
  ASSERT_TRUE(problems[0].node.has_value());
  EXPECT_EQ(*problems[0].node, lonely);
  EXPECT_NE(problems[0].message.find("subscribes"), std::string::npos) << problems[0].message;
}

}  // namespace
}  // namespace eventscope::core
