#include "ui/charts/comparison_panel.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QChart>
#include <QFile>
#include <QLineSeries>
#include <QTreeView>
#include <fstream>

#include "core/io/cloudevents_import.h"
#include "support/demo_scenarios.h"
#include "support/record_scenario.h"
#include "ui/models/diff_model.h"

namespace eventscope::ui {
namespace {

core::Scenario demo(int billingInstances) {
  core::Scenario s = core::testing::demoScenario("order-pipeline.yaml");
  s.duration = 8 * core::kSecond;
  s.warmup = core::kSecond;
  for (core::ServiceSpec& service : s.services)
    if (service.name == "billing") service.instances = billingInstances;
  return s;
}

class ComparisonPanelTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_dir = new core::testing::TempDir;
    core::testing::recordScenario(demo(3), s_dir->file("a.evrec"));
    core::testing::recordScenario(demo(2), s_dir->file("b.evrec"));
  }
  static void TearDownTestSuite() { delete s_dir; }
  static QString file(const char* name) { return QString::fromStdString(s_dir->file(name)); }
  static core::testing::TempDir* s_dir;
};
core::testing::TempDir* ComparisonPanelTest::s_dir = nullptr;

QLineSeries* lineNamed(QChart* chart, const QString& name) {
  for (QAbstractSeries* series : chart->series())
    if (series->name() == name) return qobject_cast<QLineSeries*>(series);
  return nullptr;
}

TEST_F(ComparisonPanelTest, OverlaysBothRunsSolidAndDashedInOneColourPerService) {
  ComparisonPanel panel;
  QAbstractItemModelTester tester(panel.diffModel(),
                                  QAbstractItemModelTester::FailureReportingMode::Fatal);
  panel.resize(1000, 700);
  panel.show();
  QString error;
  ASSERT_TRUE(panel.setRuns(file("a.evrec"), file("b.evrec"), &error)) << error.toStdString();
  ASSERT_EQ(panel.dataA().serviceNames().size(), 5u);
  EXPECT_EQ(panel.chart()->series().size(), 10);  // 5 services x 2 runs
  QLineSeries* a = lineNamed(panel.chart(), QStringLiteral("billing (A)"));
  QLineSeries* b = lineNamed(panel.chart(), QStringLiteral("billing (B)"));
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(a->pen().style(), Qt::SolidLine);
  EXPECT_EQ(b->pen().style(), Qt::DashLine);
  EXPECT_EQ(a->pen().color(), b->pen().color());
  EXPECT_NE(a->pen().color(),
            lineNamed(panel.chart(), QStringLiteral("inventory (A)"))->pen().color());
  EXPECT_GT(a->count(), 10);
  // Billing with 2 instances instead of 3 waits more: B's backlog is above A's somewhere.
  double highA = 0, highB = 0;
  for (const QPointF& p : a->points())
    highA = std::max(highA, p.y());
  for (const QPointF& p : b->points())
    highB = std::max(highB, p.y());
  EXPECT_GT(highB, highA);

  const QModelIndex p95 =
      panel.diffModel()->figureIndex(QStringLiteral("billing"), QStringLiteral("latency_p95_s"));
  ASSERT_TRUE(p95.isValid());
  EXPECT_EQ(p95.siblingAtColumn(DiffModel::Change).data(DiffModel::VerdictRole).toInt(),
            DiffModel::Worse);
  EXPECT_TRUE(panel.diffView()->isExpanded(panel.diffModel()->sectionIndex("billing")));
}

TEST_F(ComparisonPanelTest, LinesAreDecimatedToThePlotWidth) {
  ComparisonPanel panel;
  panel.resize(500, 500);
  panel.show();
  QString error;
  ASSERT_TRUE(panel.setRuns(file("a.evrec"), file("b.evrec"), &error)) << error.toStdString();
  panel.setMetric(ChartMetric::Throughput);
  panel.redraw();
  ASSERT_GT(panel.dataA().bucketCount(), 100u);
  const double width = panel.chart()->plotArea().width();
  ASSERT_GT(width, 50);
  // At most two points (min and max) per pair of pixel columns: one per column on average.
  EXPECT_LE(static_cast<double>(panel.lastMaxLinePoints()), std::max(100.0, width) + 2);
  EXPECT_LT(static_cast<std::size_t>(panel.lastMaxLinePoints()), panel.dataA().bucketCount());
  EXPECT_EQ(panel.lastPointCount(), [&] {
    qsizetype total = 0;
    for (QAbstractSeries* s : panel.chart()->series())
      total += qobject_cast<QLineSeries*>(s)->count();
    return total;
  }());
}

