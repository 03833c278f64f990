#include "ui/models/dead_letter_model.h"

#include <algorithm>

#include "ui/models/recorded_dead_letters.h"

namespace eventscope::ui {

DeadLetterModel::DeadLetterModel(QObject* parent) : QAbstractTableModel(parent) {}
DeadLetterModel::~DeadLetterModel() = default;

QString DeadLetterModel::timeText(core::SimTime t) {
  return QString::number(core::toSeconds(t), 'f', 3) + QStringLiteral(" s");
}

void DeadLetterModel::clear() {
  beginResetModel();
  m_source = Source::None;
  m_loaded.clear();
  m_reader.reset();
  m_error.clear();
  m_live.reset();
  m_liveBegin = m_liveCount = 0;
  endResetModel();
}

void DeadLetterModel::setRecording(std::shared_ptr<const core::store::Recording> recording) {
  clear();
  if (!recording) return;
  // Listeners of a change may ask for more while it is being announced (QAbstractItemModelTester
  // does): rows inserted then would reach some listeners before the change itself.
  m_announcing = true;
  beginResetModel();
  m_source = Source::Recording;
  m_reader = std::make_unique<RecordedDeadLetters>(std::move(recording));
  if (!m_reader->readPage(m_loaded)) m_error = QString::fromStdString(m_reader->error());
  endResetModel();
  m_announcing = false;
}

bool DeadLetterModel::canFetchMore(const QModelIndex& parent) const {
  return !parent.isValid() && m_source == Source::Recording && m_reader && !m_reader->atEnd();
}

void DeadLetterModel::fetchMore(const QModelIndex& parent) {
  if (!canFetchMore(parent) || m_announcing) return;
  std::vector<DeadLetterEntry> page;
  if (!m_reader->readPage(page)) m_error = QString::fromStdString(m_reader->error());
  if (page.empty()) return;
  const int first = static_cast<int>(m_loaded.size());
  m_announcing = true;  // the next page waits until this one is announced
  beginInsertRows({}, first, first + static_cast<int>(page.size()) - 1);
  std::move(page.begin(), page.end(), std::back_inserter(m_loaded));
  endInsertRows();
  m_announcing = false;
}

void DeadLetterModel::showLive(std::shared_ptr<const std::vector<DeadLetterEntry>> entries) {
  if (!entries) {
    if (m_source != Source::None) clear();
    return;
  }
  if (m_source == Source::Live && entries == m_live) return;
  if (m_source != Source::Live) {
    clear();
    beginResetModel();
    m_source = Source::Live;
    m_live = std::move(entries);
    m_liveBegin = 0;
    m_liveCount = m_live->size();
    endResetModel();
    return;
  }
  applyLiveDifference(std::move(entries));
}

// A live list only loses its oldest entries, gains new ones at the end and marks some redriven
// (entries are in dead-letter id order). Applied as removals, insertions and changes, a view
// keeps its selection and scroll position; anything else (a new run) resets.
void DeadLetterModel::applyLiveDifference(
    std::shared_ptr<const std::vector<DeadLetterEntry>> entries) {
  const auto& next = *entries;
  const auto* shown = m_live->data() + m_liveBegin;
  const auto byId = [](const DeadLetterEntry& e, std::uint64_t id) { return e.letter.id < id; };
  const std::size_t gone =
      next.empty()
          ? m_liveCount
          : static_cast<std::size_t>(
                std::lower_bound(shown, shown + m_liveCount, next.front().letter.id, byId) - shown);
  const std::size_t kept = m_liveCount - gone;
  bool continues = kept <= next.size();
  for (std::size_t i = 0; continues && i < kept; ++i)
    continues = shown[gone + i].letter.id == next[i].letter.id;
  if (!continues) {
    beginResetModel();
    m_live = std::move(entries);
    m_liveBegin = 0;
    m_liveCount = m_live->size();
    endResetModel();
    return;
  }
  if (gone > 0) {
    beginRemoveRows({}, 0, static_cast<int>(gone) - 1);
    m_liveBegin += gone;
    m_liveCount -= gone;
    endRemoveRows();
  }
  // The kept rows now read from the new list: same ids, maybe a new status.
  int firstChanged = -1, lastChanged = -1;
  for (std::size_t i = 0; i < kept; ++i) {
    const DeadLetterEntry& before = (*m_live)[m_liveBegin + i];
    if (before.redrivenAt != next[i].redrivenAt || before.redrivenAs != next[i].redrivenAs) {
      if (firstChanged < 0) firstChanged = static_cast<int>(i);
      lastChanged = static_cast<int>(i);
    }
  }
  m_live = std::move(entries);
  m_liveBegin = 0;
  if (next.size() > kept) {
    beginInsertRows({}, static_cast<int>(kept), static_cast<int>(next.size()) - 1);
    m_liveCount = next.size();
    endInsertRows();
  }
  if (firstChanged >= 0)
    Q_EMIT dataChanged(index(firstChanged, 0), index(lastChanged, ColumnCount - 1));
}

const DeadLetterEntry* DeadLetterModel::entry(int row) const {
  if (row < 0 || row >= rowCount()) return nullptr;
  const auto r = static_cast<std::size_t>(row);
  return m_source == Source::Live ? &(*m_live)[m_liveBegin + r] : &m_loaded[r];
}

int DeadLetterModel::rowCount(const QModelIndex& parent) const {
  if (parent.isValid()) return 0;
  return static_cast<int>(m_source == Source::Live ? m_liveCount : m_loaded.size());
}

int DeadLetterModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : ColumnCount;
}

