#include "ui/charts/charts_panel.h"

#include <gtest/gtest.h>

#include <QChart>
#include <QFile>
#include <QLineSeries>
#include <QTemporaryDir>

#include "ui/models/series_model.h"

namespace eventscope::ui {
namespace {

core::TimeSeries twoServices(std::size_t buckets) {
  core::TimeSeries series;
  series.bucketWidth = 10 * core::kMillisecond;
  series.serviceNames = {"billing", "shipping"};
  series.services.resize(2);
  series.queues = {std::vector<std::vector<core::QueueSample>>(2),
                   std::vector<std::vector<core::QueueSample>>(1)};
  for (std::size_t b = 0; b < buckets; ++b)
    for (std::size_t s = 0; s < 2; ++s) {
      core::ServiceSample sample;
      sample.backlog = static_cast<float>((b * (s + 3)) % 97);
      series.services[s].push_back(sample);
      for (auto& queue : series.queues[s])
        queue.push_back({sample.backlog, sample.backlog});
    }
  return series;
}

TEST(ChartsPanelTest, DrawsCheckedSeriesDecimatedToThePlotWidth) {
  ChartsPanel panel;
  panel.resize(900, 300);
  panel.show();
  panel.update(twoServices(50'000), 500 * core::kSecond, 500 * core::kSecond);
  panel.redraw();
  ASSERT_EQ(panel.lines().size(), 2);
  const double columns = panel.chart()->plotArea().width();
  for (QLineSeries* line : panel.lines())
    EXPECT_LE(line->count(), 2 * columns + 2);
  // Unchecking a series removes its line.
  panel.seriesModel()->setData(panel.seriesModel()->index(1), Qt::Unchecked, Qt::CheckStateRole);
  EXPECT_EQ(panel.lines().size(), 1);
  panel.setMetric(ChartMetric::PartitionBacklog);
  EXPECT_EQ(panel.seriesModel()->rowCount(), 3);
}

TEST(ChartsPanelTest, TheCursorIsAVerticalLineAtItsTime) {
  ChartsPanel panel;
  panel.resize(900, 300);
  panel.update(twoServices(3000), 60 * core::kSecond, 60 * core::kSecond);
  const int withoutCursor = static_cast<int>(panel.chart()->series().size());
  panel.setCursorTime(12 * core::kSecond);
  ASSERT_EQ(panel.cursorTime(), 12 * core::kSecond);
  const QLineSeries* cursor = nullptr;
  for (QAbstractSeries* s : panel.chart()->series())
    if (s->isVisible() && !panel.lines().contains(static_cast<QLineSeries*>(s)))
      cursor = static_cast<QLineSeries*>(s);
  ASSERT_NE(cursor, nullptr);
  ASSERT_EQ(cursor->count(), 2);
  EXPECT_DOUBLE_EQ(cursor->at(0).x(), 12.0);
  EXPECT_DOUBLE_EQ(cursor->at(1).x(), 12.0);
  EXPECT_GT(cursor->at(1).y(), cursor->at(0).y());
  panel.setCursorTime(std::nullopt);
  EXPECT_FALSE(cursor->isVisible());
  EXPECT_EQ(panel.chart()->series().size(), withoutCursor);
}

TEST(ChartsPanelTest, ASlidingWindowShowsTheLastSeconds) {
  ChartsPanel panel;
  panel.resize(900, 300);
  panel.update(twoServices(3000), 30 * core::kSecond, 60 * core::kSecond);
  panel.setWindow(ChartsPanel::Window::Last10s);
  const QLineSeries* line = panel.lines().front();
  ASSERT_GT(line->count(), 0);
  EXPECT_GE(line->at(0).x(), 19.9);
  EXPECT_LE(line->at(line->count() - 1).x(), 30.1);
}

TEST(ChartsPanelTest, ExportsPngAndSvg) {
  QTemporaryDir dir;
  ChartsPanel panel;
  panel.resize(900, 300);
  panel.show();
  panel.update(twoServices(500), 5 * core::kSecond, 5 * core::kSecond);
  QString error;
  ASSERT_TRUE(panel.exportImage(dir.filePath("chart.png"), &error)) << error.toStdString();
  ASSERT_TRUE(panel.exportImage(dir.filePath("chart.svg"), &error)) << error.toStdString();
  QFile png(dir.filePath("chart.png"));
  ASSERT_TRUE(png.open(QIODevice::ReadOnly));
  EXPECT_TRUE(png.read(8).startsWith("\x89PNG"));
  QFile svg(dir.filePath("chart.svg"));
  ASSERT_TRUE(svg.open(QIODevice::ReadOnly));
  const QByteArray text = svg.readAll();
  EXPECT_TRUE(text.contains("<svg"));
  EXPECT_TRUE(text.contains("polyline") || text.contains("<path"));
  EXPECT_FALSE(panel.exportImage(dir.filePath("missing/dir/chart.png"), &error));
}

}  // namespace
}  // namespace eventscope::ui