TEST_F(ComparisonPanelTest, MetricAndServicePickersChooseTheLines) {
  ComparisonPanel panel;
  panel.resize(900, 600);
  QString error;
  ASSERT_TRUE(panel.setRuns(file("a.evrec"), file("b.evrec"), &error)) << error.toStdString();
  panel.setMetric(ChartMetric::Latency);  // all services: p95 only
  EXPECT_EQ(panel.chart()->series().size(), 10);
  EXPECT_NE(lineNamed(panel.chart(), QStringLiteral("billing p95 (B)")), nullptr);
  panel.setService(QStringLiteral("billing"));  // one service: its three percentiles
  EXPECT_EQ(panel.chart()->series().size(), 6);
  EXPECT_NE(lineNamed(panel.chart(), QStringLiteral("billing p99 (A)")), nullptr);
  panel.setMetric(ChartMetric::PartitionBacklog);  // one line per queue of billing
  const std::size_t queues = panel.dataA().queueCount(0);
  ASSERT_GT(queues, 0u);
  EXPECT_EQ(panel.chart()->series().size(), static_cast<qsizetype>(2 * queues));
  EXPECT_EQ(panel.metric(), ChartMetric::PartitionBacklog);
}

TEST_F(ComparisonPanelTest, RunsWithoutAReportAreRefusedAndChangeNothing) {
  ComparisonPanel panel;
  QString error;
  ASSERT_TRUE(panel.setRuns(file("a.evrec"), file("b.evrec"), &error)) << error.toStdString();
  {
    std::ofstream out(s_dir->file("events.jsonl"));
    for (int i = 0; i < 20; ++i)
      out << R"({"specversion":"1.0","id":"e)" << i
          << R"(","source":"/shop","type":"OrderPlaced","subject":"orders","time":"2026-11-26T10:00:0)"
          << i / 10 << "." << i % 10 << R"(00Z"})"
          << "\n";
  }
  const core::ImportResult imported =
      core::importCloudEvents(s_dir->file("events.jsonl"), s_dir->file("imported.evrec"));
  ASSERT_TRUE(imported.ok());
  EXPECT_FALSE(panel.setRuns(file("a.evrec"), file("imported.evrec"), &error));
  EXPECT_TRUE(error.contains(QStringLiteral("imported"))) << error.toStdString();
  EXPECT_TRUE(error.contains(QStringLiteral("imported.evrec"))) << error.toStdString();
  EXPECT_FALSE(panel.setRuns(file("missing.evrec"), file("b.evrec"), &error));
  EXPECT_TRUE(error.contains(QStringLiteral("missing.evrec"))) << error.toStdString();
  EXPECT_EQ(panel.chart()->series().size(), 10);  // still the comparison it showed
  EXPECT_GT(panel.diffModel()->rowCount(), 0);
  panel.clear();
  EXPECT_EQ(panel.chart()->series().size(), 0);
  EXPECT_EQ(panel.diffModel()->rowCount(), 0);
}

TEST_F(ComparisonPanelTest, NotesAndExport) {
  ComparisonPanel panel;
  panel.resize(800, 600);
  panel.show();
  QString error;
  ASSERT_TRUE(panel.setRuns(file("a.evrec"), file("b.evrec"), &error)) << error.toStdString();
  panel.setNotes({QStringLiteral("the scenario's inject faults are left out")});
  EXPECT_TRUE(panel.notesText().contains(QStringLiteral("inject faults")));
  panel.setNotes({});
  EXPECT_TRUE(panel.notesText().isEmpty());
  ASSERT_TRUE(panel.exportImage(file("comparison.png"), &error)) << error.toStdString();
  EXPECT_GT(QFile(file("comparison.png")).size(), 1000);
  ASSERT_TRUE(panel.exportImage(file("comparison.svg"), &error)) << error.toStdString();
  QFile svg(file("comparison.svg"));
  ASSERT_TRUE(svg.open(QIODevice::ReadOnly));
  EXPECT_TRUE(svg.readAll().contains("<svg"));
  EXPECT_FALSE(panel.exportImage(file("no-such-dir/x.png"), &error));
}

}  // namespace
}  // namespace eventscope::ui
