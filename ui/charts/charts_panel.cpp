#include "ui/charts/charts_panel.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLineSeries>
#include <QListView>
#include <QPainter>
#include <QToolButton>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

#include "ui/common/image_export.h"
#include "ui/models/series_model.h"

namespace eventscope::ui {

namespace {
QPen cursorPen() {
  QPen pen(QColor(0xd3, 0x2f, 0x2f), 1.5);
  pen.setCosmetic(true);
  return pen;
}
}  // namespace

ChartsPanel::ChartsPanel(QWidget* parent) : QWidget(parent), m_seriesModel(new SeriesModel(this)) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  auto* bar = new QHBoxLayout;
  m_metricBox = new QComboBox(this);
  for (int m = 0; m < kChartMetricCount; ++m)
    m_metricBox->addItem(chartMetricName(static_cast<ChartMetric>(m)), m);
  m_windowBox = new QComboBox(this);
  m_windowBox->addItem(tr("Whole run"));
  m_windowBox->addItem(tr("Last 10 s"));
  m_windowBox->addItem(tr("Last 60 s"));
  auto* exportButton = new QToolButton(this);
  exportButton->setText(tr("Export…"));
  exportButton->setToolTip(tr("Save this chart as PNG or SVG"));
  bar->addWidget(m_metricBox, 1);
  bar->addWidget(m_windowBox);
  bar->addWidget(exportButton);
  layout->addLayout(bar);

  auto* body = new QHBoxLayout;
  m_chart = new QChart;
  m_chart->legend()->hide();
  m_chart->setMargins(QMargins(4, 4, 4, 4));
  m_chart->setAnimationOptions(QChart::NoAnimation);
  m_x = new QValueAxis;
  m_x->setTitleText(tr("simulated time (s)"));
  m_x->setLabelFormat(QStringLiteral("%.3g"));
  m_y = new QValueAxis;
  m_y->setLabelFormat(QStringLiteral("%.3g"));
  m_chart->addAxis(m_x, Qt::AlignBottom);
  m_chart->addAxis(m_y, Qt::AlignLeft);
  m_cursor = new QLineSeries;
  m_cursor->setName(tr("cursor"));
  m_cursor->setPen(cursorPen());
  m_chart->addSeries(m_cursor);
  m_cursor->attachAxis(m_x);
  m_cursor->attachAxis(m_y);
  m_cursor->setVisible(false);
  m_view = new QChartView(m_chart, this);
  // No antialiasing: thousands of line segments a frame must stay within the frame budget.
  m_view->setRenderHint(QPainter::Antialiasing, false);
  m_view->setMinimumHeight(160);
  body->addWidget(m_view, 4);
  m_seriesList = new QListView(this);
  m_seriesList->setModel(m_seriesModel);
  m_seriesList->setMaximumWidth(180);
  body->addWidget(m_seriesList, 1);
  layout->addLayout(body, 1);

  connect(m_metricBox, &QComboBox::currentIndexChanged, this,
          [this](int index) { setMetric(static_cast<ChartMetric>(index)); });
  connect(m_windowBox, &QComboBox::currentIndexChanged, this,
          [this](int index) { setWindow(static_cast<Window>(index)); });
  connect(m_seriesModel, &QAbstractItemModel::dataChanged, this, &ChartsPanel::rebuildLines);
  connect(m_seriesModel, &QAbstractItemModel::modelReset, this, &ChartsPanel::rebuildLines);
  connect(exportButton, &QToolButton::clicked, this, &ChartsPanel::exportRequested);
  setMetric(ChartMetric::Backlog);
}

ChartsPanel::~ChartsPanel() = default;

void ChartsPanel::clear() {
  m_data.clear();
  m_now = m_end = 0;
  m_yTop = 0;
  m_seriesModel->setSeries({});
  rebuildLines();
}

void ChartsPanel::setMetric(ChartMetric metric) {
  m_metric = metric;
  if (m_metricBox->currentIndex() != static_cast<int>(metric))
    m_metricBox->setCurrentIndex(static_cast<int>(metric));
  m_y->setTitleText(chartMetricUnit(metric));
  m_seriesModel->setSeries(m_data.seriesOf(metric));
  rebuildLines();
}

void ChartsPanel::setWindow(Window window) {
  m_window = window;
  if (m_windowBox->currentIndex() != static_cast<int>(window))
    m_windowBox->setCurrentIndex(static_cast<int>(window));
  redraw();
}

