#include "ui/charts/comparison_panel.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainter>
#include <QSignalBlocker>
#include <QSplitter>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <tuple>

#include "core/io/run_diff.h"
#include "core/store/stored_report.h"
#include "ui/common/image_export.h"
#include "ui/models/diff_model.h"
#include "ui/models/series_model.h"

namespace eventscope::ui {

namespace {
// One recording's report and buckets, read on the calling thread with its own Recording.
bool readRun(const QString& path, core::RunReport& report, core::TimeSeries& series,
             QString* error) {
  std::string reason;
  auto recording = core::store::Recording::open(path.toStdString(), &reason);
  if (!recording || !core::store::readStoredReport(*recording, report, &reason) ||
      !recording->timeSeries(series, &reason)) {
    *error = QString::fromStdString(reason);
    return false;
  }
  return true;
}

double runSeconds(const ChartData& data) {
  return static_cast<double>(data.bucketCount()) * data.bucketSeconds();
}
}  // namespace

ComparisonPanel::ComparisonPanel(QWidget* parent)
    : QWidget(parent), m_diffModel(new DiffModel(this)) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  m_runsLabel = new QLabel(this);
  m_runsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
  layout->addWidget(m_runsLabel);

  auto* bar = new QHBoxLayout;
  m_metricBox = new QComboBox(this);
  for (int m = 0; m < kChartMetricCount; ++m)
    m_metricBox->addItem(chartMetricName(static_cast<ChartMetric>(m)), m);
  m_serviceBox = new QComboBox(this);
  m_serviceBox->setToolTip(tr("Lines of one service, or of all"));
  auto* exportButton = new QToolButton(this);
  exportButton->setText(tr("Export…"));
  exportButton->setToolTip(tr("Save this chart as PNG or SVG"));
  bar->addWidget(m_metricBox, 1);
  bar->addWidget(m_serviceBox);
  bar->addWidget(exportButton);
  layout->addLayout(bar);

  m_chart = new QChart;
  m_chart->setMargins(QMargins(4, 4, 4, 4));
  m_chart->setAnimationOptions(QChart::NoAnimation);
  m_chart->legend()->setAlignment(Qt::AlignRight);
  m_x = new QValueAxis;
  m_x->setTitleText(tr("simulated time (s)"));
  m_y = new QValueAxis;
  m_chart->addAxis(m_x, Qt::AlignBottom);
  m_chart->addAxis(m_y, Qt::AlignLeft);
  m_view = new QChartView(m_chart, this);
  m_view->setRenderHint(QPainter::Antialiasing, false);
  m_view->setMinimumHeight(160);

  m_diffView = new QTreeView(this);
  m_diffView->setModel(m_diffModel);
  m_diffView->setUniformRowHeights(true);
  m_diffView->setAlternatingRowColors(true);
  m_diffView->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
  m_notesLabel = new QLabel(this);
  m_notesLabel->setWordWrap(true);
  m_notesLabel->hide();

  auto* splitter = new QSplitter(Qt::Vertical, this);
  splitter->addWidget(m_view);
  auto* lower = new QWidget(splitter);
  auto* lowerLayout = new QVBoxLayout(lower);
  lowerLayout->setContentsMargins(0, 0, 0, 0);
  lowerLayout->addWidget(m_diffView, 1);
  lowerLayout->addWidget(m_notesLabel);
  splitter->addWidget(lower);
  splitter->setStretchFactor(0, 3);
  splitter->setStretchFactor(1, 2);
  splitter->setSizes({600, 400});  // the chart first: the table's size hint would take most
  layout->addWidget(splitter, 1);

  connect(m_metricBox, &QComboBox::currentIndexChanged, this,
          [this](int index) { setMetric(static_cast<ChartMetric>(index)); });
  connect(m_serviceBox, &QComboBox::currentIndexChanged, this, [this](int index) {
    if (index >= 0) setService(m_serviceBox->itemData(index).toString());
  });
  connect(exportButton, &QToolButton::clicked, this, &ComparisonPanel::exportRequested);
  // A resized plot needs another decimation (and only then: replace() does not resize it).
  connect(m_chart, &QChart::plotAreaChanged, this, [this] {
    if (!m_lines.empty() && plotColumns() != m_columns) redraw();
  });
  refillServiceBox();
  setMetric(ChartMetric::Backlog);
}

ComparisonPanel::~ComparisonPanel() = default;

bool ComparisonPanel::setRuns(const QString& recordingA, const QString& recordingB,
                              QString* error) {
  core::RunReport reportA, reportB;
  core::TimeSeries seriesA, seriesB;
  if (!readRun(recordingA, reportA, seriesA, error) ||
      !readRun(recordingB, reportB, seriesB, error))
    return false;
  m_a.clear();
  m_a.sync(seriesA);
  m_b.clear();
  m_b.sync(seriesB);
  m_diffModel->setDiff(core::diffReports(reportA, reportB));
  m_diffView->expandAll();
  m_runsLabel->setText(
      tr("A: %1    B: %2").arg(QFileInfo(recordingA).fileName(), QFileInfo(recordingB).fileName()));
  m_runsLabel->setToolTip(tr("A: %1\nB: %2").arg(recordingA, recordingB));
  refillServiceBox();
  rebuildLines();
  return true;
}

void ComparisonPanel::setNotes(const QStringList& notes) {
  m_notesLabel->setText(notes.isEmpty() ? QString()
                                        : tr("Notes on the replay:") + QStringLiteral("\n• ") +
                                              notes.join(QStringLiteral("\n• ")));
  m_notesLabel->setVisible(!notes.isEmpty());
}

QString ComparisonPanel::notesText() const {
  return m_notesLabel->text();
}