QVariant DeadLetterModel::data(const QModelIndex& index, int role) const {
  const DeadLetterEntry* e = index.isValid() ? entry(index.row()) : nullptr;
  if (e == nullptr) return {};
  const core::DeadLetter& letter = e->letter;
  switch (role) {
    case DeadLetterIdRole:
      return QVariant::fromValue<quint64>(letter.id);
    case CorrelationRole:
      return QVariant::fromValue<quint64>(letter.correlationId);
    case TimeRole:
      return QVariant::fromValue<qint64>(letter.at);
    case RedrivenRole:
      return e->redrivenAt.has_value();
    case Qt::TextAlignmentRole:
      if (index.column() == Time || index.column() == Correlation || index.column() == Attempts)
        return QVariant((Qt::AlignRight | Qt::AlignVCenter).toInt());
      return {};
    case Qt::ToolTipRole:
      if (index.column() == Status && letter.id != 0)
        return tr("Dead-letter event %1, copy of event %2").arg(letter.id).arg(letter.originalId);
      return {};
    case Qt::DisplayRole:
      break;
    default:
      return {};
  }
  switch (index.column()) {
    case Time:
      return timeText(letter.at);
    case Service:
      return QString::fromStdString(e->service);
    case OriginalTopic:
      return QString::fromStdString(e->originalTopic);
    case Type:
      return QString::fromStdString(e->type);
    case Key:
      return e->key ? QString::fromStdString(*e->key) : QString();
    case Correlation:
      return QString::number(letter.correlationId);
    case Attempts:
      return letter.attempts;
    case Reason:
      return QString::fromLatin1(failureReasonText(letter.reason));
    case Status:
      if (e->redrivenAt) return tr("redriven at %1").arg(timeText(*e->redrivenAt));
      return tr("dead-lettered");
    default:
      return {};
  }
}

QVariant DeadLetterModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case Time:
      return tr("Time");
    case Service:
      return tr("Service");
    case OriginalTopic:
      return tr("Original topic");
    case Type:
      return tr("Type");
    case Key:
      return tr("Key");
    case Correlation:
      return tr("Correlation");
    case Attempts:
      return tr("Attempts");
    case Reason:
      return tr("Reason");
    case Status:
      return tr("Status");
    default:
      return {};
  }
}

}  // namespace eventscope::ui
