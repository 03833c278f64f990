#pragma once

#include <QStringList>
#include <QWidget>
#include <vector>

#include "ui/charts/chart_data.h"

class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QLineSeries;
class QTreeView;
class QValueAxis;

namespace eventscope::ui {

class DiffModel;

// Run A (the original) against run B (a what-if, or any other run): the metric charts of both
// overlaid, A solid and B dashed in one colour per service ("billing (A)", "billing (B)"), the
// same metric picker as the charts dock, the report figures side by side in a DiffModel (better
// in green, worse in red), and the notes of the replay. Both runs are read from their
// recordings once; lines are decimated to the plot width and updated with replace().
class ComparisonPanel : public QWidget {
  Q_OBJECT

 public:
  explicit ComparisonPanel(QWidget* parent = nullptr);
  ~ComparisonPanel() override;

  // Reads both recordings' run reports and metric buckets. False, with one sentence, when
  // either cannot be compared (not a recording, damaged, imported or unfinished: no run
  // report); the panel then keeps what it showed.
  bool setRuns(const QString& recordingA, const QString& recordingB, QString* error);
  // What the replay's preparation said (core::store::prepareReplay); empty hides the notes.
  void setNotes(const QStringList& notes);
  void clear();

  void setMetric(ChartMetric metric);
  ChartMetric metric() const { return m_metric; }
  // Lines of one service only ("" for all; all services show only p95 of the latencies).
  void setService(const QString& service);
  bool exportImage(const QString& path, QString* error);
  void setDarkTheme(bool dark);

  QChart* chart() const { return m_chart; }
  DiffModel* diffModel() const { return m_diffModel; }
  QTreeView* diffView() const { return m_diffView; }
  const ChartData& dataA() const { return m_a; }
  const ChartData& dataB() const { return m_b; }
  QString notesText() const;
  // Points handed to the chart in the last redraw, over all lines, and the most on one line.
  qsizetype lastPointCount() const { return m_lastPointCount; }
  qsizetype lastMaxLinePoints() const { return m_lastMaxLinePoints; }
  void redraw();

 Q_SIGNALS:
  // The Export button: the window asks where to save (then calls exportImage).
  void exportRequested();

 private:
  // One service's series in both runs (absent keys: the run does not have it).
  struct Line {
    QString label;
    int colour = 0;
    bool inA = false, inB = false;
    SeriesKey keyA, keyB;
    QLineSeries* a = nullptr;
    QLineSeries* b = nullptr;
  };
  void rebuildLines();
  void refillServiceBox();
  std::size_t plotColumns() const;

  ChartData m_a, m_b;
  ChartMetric m_metric = ChartMetric::Backlog;
  QString m_service;
  std::vector<Line> m_lines;
  std::size_t m_columns = 0;  // plot columns of the last redraw
  QComboBox* m_metricBox;
  QComboBox* m_serviceBox;
  QLabel* m_runsLabel;
  QLabel* m_notesLabel;
  QChart* m_chart;
  QChartView* m_view;
  QValueAxis* m_x;
  QValueAxis* m_y;
  DiffModel* m_diffModel;
  QTreeView* m_diffView;
  qsizetype m_lastPointCount = 0, m_lastMaxLinePoints = 0;
};

}  // namespace eventscope::ui