void ComparisonPanel::clear() {
  m_a.clear();
  m_b.clear();
  m_diffModel->clear();
  m_runsLabel->clear();
  setNotes({});
  refillServiceBox();
  rebuildLines();
}

void ComparisonPanel::setMetric(ChartMetric metric) {
  m_metric = metric;
  if (m_metricBox->currentIndex() != static_cast<int>(metric))
    m_metricBox->setCurrentIndex(static_cast<int>(metric));
  m_y->setTitleText(chartMetricUnit(metric));
  rebuildLines();
}

void ComparisonPanel::setService(const QString& service) {
  m_service = service;
  const int index = m_serviceBox->findData(service);
  if (index >= 0 && index != m_serviceBox->currentIndex()) m_serviceBox->setCurrentIndex(index);
  rebuildLines();
}

void ComparisonPanel::refillServiceBox() {
  QSignalBlocker blocker(m_serviceBox);
  m_serviceBox->clear();
  m_serviceBox->addItem(tr("All services"), QString());
  QStringList names;
  for (const ChartData* run : {&m_a, &m_b})
    for (const std::string& name : run->serviceNames())
      if (!names.contains(QString::fromStdString(name))) names << QString::fromStdString(name);
  for (const QString& name : names)
    m_serviceBox->addItem(name, name);
  if (!names.contains(m_service)) m_service.clear();
  m_serviceBox->setCurrentIndex(std::max(0, m_serviceBox->findData(m_service)));
}

void ComparisonPanel::rebuildLines() {
  for (Line& line : m_lines) {
    for (QLineSeries* series : {line.a, line.b}) {
      if (series == nullptr) continue;
      m_chart->removeSeries(series);
      delete series;
    }
  }
  m_lines.clear();
  // Lines are matched across the runs by label ("billing", "billing p95", "billing #2"); one
  // colour per service (per percentile or partition when one service is shown).
  QStringList services;
  for (const ChartData* run : {&m_a, &m_b}) {
    for (const auto& [key, label] : run->seriesOf(m_metric)) {
      const QString service = QString::fromStdString(run->serviceNames()[key.service]);
      if (!m_service.isEmpty() && service != m_service) continue;
      if (m_service.isEmpty() && m_metric == ChartMetric::Latency && key.part != 1) continue;
      if (!services.contains(service)) services << service;
      auto it = std::find_if(m_lines.begin(), m_lines.end(),
                             [&](const Line& l) { return l.label == label; });
      if (it == m_lines.end()) {
        Line line;
        line.label = label;
        line.colour = m_service.isEmpty() ? static_cast<int>(services.indexOf(service))
                                          : static_cast<int>(m_lines.size());
        m_lines.push_back(line);
        it = std::prev(m_lines.end());
      }
      (run == &m_a ? it->inA : it->inB) = true;
      (run == &m_a ? it->keyA : it->keyB) = key;
    }
  }
  for (Line& line : m_lines) {
    const QColor colour = SeriesModel::colorFor(line.colour);
    const auto add = [&](bool present, Qt::PenStyle style, const QString& run) -> QLineSeries* {
      if (!present) return nullptr;
      auto* series = new QLineSeries;
      series->setName(QStringLiteral("%1 (%2)").arg(line.label, run));
      QPen pen(colour, style == Qt::SolidLine ? 1.5 : 2.0, style);
      pen.setCosmetic(true);
      series->setPen(pen);
      m_chart->addSeries(series);
      series->attachAxis(m_x);
      series->attachAxis(m_y);
      return series;
    };
    line.a = add(line.inA, Qt::SolidLine, QStringLiteral("A"));
    line.b = add(line.inB, Qt::DashLine, QStringLiteral("B"));
  }
  m_chart->legend()->setVisible(!m_lines.empty());
  redraw();
}

std::size_t ComparisonPanel::plotColumns() const {
  // Min/max per two pixels: at most about one point per pixel column per line (rule 6).
  return static_cast<std::size_t>(std::max(50.0, m_chart->plotArea().width() / 2));
}

void ComparisonPanel::redraw() {
  m_columns = plotColumns();
  const double end = std::max({runSeconds(m_a), runSeconds(m_b), 1e-9});
  double high = 0;
  m_lastPointCount = 0;
  m_lastMaxLinePoints = 0;
  for (Line& line : m_lines) {
    for (const auto& [series, run, key] :
         {std::tuple{line.a, &m_a, line.keyA}, std::tuple{line.b, &m_b, line.keyB}}) {
      if (series == nullptr) continue;
      const QList<QPointF> points = run->points(m_metric, key, 0, run->bucketCount(), m_columns);
      for (const QPointF& p : points)
        high = std::max(high, p.y());
      m_lastPointCount += points.size();
      m_lastMaxLinePoints = std::max(m_lastMaxLinePoints, points.size());
      series->replace(points);
    }
  }
  m_x->setRange(0, end);
  m_x->setLabelFormat(end >= 20 ? QStringLiteral("%.0f") : QStringLiteral("%.1f"));
  m_y->setRange(0, high > 0 ? high * 1.05 : 1);
  m_y->applyNiceNumbers();
  m_y->setLabelFormat(m_y->max() >= 20  ? QStringLiteral("%.0f")
                      : m_y->max() >= 2 ? QStringLiteral("%.1f")
                                        : QStringLiteral("%.3f"));
}

void ComparisonPanel::setDarkTheme(bool dark) {
  m_chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
  rebuildLines();  // a theme resets the lines' pens
}

bool ComparisonPanel::exportImage(const QString& path, QString* error) {
  return saveWidgetImage(m_view, path, tr("%1, A against B").arg(chartMetricName(m_metric)), error);
}

}  // namespace eventscope::ui
