// The what-if flow end to end, as MainWindow wires it but without the window: record a run,
// change the model, WhatIfRunner replays it, ComparisonPanel::setRuns compares the two, and the
// DiffModel shows the changed service's figures differing and the others equal.
#include <gtest/gtest.h>

#include <QChart>
#include <QSignalSpy>

#include "support/demo_scenarios.h"
#include "support/record_scenario.h"
#include "support/ui_test_support.h"
#include "ui/charts/comparison_panel.h"
#include "ui/controller/what_if_runner.h"
#include "ui/models/diff_model.h"

namespace eventscope::ui {
namespace {

// Figures of a section that differ between the runs (better, worse or just changed).
int changedFigures(const DiffModel& model, const QString& service) {
  const QModelIndex section = model.sectionIndex(service);
  EXPECT_TRUE(section.isValid()) << service.toStdString();
  int changed = 0;
  for (int row = 0; row < model.rowCount(section); ++row) {
    const int verdict =
        model.index(row, DiffModel::Change, section).data(DiffModel::VerdictRole).toInt();
    changed += verdict != DiffModel::Unchanged && verdict != DiffModel::Missing;
  }
  return changed;
}

TEST(WhatIfFlowTest, RecordChangeReplayCompare) {
  core::testing::TempDir dir;
  core::Scenario scenario = core::testing::demoScenario("order-pipeline.yaml");
  scenario.duration = 10 * core::kSecond;
  scenario.warmup = core::kSecond;
  const std::string original = dir.file("original.evrec");
  core::testing::recordScenario(scenario, original);

  // The change: notifications, a single instance that nothing else hangs on, gets a second.
  core::Scenario changed = scenario;
  for (core::ServiceSpec& service : changed.services)
    if (service.name == "notifications") service.instances = 2;

  WhatIfRunner runner;
  QSignalSpy finished(&runner, &WhatIfRunner::finished);
  const QString output = QString::fromStdString(dir.file("what-if.evrec"));
  ASSERT_TRUE(runner.start(QString::fromStdString(original), changed, output));
  ASSERT_TRUE(testing::waitUntil([&] { return finished.count() == 1; }, 60000));
  const QList<QVariant> result = finished.takeFirst();
  ASSERT_EQ(result.at(0).toString(), output) << result.at(1).toString().toStdString();

  ComparisonPanel panel;
  panel.resize(1000, 700);
  QString error;
  ASSERT_TRUE(panel.setRuns(QString::fromStdString(original), output, &error))
      << error.toStdString();
  panel.setNotes(result.at(2).toStringList());
  EXPECT_FALSE(panel.notesText().isEmpty());

  const DiffModel& model = *panel.diffModel();
  EXPECT_GT(changedFigures(model, QStringLiteral("notifications")), 0);
  const QModelIndex wait =
      model.figureIndex(QStringLiteral("notifications"), QStringLiteral("wait_p95_s"));
  EXPECT_EQ(wait.siblingAtColumn(DiffModel::Change).data(DiffModel::VerdictRole).toInt(),
            DiffModel::Better);
  EXPECT_EQ(model.figureIndex(QStringLiteral("notifications"), QStringLiteral("instances_mean"))
                .siblingAtColumn(DiffModel::Change)
                .data(DiffModel::VerdictRole)
                .toInt(),
            DiffModel::Changed);
  for (const char* other : {"billing", "inventory", "shipping", "analytics"})
    EXPECT_EQ(changedFigures(model, QString::fromUtf8(other)), 0) << other;
  // The chart shows both runs of the changed service.
  EXPECT_EQ(panel.chart()->series().size(), 10);
}

}  // namespace
}  // namespace eventscope::ui
