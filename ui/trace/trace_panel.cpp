#include "ui/trace/trace_panel.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

#include "core/io/scenario_reader.h"
#include "ui/common/image_export.h"
#include "ui/trace/causation_tree_model.h"
#include "ui/trace/trace_axis.h"
#include "ui/trace/trace_waterfall.h"

namespace eventscope::ui {

TracePanel::TracePanel(QWidget* parent) : QWidget(parent) {
  m_search = new QLineEdit(this);
  m_search->setPlaceholderText(tr("Correlation id or event id"));
  m_search->setClearButtonEnabled(true);
  auto* show = new QPushButton(tr("Show trace"), this);
  m_export = new QPushButton(tr("Export…"), this);
  m_export->setToolTip(tr("Save the waterfall as PNG or SVG"));
  m_export->setEnabled(false);
  m_message = new QLabel(this);
  m_message->setWordWrap(true);
  m_message->setVisible(false);
  m_totals = new QLabel(this);
  m_totals->setTextInteractionFlags(Qt::TextSelectableByMouse);

  m_waterfall = new TraceWaterfall(this);
  m_model = new CausationTreeModel(this);
  m_tree = new QTreeView(this);
  m_tree->setModel(m_model);
  m_tree->setUniformRowHeights(true);
  m_tree->setAlternatingRowColors(true);
  m_tree->header()->setStretchLastSection(true);
  auto* splitter = new QSplitter(Qt::Horizontal, this);
  splitter->addWidget(m_waterfall);
  splitter->addWidget(m_tree);
  splitter->setStretchFactor(0, 3);
  splitter->setStretchFactor(1, 2);

  auto* bar = new QHBoxLayout;
  bar->addWidget(m_search, 1);
  bar->addWidget(show);
  bar->addWidget(m_export);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addLayout(bar);
  layout->addWidget(m_message);
  layout->addWidget(m_totals);
  layout->addWidget(splitter, 1);

  connect(m_search, &QLineEdit::returnPressed, this, [this] { search(m_search->text()); });
  connect(show, &QPushButton::clicked, this, [this] { search(m_search->text()); });
  connect(m_export, &QPushButton::clicked, this, &TracePanel::onExportClicked);
  connect(m_waterfall, &TraceWaterfall::spanClicked, this, &TracePanel::timeRequested);
  connect(m_waterfall, &TraceWaterfall::rowClicked, this, &TracePanel::onWaterfallRowClicked);
  connect(m_tree, &QTreeView::clicked, this, &TracePanel::onTreeClicked);
  clear();
}

TracePanel::~TracePanel() = default;

void TracePanel::setRecording(std::shared_ptr<const core::store::Recording> recording) {
  m_recording = std::move(recording);
  m_policies.clear();
  // The model the recording was made from says how long each retry backed off and which
  // topics are dead-letter topics; an imported recording has none (gaps are then waiting).
  if (m_recording) {
    const std::string text = m_recording->meta("scenario");
    if (!text.empty()) {
      core::ScenarioReadResult read = core::parseScenario(text, m_recording->path());
      if (read.ok()) m_policies = tracePoliciesOf(*read.scenario);
    }
  }
  clear();
  m_message->setVisible(false);
}

void TracePanel::clear() {
  m_correlation = 0;
  m_waterfall->setTrace(nullptr);
  m_model->setTrace(nullptr);
  m_totals->setText(m_recording ? tr("Type a correlation id or an event id and press Enter.")
                                : tr("Open a recording to see its traces."));
  m_export->setEnabled(false);
  Q_EMIT pathChanged({});
  Q_EMIT cleared();
}

void TracePanel::showMessage(const QString& text) {
  m_message->setText(text);
  m_message->setVisible(!text.isEmpty());
}

QString TracePanel::message() const {
  return m_message->isHidden() ? QString() : m_message->text();
}

QString TracePanel::totalsText() const {
  return m_totals->text();
}

bool TracePanel::showTrace(std::uint64_t correlation) {
  if (!m_recording) {
    showMessage(tr("No recording is open: open one to see its traces."));
    return false;
  }
  auto trace = std::make_shared<core::store::Trace>();
  std::string error;
  if (!m_recording->trace(correlation, *trace, &error)) {
    showMessage(QString::fromStdString(error));
    return false;
  }
  if (trace->events.empty()) {
    showMessage(tr("No trace with correlation id %1 in this recording.").arg(correlation));
    return false;
  }
  showMessage({});
  m_correlation = correlation;
  m_waterfall->setTrace(trace, m_policies);
  m_model->setTrace(trace);
  m_tree->expandAll();
  for (int c = 0; c < CausationTreeModel::OutcomeColumn; ++c)
    m_tree->resizeColumnToContents(c);
  const TraceTotals& totals = m_waterfall->layout().totals();
  m_totals->setText(tr("Correlation %1 \u2014 events: %2, attempts: %3, retries: %4, dead letters: "
                       "%5, duplicates: %6, drops: %7; %8 from %9 s")
                        .arg(correlation)
                        .arg(totals.events)
                        .arg(totals.attempts)
                        .arg(totals.retries)
                        .arg(totals.deadLetters)
                        .arg(totals.duplicates)
                        .arg(totals.drops)
                        .arg(QString::fromStdString(formatTraceDuration(totals.end - totals.begin)))
                        .arg(core::toSeconds(totals.begin), 0, 'f', 6));
  m_export->setEnabled(true);
  Q_EMIT pathChanged(m_waterfall->layout().path());
  return true;
}

bool TracePanel::showTraceOfEvent(std::uint64_t eventId) {
  if (!m_recording) return showTrace(eventId);
  core::store::EventQuery query;
  query.afterId = eventId - 1;  // keyset paging: the first event after id - 1 is id itself
  query.limit = 1;
  core::store::EventPage page;
  std::string error;
  if (eventId == 0 || !m_recording->events(query, page, &error) || page.events.empty() ||
      page.events.front().id != eventId) {
    showMessage(error.empty() ? tr("No event or correlation id %1 in this recording.").arg(eventId)
                              : QString::fromStdString(error));
    return false;
  }
  return showTrace(page.events.front().correlation);
}

bool TracePanel::search(const QString& text) {
  QString id = text.trimmed();
  if (id.startsWith(QLatin1Char('#'))) id.remove(0, 1);
  bool ok = false;
  const qulonglong number = id.toULongLong(&ok);
  if (!ok || number == 0) {
    showMessage(tr("'%1' is not an id: type a correlation id or an event id (a number).")
                    .arg(text.trimmed()));
    return false;
  }
  if (m_search->text() != text) m_search->setText(text);
  if (!m_recording) return showTrace(number);
  // A correlation id is the id of its chain's root event, so the two lookups agree on roots.
  core::store::Trace probe;
  std::string error;
  if (m_recording->trace(number, probe, &error) && !probe.events.empty()) return showTrace(number);
  return showTraceOfEvent(number);
}

bool TracePanel::exportImage(const QString& path, QString* error) {
  if (m_correlation == 0) {
    *error = tr("no trace is shown");
    return false;
  }
  return saveWidgetImage(m_waterfall, path, tr("Trace %1").arg(m_correlation), error);
}

void TracePanel::onExportClicked() {
  const QString path = QFileDialog::getSaveFileName(
      this, tr("Export trace"), QStringLiteral("trace-%1.png").arg(m_correlation),
      tr("PNG image (*.png);;SVG image (*.svg)"));
  if (path.isEmpty()) return;
  QString error;
  if (!exportImage(path, &error)) showMessage(error);
}

void TracePanel::onTreeClicked(const QModelIndex& index) {
  if (!index.isValid()) return;
  const auto event =
      static_cast<std::size_t>(index.data(CausationTreeModel::EventIndexRole).toInt());
  m_waterfall->selectRow(m_waterfall->layout().rowOfEvent(event));
  Q_EMIT timeRequested(index.data(CausationTreeModel::TimeRole).toLongLong());
}

void TracePanel::onWaterfallRowClicked(int row) {
  const auto& rows = m_waterfall->layout().rows();
  if (row < 0 || row >= static_cast<int>(rows.size())) return;
  const QModelIndex index = m_model->indexOfEvent(rows[static_cast<std::size_t>(row)].event);
  m_tree->setCurrentIndex(index);
  m_tree->scrollTo(index);
}

}  // namespace eventscope::ui