void ChartsPanel::update(const core::TimeSeries& series, core::SimTime now, core::SimTime end) {
  const std::size_t before = m_data.bucketCount();
  const auto names = m_data.serviceNames();
  m_data.sync(series);
  m_now = now;
  m_end = end;
  if (names != m_data.serviceNames() || m_seriesModel->rowCount() == 0)
    m_seriesModel->setSeries(m_data.seriesOf(m_metric));
  if (m_data.bucketCount() != before || m_window != Window::WholeRun) redraw();
}

void ChartsPanel::rebuildLines() {
  m_yTop = 0;
  for (auto& [key, line] : m_lines) {
    m_chart->removeSeries(line);
    delete line;
  }
  m_lines.clear();
  for (int row = 0; row < m_seriesModel->rowCount(); ++row) {
    const QModelIndex index = m_seriesModel->index(row);
    if (index.data(Qt::CheckStateRole).toInt() != Qt::Checked) continue;
    const SeriesKey key{
        static_cast<std::size_t>(index.data(SeriesModel::KeyServiceRole).toULongLong()),
        index.data(SeriesModel::KeyPartRole).toInt()};
    auto* line = new QLineSeries;
    line->setName(index.data(Qt::DisplayRole).toString());
    QPen pen(SeriesModel::colorFor(row), 1);
    pen.setCosmetic(true);
    line->setPen(pen);
    m_chart->addSeries(line);
    line->attachAxis(m_x);
    line->attachAxis(m_y);
    m_lines.emplace(key, line);
  }
  redraw();
}

void ChartsPanel::redraw() {
  const double bucket = m_data.bucketSeconds();
  const double end = std::max(core::toSeconds(m_end), bucket);
  const double now = core::toSeconds(m_now);
  double from = 0, to = end;
  if (m_window != Window::WholeRun) {
    const double span = m_window == Window::Last10s ? 10 : 60;
    to = std::max(now, span);
    from = to - span;
  }
  const auto first = static_cast<std::size_t>(std::max(0.0, std::floor(from / bucket)));
  const auto last =
      std::min(m_data.bucketCount(), static_cast<std::size_t>(std::ceil(to / bucket)) + 1);
  // Min/max per two pixels: at most one point per pixel column on average. Qt Charts spends
  // ~3 us per point on geometry each time a line changes, so fewer points keep a refresh
  // within a frame.
  const auto columns = static_cast<std::size_t>(std::max(50.0, m_chart->plotArea().width() / 2));
  double high = 0;
  m_lastPointCount = 0;
  for (auto& [key, line] : m_lines) {
    const QList<QPointF> points = m_data.points(m_metric, key, first, last, columns);
    for (const QPointF& p : points)
      high = std::max(high, p.y());
    m_lastPointCount += points.size();
    line->replace(points);
  }
  m_x->setRange(from, to);
  m_x->setLabelFormat(to - from >= 20 ? QStringLiteral("%.0f") : QStringLiteral("%.1f"));
  // The top only grows (to a round number), so the axis does not jitter and lines that did not
  // change keep their geometry.
  if (high > m_yTop || m_yTop == 0) {
    m_y->setRange(0, high > 0 ? high * 1.05 : 1);
    m_y->applyNiceNumbers();
    m_yTop = m_y->max();
    // Plain numbers (2000, not 2e+03), with decimals only where the scale needs them.
    m_y->setLabelFormat(m_yTop >= 20  ? QStringLiteral("%.0f")
                        : m_yTop >= 2 ? QStringLiteral("%.1f")
                                      : QStringLiteral("%.3f"));
  }
  placeCursor();
}

QList<QLineSeries*> ChartsPanel::lines() const {
  QList<QLineSeries*> out;
  for (const auto& [key, line] : m_lines)
    out.push_back(line);
  return out;
}

void ChartsPanel::setCursorTime(std::optional<core::SimTime> t) {
  m_cursorTime = t;
  placeCursor();
}

void ChartsPanel::placeCursor() {
  m_cursor->setVisible(m_cursorTime.has_value());
  if (!m_cursorTime) return;
  const double x = core::toSeconds(*m_cursorTime);
  m_cursor->replace(QList<QPointF>{{x, 0}, {x, m_y->max()}});
}

void ChartsPanel::setDarkTheme(bool dark) {
  m_chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
  m_chart->legend()->hide();
  m_cursor->setPen(cursorPen());
  rebuildLines();  // a theme resets the lines' pens
}

bool ChartsPanel::exportImage(const QString& path, QString* error) {
  return saveWidgetImage(m_view, path, chartMetricName(m_metric), error);
}

}  // namespace eventscope::ui
