#include "ui/window/dead_letter_panel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>
#include <set>

#include "ui/controller/live_snapshot.h"
#include "ui/models/dead_letter_model.h"

namespace eventscope::ui {

DeadLetterPanel::DeadLetterPanel(QWidget* parent)
    : QWidget(parent),
      m_model(new DeadLetterModel(this)),
      m_table(new QTableView(this)),
      m_count(new QLabel(this)),
      m_redrive(new QPushButton(tr("Redrive selected"), this)),
      m_trace(new QPushButton(tr("Show trace"), this)) {
  m_table->setModel(m_model);
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->verticalHeader()->hide();
  m_table->horizontalHeader()->setStretchLastSection(true);
  m_table->setAlternatingRowColors(true);

  auto* buttons = new QHBoxLayout;
  buttons->addWidget(m_count, 1);
  buttons->addWidget(m_trace);
  buttons->addWidget(m_redrive);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(m_table, 1);
  layout->addLayout(buttons);

  connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
          &DeadLetterPanel::updateButtons);
  connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
          &DeadLetterPanel::updateButtons);
  // Rows come and go (new dead letters, pages of a recording, redriven ones change status).
  for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
    connect(m_model, signal, this, [this] {
      updateCount();
      updateButtons();
    });
  connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
    updateCount();
    updateButtons();
  });
  connect(m_model, &QAbstractItemModel::dataChanged, this, &DeadLetterPanel::updateButtons);
  connect(m_redrive, &QPushButton::clicked, this, [this] {
    const std::vector<std::uint64_t> ids = redrivableSelection();
    if (!ids.empty()) Q_EMIT redriveRequested(ids);
  });
  connect(m_trace, &QPushButton::clicked, this, [this] {
    if (const DeadLetterEntry* entry = m_model->entry(currentRow()))
      Q_EMIT traceRequested(entry->letter.correlationId);
  });
  connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
    if (const DeadLetterEntry* entry = m_model->entry(index.row()))
      Q_EMIT timeRequested(entry->letter.at);
  });
  clear();
}

void DeadLetterPanel::setRecording(std::shared_ptr<const core::store::Recording> recording) {
  m_live = false;
  m_liveFinished = false;
  m_liveTotal = 0;
  m_model->setRecording(std::move(recording));
  updateCount();
  updateButtons();
}

void DeadLetterPanel::showLive(const LiveSnapshot& snapshot) {
  const bool wasLive = m_live;
  const bool finishedChanged = m_liveFinished != snapshot.finished;
  const bool totalChanged = m_liveTotal != snapshot.deadLettersTotal;
  m_live = true;
  m_liveFinished = snapshot.finished;
  m_liveTotal = snapshot.deadLettersTotal;
  m_model->showLive(snapshot.deadLetters);  // nothing happens when the list is the same
  if (!wasLive || totalChanged) updateCount();
  if (!wasLive || finishedChanged) updateButtons();
}

void DeadLetterPanel::clear() {
  m_live = false;
  m_liveFinished = false;
  m_liveTotal = 0;
  m_model->clear();
  updateCount();
  updateButtons();
}

QString DeadLetterPanel::countText() const {
  return m_count->text();
}

int DeadLetterPanel::currentRow() const {
  const QModelIndexList rows = m_table->selectionModel()->selectedRows();
  if (rows.size() == 1) return rows.front().row();
  return rows.isEmpty() ? -1 : m_table->currentIndex().row();
}

std::vector<std::uint64_t> DeadLetterPanel::redrivableSelection() const {
  std::set<std::uint64_t> ids;  // in id order, each once
  for (const QModelIndex& index : m_table->selectionModel()->selectedRows()) {
    const DeadLetterEntry* entry = m_model->entry(index.row());
    if (entry != nullptr && entry->letter.id != 0 && !entry->redrivenAt)
      ids.insert(entry->letter.id);
  }
  return {ids.begin(), ids.end()};
}

void DeadLetterPanel::updateCount() {
  const int rows = m_model->rowCount();
  QString text;
  if (m_model->source() == DeadLetterModel::Source::None) {
    text = tr("No dead letters to show");
  } else if (!m_model->error().isEmpty()) {
    text = m_model->error();
  } else if (m_live && m_liveTotal > static_cast<std::uint64_t>(rows)) {
    text = tr("%1 dead letters (the last %2 listed)").arg(m_liveTotal).arg(rows);
  } else if (m_model->canFetchMore({})) {
    text = tr("%1 dead letters so far (scroll for more)").arg(rows);
  } else {
    text = rows == 1 ? tr("1 dead letter") : tr("%1 dead letters").arg(rows);
  }
  m_count->setText(text);
}

void DeadLetterPanel::setRecordingRedrivable(bool on) {
  m_recordingRedrivable = on;
  updateButtons();
}

void DeadLetterPanel::updateButtons() {
  const bool hasRows = m_table->selectionModel()->hasSelection();
  m_trace->setEnabled(m_model->entry(currentRow()) != nullptr);
  const bool redrivable = !redrivableSelection().empty();
  m_redrive->setEnabled((m_live && !m_liveFinished && redrivable) ||
                        (!m_live && m_recordingRedrivable && redrivable));
  if (!m_live && m_recordingRedrivable) {
    m_redrive->setToolTip(
        tr("Run the recording's model live to the time cursor (the same run: "
           "it is deterministic), then redrive the selected dead letters there"));
  } else if (!m_live) {
    m_redrive->setToolTip(
        tr("Redrive needs a live run: run the model to this time, then redrive from there"));
  } else if (m_liveFinished) {
    m_redrive->setToolTip(tr("The run has finished: reset it to redrive dead letters"));
  } else if (hasRows && !redrivable) {
    m_redrive->setToolTip(tr("The selected dead letters were already redriven"));
  } else {
    m_redrive->setToolTip(
        tr("Publish the selected dead letters again onto their original topics, now"));
  }
}

}  // namespace eventscope::ui
