#include "ui/models/property_model.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>

#include "core/io/scenario_reader.h"
#include "core/io/scenario_writer.h"
#include "support/ui_test_support.h"
#include "ui/editor/scenario_document.h"

namespace eventscope::ui {
namespace {

class PropertyModelTest : public ::testing::Test {
 protected:
  void SetUp() override {
    QString error;
    ASSERT_TRUE(document.open(QStringLiteral(EVENTSCOPE_SOURCE_DIR) +
                                  QStringLiteral("/resources/scenarios/order-pipeline.yaml"),
                              &error))
        << error.toStdString();
  }
  int rowOf(const PropertyModel& model, const QString& key) {
    for (int row = 0; row < model.rowCount(); ++row)
      if (model.index(row, PropertyModel::KeyColumn).data().toString() == key) return row;
    return -1;
  }
  ScenarioDocument document;
};

TEST_F(PropertyModelTest, PassesTheModelTesterForEveryKindOfOwner) {
  PropertyModel model(&document);
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
  model.setOwner(core::NodeRef{core::NodeKind::Service, 0});
  model.setOwner(core::NodeRef{core::NodeKind::Topic, 1});
  model.setOwner(core::NodeRef{core::NodeKind::Producer, 0});
  model.setOwner(std::nullopt);
  EXPECT_EQ(model.columnCount(), 2);
}

TEST_F(PropertyModelTest, ShowsEveryFieldOfAServiceWithItsYaml) {
  PropertyModel model(&document);
  model.setOwner(core::NodeRef{core::NodeKind::Service, 0});  // billing
  EXPECT_EQ(model.rowCount(), 15);
  EXPECT_EQ(model.index(rowOf(model, "instances"), 1).data().toString(), QStringLiteral("3"));
  EXPECT_EQ(model.index(rowOf(model, "dead_letter"), 1).data().toString(),
            QStringLiteral("orders.dlq"));
  EXPECT_TRUE(model.index(rowOf(model, "service_time"), 1).data().toString().contains("lognormal"));
  EXPECT_FALSE(model.index(rowOf(model, "retry"), 0).data(Qt::ToolTipRole).toString().isEmpty());
  EXPECT_EQ(model.ownerTitle(), QStringLiteral("service billing"));
}

TEST_F(PropertyModelTest, AnAcceptedValueIsOneUndoableEdit) {
  PropertyModel model(&document);
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
  model.setOwner(core::NodeRef{core::NodeKind::Service, 0});
  const std::string before = core::writeScenario(document.scenario());
  ASSERT_TRUE(model.setData(model.index(rowOf(model, "instances"), 1), "6", Qt::EditRole));
  EXPECT_EQ(document.scenario().services[0].instances, 6);
  EXPECT_TRUE(document.isModified());
  EXPECT_EQ(model.index(rowOf(model, "instances"), 1).data().toString(), QStringLiteral("6"));
  document.undoStack()->undo();
  EXPECT_EQ(core::writeScenario(document.scenario()), before);
  EXPECT_FALSE(document.isModified());
  document.undoStack()->redo();
  EXPECT_EQ(document.scenario().services[0].instances, 6);
}

TEST_F(PropertyModelTest, ARefusedValueChangesNothingAndSaysWhatValidateSays) {
  PropertyModel model(&document);
  model.setOwner(core::NodeRef{core::NodeKind::Service, 0});
  QSignalSpy rejected(&model, &PropertyModel::editRejected);
  const std::string before = core::writeScenario(document.scenario());
  EXPECT_FALSE(model.setField("service_time", "{exponential: 10 parsecs}"));
  EXPECT_FALSE(model.setField("delivery", "sharded"));
  EXPECT_FALSE(model.setField("subscribes", "nowhere"));
  ASSERT_EQ(rejected.count(), 3);
  // The reader's own words: the same text `eventscope validate` prints after FILE:LINE:COL.
  const auto text = [&](int i) { return rejected.at(i).at(0).toStringList().join(" "); };
  EXPECT_TRUE(text(0).contains("parsecs")) << text(0).toStdString();
  EXPECT_TRUE(text(1).contains("shared")) << text(1).toStdString();
  EXPECT_TRUE(text(2).contains("nowhere")) << text(2).toStdString();
  EXPECT_EQ(core::writeScenario(document.scenario()), before);
  EXPECT_FALSE(document.isModified());
}

TEST_F(PropertyModelTest, RenamingATopicRenamesEveryMention) {
  PropertyModel model(&document);
  model.setOwner(core::NodeRef{core::NodeKind::Topic, 0});  // orders
  ASSERT_TRUE(model.setField("name", "purchases"));
  const core::Scenario& s = document.scenario();
  EXPECT_EQ(s.topics[0].name, "purchases");
  EXPECT_EQ(s.producers[0].topic, "purchases");
  EXPECT_EQ(s.services[0].subscribes[0], "purchases");
  EXPECT_TRUE(core::parseScenario(core::writeScenario(s), "renamed").ok());
}

TEST_F(PropertyModelTest, ScenarioFieldsIncludeFaults) {
  PropertyModel model(&document);
  model.setOwner(std::nullopt);
  ASSERT_GE(rowOf(model, "faults"), 0);
  EXPECT_TRUE(model.index(rowOf(model, "faults"), 1).data().toString().contains("crash"));
  ASSERT_TRUE(model.setField("faults", "[{at: 5s, crash: billing, instances: 2, for: 3s}]"));
  ASSERT_EQ(document.scenario().faults.size(), 1u);
  EXPECT_EQ(document.scenario().faults[0].instances, 2);
  EXPECT_FALSE(model.setField("faults", "[{at: 5s, crash: nobody}]"));
}

}  // namespace
}  // namespace eventscope::ui
