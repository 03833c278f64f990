#include "ui/models/diff_model.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QBrush>

namespace eventscope::ui {
namespace {

core::ServiceReport service(const std::string& name, double p95, double throughput,
                            std::uint64_t deadLettered, double utilization) {
  core::ServiceReport s;
  s.name = name;
  s.acked = 1000;
  s.throughputPerS = throughput;
  s.latency = {
      .count = 1000, .mean = p95 / 2, .p50 = p95 / 3, .p95 = p95, .p99 = p95 * 2, .max = p95 * 3};
  s.wait = s.latency;
  s.deadLettered = deadLettered;
  s.utilization = utilization;
  s.instancesMean = 3;
  return s;
}

core::RunDiff twoRuns() {
  core::RunReport a, b;
  a.totals.produced = b.totals.produced = 5000;
  a.totals.acked = 4000;
  b.totals.acked = 4500;
  b.totals.dropped = 3;
  a.services = {service("billing", 0.2, 100, 10, 0.9), service("inventory", 0.01, 100, 0, 0.3)};
  b.services = {service("billing", 0.05, 120, 12, 0.6), service("inventory", 0.01, 100, 0, 0.3),
                service("audit", 0.001, 50, 0, 0.1)};
  return core::diffReports(a, b);
}

TEST(DiffModelTest, ServicesAreSectionsAndFiguresTheirRows) {
  DiffModel model;
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
  EXPECT_EQ(model.rowCount(), 0);
  model.setDiff(twoRuns());
  ASSERT_EQ(model.rowCount(), 4);  // totals, billing, inventory, audit (only in B)
  EXPECT_EQ(model.columnCount(), DiffModel::ColumnCount);
  EXPECT_EQ(model.index(0, DiffModel::Figure).data().toString(), QStringLiteral("Run totals"));
  EXPECT_EQ(model.index(1, DiffModel::Figure).data().toString(), QStringLiteral("billing"));
  EXPECT_EQ(model.index(3, DiffModel::Figure).data().toString(),
            QStringLiteral("audit (only in B)"));
  const QModelIndex billing = model.sectionIndex(QStringLiteral("billing"));
  ASSERT_TRUE(billing.isValid());
  EXPECT_EQ(model.rowCount(billing), static_cast<int>(twoRuns().services[0].figures.size()));
  EXPECT_EQ(model.parent(model.index(2, DiffModel::B, billing)), billing);
  EXPECT_EQ(model.headerData(DiffModel::Change, Qt::Horizontal, Qt::DisplayRole).toString(),
            QStringLiteral("Change"));
}

TEST(DiffModelTest, ChangesAreColouredByWhichWayIsBetter) {
  DiffModel model;
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
  model.setDiff(twoRuns());
  const auto figure = [&](const char* service, const char* key, int column) {
    const QModelIndex row = model.figureIndex(QString::fromUtf8(service), QString::fromUtf8(key));
    EXPECT_TRUE(row.isValid()) << service << " " << key;
    return row.siblingAtColumn(column);
  };
  // Lower latency: better, by -75%.
  const QModelIndex p95 = figure("billing", "latency_p95_s", DiffModel::Change);
  EXPECT_EQ(p95.data().toString(), QStringLiteral("-75.0%"));
  EXPECT_EQ(p95.data(DiffModel::VerdictRole).toInt(), DiffModel::Better);
  EXPECT_DOUBLE_EQ(p95.data(DiffModel::RelativeChangeRole).toDouble(), -0.75);
  EXPECT_EQ(p95.data(Qt::ForegroundRole).value<QBrush>().color(),
            DiffModel::verdictColor(DiffModel::Better));
  EXPECT_EQ(figure("billing", "latency_p95_s", DiffModel::Figure).data().toString(),
            QStringLiteral("latency p95 (s)"));
  EXPECT_DOUBLE_EQ(
      figure("billing", "latency_p95_s", DiffModel::A).data(DiffModel::ValueRole).toDouble(), 0.2);
  // Higher throughput: better. More dead letters: worse. Utilization: no better side.
  EXPECT_EQ(
      figure("billing", "throughput_per_s", DiffModel::Change).data(DiffModel::VerdictRole).toInt(),
      DiffModel::Better);
  const QModelIndex dead = figure("billing", "dead_lettered", DiffModel::Change);
  EXPECT_EQ(dead.data(DiffModel::VerdictRole).toInt(), DiffModel::Worse);
  EXPECT_EQ(dead.data().toString(), QStringLiteral("+20.0%"));
  EXPECT_EQ(figure("billing", "dead_lettered", DiffModel::B).data().toString(),
            QStringLiteral("12"));
  EXPECT_EQ(
      figure("billing", "utilization", DiffModel::Change).data(DiffModel::VerdictRole).toInt(),
      DiffModel::Changed);
  // An untouched service: every figure the same, nothing coloured.
  const QModelIndex same = figure("inventory", "latency_p95_s", DiffModel::Change);
  EXPECT_EQ(same.data().toString(), QStringLiteral("="));
  EXPECT_EQ(same.data(DiffModel::VerdictRole).toInt(), DiffModel::Unchanged);
  EXPECT_FALSE(same.data(Qt::ForegroundRole).isValid());
  // Run totals; from zero the difference, not a percentage; a missing side: no change at all.
  EXPECT_EQ(figure("", "acked", DiffModel::Change).data().toString(), QStringLiteral("+12.5%"));
  const QModelIndex dropped = figure("", "dropped", DiffModel::Change);
  EXPECT_EQ(dropped.data().toString(), QStringLiteral("+3"));
  EXPECT_EQ(dropped.data(DiffModel::VerdictRole).toInt(), DiffModel::Worse);
  const QModelIndex audit = figure("audit", "latency_p95_s", DiffModel::Change);
  EXPECT_EQ(audit.data(DiffModel::VerdictRole).toInt(), DiffModel::Missing);
  EXPECT_EQ(audit.siblingAtColumn(DiffModel::A).data().toString(), QStringLiteral("–"));
  EXPECT_FALSE(audit.data(DiffModel::RelativeChangeRole).isValid());
  // Sections sum their figures up.
  EXPECT_EQ(model.sectionIndex(QStringLiteral("billing")).data(DiffModel::VerdictRole).toInt(),
            DiffModel::Worse);
  EXPECT_TRUE(model.sectionIndex(QStringLiteral("billing"))
                  .siblingAtColumn(DiffModel::Change)
                  .data()
                  .toString()
                  .contains(QStringLiteral("worse")));
  EXPECT_EQ(model.sectionIndex(QStringLiteral("inventory")).data(DiffModel::VerdictRole).toInt(),
            DiffModel::Unchanged);
}

TEST(DiffModelTest, DirectionsOfTheReportFigures) {
  using D = DiffModel::Direction;
  EXPECT_EQ(DiffModel::direction("latency_p99_s"), D::LowerIsBetter);
  EXPECT_EQ(DiffModel::direction("backlog_mean"), D::LowerIsBetter);
  EXPECT_EQ(DiffModel::direction("duplicates_processed"), D::LowerIsBetter);
  EXPECT_EQ(DiffModel::direction("throughput_per_s"), D::HigherIsBetter);
  EXPECT_EQ(DiffModel::direction("instances_mean"), D::Neutral);
}

TEST(DiffModelTest, ClearEmptiesTheTree) {
  DiffModel model;
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
  model.setDiff(twoRuns());
  model.clear();
  EXPECT_EQ(model.rowCount(), 0);
  EXPECT_FALSE(model.sectionIndex(QStringLiteral("billing")).isValid());
}

}  // namespace
}  // namespace eventscope::ui
