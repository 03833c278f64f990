#include "ui/models/series_model.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>

namespace eventscope::ui {
namespace {

TEST(SeriesModelTest, ChecksSeriesAndKeepsChoicesAcrossResets) {
  SeriesModel model;
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
  model.setSeries({{{0, 0}, "billing"}, {{1, 0}, "inventory"}});
  ASSERT_EQ(model.rowCount(), 2);
  EXPECT_EQ(model.checkedSeries().size(), 2u);
  ASSERT_TRUE(model.setData(model.index(0), Qt::Unchecked, Qt::CheckStateRole));
  ASSERT_EQ(model.checkedSeries().size(), 1u);
  EXPECT_EQ(model.checkedSeries()[0].service, 1u);
  // The same labels again (a reset run): the choice stays.
  model.setSeries({{{0, 0}, "billing"}, {{1, 0}, "inventory"}, {{2, 0}, "shipping"}});
  EXPECT_EQ(model.index(0).data(Qt::CheckStateRole).toInt(), Qt::Unchecked);
  EXPECT_EQ(model.checkedSeries().size(), 2u);
  EXPECT_EQ(model.label({2, 0}), QStringLiteral("shipping"));
}

TEST(SeriesModelTest, ManySeriesStartWithOnlyTheFirstChecked) {
  SeriesModel model;
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
  std::vector<std::pair<SeriesKey, QString>> series;
  for (int q = 0; q < 40; ++q)
    series.push_back({{0, q}, QStringLiteral("billing #%1").arg(q)});
  model.setSeries(series);
  EXPECT_EQ(model.rowCount(), 40);
  EXPECT_EQ(model.checkedSeries().size(), 8u);
  EXPECT_FALSE(model.setData(model.index(0), "x", Qt::DisplayRole));
}

}  // namespace
}  // namespace eventscope::ui
