#include "ui/window/event_log_panel.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <filesystem>

#include "ui/models/event_log_model.h"
#include "ui/window/event_details_view.h"
#include "ui/window/event_log_filter_bar.h"

namespace eventscope::ui {

using core::store::Recording;

namespace {
QStringList namesOf(const Recording& recording, core::store::NameKind kind) {
  QStringList list;
  for (const std::string& name : recording.names(kind))
    if (!name.empty()) list << QString::fromStdString(name);
  return list;
}
}  // namespace

EventLogPanel::EventLogPanel(QWidget* parent)
    : QWidget(parent),
      m_model(new EventLogModel(this)),
      m_filterBar(new EventLogFilterBar(this)),
      m_status(new QLabel(this)),
      m_table(new QTableView(this)),
      m_details(new EventDetailsView(this)),
      m_tailTimer(new QTimer(this)) {
  m_table->setModel(m_model);
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->setSelectionMode(QAbstractItemView::SingleSelection);
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->setWordWrap(false);
  m_table->setAlternatingRowColors(true);
  // Uniform row heights: the view never measures rows, whatever their number.
  m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
  m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
  m_table->verticalHeader()->hide();
  m_table->horizontalHeader()->setStretchLastSection(true);
  const int digit = m_table->fontMetrics().horizontalAdvance(QLatin1Char('0'));
  const int widths[EventLogModel::ColumnCount] = {13, 18, 9, 8, 11, 26, 24, 8};
  for (int c = 0; c < EventLogModel::ColumnCount; ++c)
    m_table->horizontalHeader()->resizeSection(c, widths[c] * digit + 12);
  m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_status->setWordWrap(true);

  auto* split = new QSplitter(Qt::Vertical, this);
  split->addWidget(m_table);
  split->addWidget(m_details);
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 2);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(m_filterBar);
  layout->addWidget(m_status);
  layout->addWidget(split, 1);

  connect(m_filterBar, &EventLogFilterBar::filterChanged, this, &EventLogPanel::applyFilter);
  connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          &EventLogPanel::showCurrent);
  connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
    const auto correlation = index.siblingAtColumn(0).data(EventLogModel::CorrelationRole);
    if (correlation.isValid()) Q_EMIT traceRequested(correlation.value<quint64>());
  });
  connect(m_details, &EventDetailsView::traceRequested, this, &EventLogPanel::traceRequested);
  connect(m_model, &EventLogModel::errorOccurred, this, &EventLogPanel::showError);
  connect(m_model, &EventLogModel::modelReset, this, &EventLogPanel::updateStatus);
  connect(m_model, &EventLogModel::rowsInserted, this, &EventLogPanel::updateStatus);
  m_tailTimer->setInterval(kTailIntervalMs);
  connect(m_tailTimer, &QTimer::timeout, this, &EventLogPanel::tail);
  updateStatus();
}

EventLogPanel::~EventLogPanel() = default;

void EventLogPanel::setRecording(std::shared_ptr<const Recording> recording) {
  m_error.clear();
  m_path = recording ? QString::fromStdString(recording->path()) : QString();
  m_details->clear();
  m_model->setRecording(std::move(recording));
  updateChoices();
  updateStatus();
}

bool EventLogPanel::openRecording(const QString& path) {
  if (m_live) {
    // A run is starting to record there: the writer is still setting the file up, and a
    // reader then could make it fail (the database is locked). tail() opens it once it
    // has stood for a tick.
    setRecording(nullptr);
    m_path = path;
    m_fileSeen = false;
    showError(tr("Waiting for the recording %1 to start.").arg(path));
    return false;
  }
  std::string error;
  std::shared_ptr<const Recording> recording = Recording::open(path.toStdString(), &error);
  if (!recording) {
    setRecording(nullptr);
    m_path = path;  // kept: a live run may not have written the file's header yet
    showError(QString::fromStdString(error));
    return false;
  }
  setRecording(std::move(recording));
  return true;
}

