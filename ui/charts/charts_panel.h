#pragma once

#include <QWidget>
#include <map>
#include <memory>
#include <optional>

#include "core/metrics/time_series.h"
#include "ui/charts/chart_data.h"

class QChart;
class QChartView;
class QComboBox;
class QLineSeries;
class QListView;
class QValueAxis;

namespace eventscope::ui {

class SeriesModel;

// The charts dock: one metric at a time (backlog, lag, throughput, latency percentiles,
// utilization, instances, dead letters, duplicates, drops, retries, per-partition backlog) over
// simulated time, for the series a person checks; the whole run or a sliding window; export
// as PNG or SVG. Lines get decimated points from ChartData and are updated with replace().
class ChartsPanel : public QWidget {
  Q_OBJECT

 public:
  enum class Window { WholeRun, Last10s, Last60s };

  explicit ChartsPanel(QWidget* parent = nullptr);
  ~ChartsPanel() override;

  // New buckets of the run; `now` and `end` place the window. Cheap when nothing changed.
  void update(const core::TimeSeries& series, core::SimTime now, core::SimTime end);
  void clear();
  void setMetric(ChartMetric metric);
  void setWindow(Window window);
  ChartMetric metric() const { return m_metric; }

  void setDarkTheme(bool dark);
  // A vertical line at simulated time t (the timeline's cursor); nullopt hides it.
  void setCursorTime(std::optional<core::SimTime> t);
  std::optional<core::SimTime> cursorTime() const { return m_cursorTime; }
  bool exportImage(const QString& path, QString* error);
  QChart* chart() const { return m_chart; }
  // The data lines drawn now (the chart also holds the cursor's line).
  QList<QLineSeries*> lines() const;
  SeriesModel* seriesModel() const { return m_seriesModel; }
  const ChartData& data() const { return m_data; }
  // Points handed to the chart in the last redraw, over all lines (tests check decimation).
  qsizetype lastPointCount() const { return m_lastPointCount; }
  void redraw();

 Q_SIGNALS:
  // The Export button: the window asks where to save.
  void exportRequested();

 private:
  void rebuildLines();
  void placeCursor();

  ChartData m_data;
  ChartMetric m_metric = ChartMetric::Backlog;
  Window m_window = Window::WholeRun;
  core::SimTime m_now = 0, m_end = 0;
  QComboBox* m_metricBox;
  QComboBox* m_windowBox;
  QChart* m_chart;
  QChartView* m_view;
  QValueAxis* m_x;
  QValueAxis* m_y;
  QListView* m_seriesList;
  SeriesModel* m_seriesModel;
  std::map<SeriesKey, QLineSeries*> m_lines;
  QLineSeries* m_cursor;  // two points: a vertical line over the plot
  std::optional<core::SimTime> m_cursorTime;
  qsizetype m_lastPointCount = 0;
  double m_yTop = 0;  // the y axis's top; 0: not set yet
};

}  // namespace eventscope::ui