void EventLogPanel::setLive(bool live) {
  if (live == m_live) return;
  m_live = live;
  if (live) {
    m_tailTimer->start();
  } else {
    m_tailTimer->stop();
    tail();  // what the run wrote last
  }
  updateStatus();
}

bool EventLogPanel::followingTail() const {
  const QScrollBar* bar = m_table->verticalScrollBar();
  return bar->value() >= bar->maximum();
}

void EventLogPanel::tail() {
  if (m_path.isEmpty()) return;
  if (!m_model->recording() && m_live) {
    std::error_code ec;
    const bool exists = std::filesystem::exists(m_path.toStdString(), ec);
    const bool opening = exists && m_fileSeen;
    m_fileSeen = exists;
    if (!opening) return;  // not there yet, or only just linked into place
  }
  // A fresh connection each time: it also knows the names (event types, keys) that the run
  // added since the last one.
  std::string error;
  std::shared_ptr<const Recording> reopened = Recording::open(m_path.toStdString(), &error);
  const bool following = followingTail();
  if (!m_model->recording()) {
    if (!reopened) return;  // still waiting for the file
    m_error.clear();
    m_model->setRecording(std::move(reopened));
  } else {
    m_model->refresh(std::move(reopened));  // nullptr: the connection it has
  }
  updateChoices();
  if (following && m_model->rowCount() > 0) m_table->scrollToBottom();
  updateStatus();
}

void EventLogPanel::applyFilter(const EventLogFilter& filter) {
  m_error.clear();
  m_details->clear();
  m_model->setFilter(filter);
  updateStatus();
}

void EventLogPanel::showCurrent() {
  const int row = m_table->currentIndex().row();
  const std::uint64_t id = m_model->eventIdAt(row);
  const auto& recording = m_model->recording();
  if (!recording || id == 0) {
    m_details->clear();
    return;
  }
  m_details->display(*recording, id);
  if (m_selecting) return;
  if (const EventLogRow* shown = m_model->rowAt(row)) Q_EMIT timeRequested(shown->t);
}

void EventLogPanel::selectEventAt(core::SimTime t) {
  const QModelIndex current = m_table->currentIndex();
  // The cursor moved to the selected event (this panel asked): several events may share
  // that time, and the person's choice among them stays.
  if (current.isValid() && current.data(EventLogModel::TimeRole).toLongLong() == t) return;
  const int row = m_model->rowAtTime(t);
  if (row < 0) return;
  const QModelIndex index = m_model->index(row, 0);
  m_selecting = true;
  m_table->selectionModel()->setCurrentIndex(
      index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
  m_selecting = false;
  m_table->scrollTo(index);
}

void EventLogPanel::updateChoices() {
  const auto& recording = m_model->recording();
  if (!recording) return;
  m_filterBar->setChoices(namesOf(*recording, core::store::NameKind::EventType),
                          namesOf(*recording, core::store::NameKind::Service));
}

void EventLogPanel::showError(const QString& message) {
  m_error = message;
  updateStatus();
}

void EventLogPanel::updateStatus() {
  if (!m_error.isEmpty()) {
    m_status->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_status->setText(m_error);
    return;
  }
  m_status->setStyleSheet(QString());
  if (!m_model->recording()) {
    m_status->setText(tr("No recording open."));
    return;
  }
  const QLocale locale;
  const int rows = m_model->rowCount();
  QString text;
  if (m_model->hasMoreMatches()) {
    text = tr("%1+ matching events shown (scroll down for more)").arg(locale.toString(rows));
  } else if (m_model->filter() == EventLogFilter{}) {
    text = tr("%1 events").arg(locale.toString(rows));
  } else {
    text = tr("%1 matching events").arg(locale.toString(rows));
  }
  if (m_live) text += tr(" (live)");
  m_status->setText(text);
}

QString EventLogPanel::statusText() const {
  return m_status->text();
}

}  // namespace eventscope::ui
