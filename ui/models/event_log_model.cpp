#include "ui/models/event_log_model.h"

#include <QColor>
#include <algorithm>
#include <climits>

namespace eventscope::ui {

using core::store::EventPage;
using core::store::EventQuery;

namespace {
// The rows of a page of events (its spans come by event, then start).
std::vector<EventLogRow> rowsOf(const EventPage& page) {
  std::vector<EventLogRow> rows;
  rows.reserve(page.events.size());
  auto span = page.spans.begin();
  for (const auto& event : page.events) {
    while (span != page.spans.end() && span->event != event.id)
      ++span;
    auto end = span;
    while (end != page.spans.end() && end->event == event.id)
      ++end;
    rows.push_back(eventLogRow(event, {span, end}));
    span = end == page.spans.end() ? page.spans.begin() : end;
  }
  return rows;
}

int clampRows(std::uint64_t rows) {
  return static_cast<int>(std::min<std::uint64_t>(rows, INT_MAX));
}
}  // namespace

EventLogModel::EventLogModel(QObject* parent) : QAbstractTableModel(parent) {}

EventLogModel::~EventLogModel() = default;

namespace {
// Whoever hears of a change (a view, QAbstractItemModelTester) may ask for more rows while it
// is being said, before everyone has heard it: that request waits for the next one.
class Changing {
 public:
  explicit Changing(bool& flag) : m_flag(flag), m_was(flag) { m_flag = true; }
  ~Changing() { m_flag = m_was; }
  Changing(const Changing&) = delete;
  Changing& operator=(const Changing&) = delete;

 private:
  bool& m_flag;
  bool m_was;
};
}  // namespace

void EventLogModel::setRecording(std::shared_ptr<const core::store::Recording> recording) {
  m_recording = std::move(recording);
  m_forcePaging = false;
  m_error.clear();
  reload();
}

void EventLogModel::setFilter(const EventLogFilter& filter) {
  m_filter = filter;
  reload();
}

void EventLogModel::reload() {
  const Changing changing(m_changing);
  beginResetModel();
  m_error.clear();
  m_cache.clear();
  m_ids.clear();
  m_range = {};
  m_more = false;
  m_dense = true;
  if (m_recording) {
    Density density = Density::Sparse;
    if (m_filter.timeOnly() && !m_forcePaging) density = denseRange(m_range);
    m_dense = density != Density::Sparse;
    EventPage page;
    if (!m_dense && readChunk(page)) appendChunk(page, false);
  }
  endResetModel();
}

EventLogModel::Density EventLogModel::denseRange(IdRange& out) {
  out = {};
  std::string error;
  EventPage page;
  bool found = false;
  // A live writer may commit between two reads; a few looks settle it.
  for (int tries = 0; tries < 3 && !found; ++tries) {
    core::store::RecordingSummary summary;
    if (!m_recording->summary(summary, &error)) return fail(error), Density::Failed;
    if (summary.events == 0) return Density::Dense;  // nothing yet
    if (!m_recording->events({.limit = 1}, page, &error)) return fail(error), Density::Failed;
    if (page.events.empty()) break;
    const std::uint64_t first = page.events.front().id;
    const std::uint64_t last = first + summary.events - 1;
    if (!m_recording->events({.afterId = last - 1, .limit = 1}, page, &error))
      return fail(error), Density::Failed;
    // Only added events can follow the last one counted; a gap below it means ids are sparse.
    if (page.events.empty() || page.events.front().id != last) break;
    out = {first, last + 1};
    found = !page.more;
  }
  if (!found) {
    m_forcePaging = true;
    return Density::Sparse;
  }
  if (m_filter.from > 0) {
    if (!m_recording->events({.from = m_filter.from, .limit = 1}, page, &error))
      return fail(error), Density::Failed;
    out.first = page.events.empty() ? out.end : std::max(out.first, page.events.front().id);
  }
  if (m_filter.to <= 0) {
    out.end = out.first;
  } else if (m_filter.to != core::kNever) {
    if (!m_recording->events({.from = m_filter.to, .limit = 1}, page, &error))
      return fail(error), Density::Failed;
    if (!page.events.empty()) out.end = std::min(out.end, page.events.front().id);
  }
  if (out.end <= out.first) out = {};
  return Density::Dense;
}

bool EventLogModel::readChunk(EventPage& page) {
  std::string error;
  const std::uint64_t after = m_ids.empty() ? 0 : m_ids.back();
  if (m_recording->events(m_filter.query(after, kFetchRows), page, &error)) return true;
  fail(error);
  m_more = false;
  return false;
}

void EventLogModel::appendChunk(const EventPage& page, bool notify) {
  m_more = page.more;
  if (page.events.empty()) return;
  const Changing changing(m_changing);
  const int before = rowCount();
  const int added = clampRows(page.events.size());
  if (notify) beginInsertRows({}, before, before + added - 1);
  for (const auto& event : page.events)
    m_ids.push_back(event.id);
  cachePages(before, page);
  if (notify) endInsertRows();
}

// Whole pages of a fetched chunk go straight into the cache; a page the chunk only completes
// (it started before it) is read again when shown.
void EventLogModel::cachePages(int firstRow, const EventPage& page) const {
  if (firstRow % kPageRows != 0) m_cache.erase(firstRow / kPageRows);
  std::vector<EventLogRow> rows = rowsOf(page);
  const int count = static_cast<int>(rows.size());
  int row = firstRow + (kPageRows - firstRow % kPageRows) % kPageRows;
  for (; row < firstRow + count; row += kPageRows) {
    const auto begin = rows.begin() + (row - firstRow);
    const auto end = rows.begin() + std::min(count, row - firstRow + kPageRows);
    m_cache.insert(row / kPageRows, {std::make_move_iterator(begin), std::make_move_iterator(end)});
  }
}

int EventLogModel::refresh(std::shared_ptr<const core::store::Recording> reopened) {
  if (!reopened) return refresh();
  m_recording = std::move(reopened);
  m_cache.clear();  // rows read before may name what the old connection did not know
  return refresh();
}

int EventLogModel::refresh() {
  if (!m_recording) return 0;
  const int before = rowCount();
  if (!m_dense) {
    if (m_more) return 0;  // the view fetches the rest as it scrolls there
    EventPage page;
    if (readChunk(page)) appendChunk(page, true);
    return rowCount() - before;
  }
  IdRange range;
  const Density density = denseRange(range);
  if (density == Density::Failed) return 0;
  if (density == Density::Sparse) {
    reload();
    return rowCount() - before;
  }
  const bool sameStart = before == 0 || range.first == m_range.first;
  if (!sameStart || range.end < m_range.end) {
    reload();  // not a tail: the file was replaced
    return 0;
  }
  const int after = clampRows(range.end - range.first);
  if (after == before) return 0;
  const Changing changing(m_changing);
  beginInsertRows({}, before, after - 1);
  m_range = range;
  if (before % kPageRows != 0) m_cache.erase(before / kPageRows);  // its rows are more now
  endInsertRows();
  return after - before;
}

std::uint64_t EventLogModel::eventIdAt(int row) const {
  if (row < 0 || row >= rowCount()) return 0;
  return m_dense ? m_range.first + static_cast<std::uint64_t>(row)
                 : m_ids[static_cast<std::size_t>(row)];
}

int EventLogModel::rowAtTime(core::SimTime t) {
  if (!m_recording || rowCount() == 0) return -1;
  EventQuery query = m_dense ? EventQuery{} : m_filter.query(0, 1);
  query.limit = 1;
  query.from = std::max(t, m_filter.from);
  if (m_dense) query.to = core::kNever;
  EventPage page;
  std::string error;
  if (!m_recording->events(query, page, &error)) return fail(error), -1;
  if (page.events.empty()) return rowCount() - 1;
  const std::uint64_t id = page.events.front().id;
  if (m_dense) {
    if (id < m_range.first) return 0;
    return std::min(rowCount() - 1, clampRows(id - m_range.first));
  }
  // A bounded walk: the rows up to that event are fetched, as scrolling there would.
  for (int chunks = 0; m_more && m_ids.back() < id && chunks < 50; ++chunks)
    fetchMore({});
  const auto it = std::lower_bound(m_ids.begin(), m_ids.end(), id);
  return std::min(rowCount() - 1, static_cast<int>(it - m_ids.begin()));
}

bool EventLogModel::loadPage(int page) const {
  const int first = page * kPageRows;
  const int count = std::min(kPageRows, rowCount() - first);
  if (count <= 0 || !m_recording) return false;
  const std::uint64_t startId = eventIdAt(first);
  EventQuery query = m_dense ? EventQuery{} : m_filter.query(0, 0);
  query.afterId = startId - 1;
  query.limit = static_cast<std::size_t>(count);
  EventPage result;
  std::string error;
  if (!m_recording->events(query, result, &error)) return fail(error), false;
  for (int i = 0; i < count; ++i) {
    if (static_cast<std::size_t>(i) >= result.events.size() ||
        result.events[static_cast<std::size_t>(i)].id != eventIdAt(first + i)) {
      if (m_dense) {
        fallBackToPaging();  // the ids have gaps the counts at open did not show
      } else {
        fail(m_recording->path() + ": the recording changed while the event log read it");
      }
      return false;
    }
  }
  m_cache.insert(page, rowsOf(result));
  return true;
}

const EventLogRow* EventLogModel::rowAt(int row) const {
  if (row < 0 || row >= rowCount()) return nullptr;
  const int page = row / kPageRows;
  const EventLogPageCache::Page* rows = m_cache.find(page);
  // A last page read before rows were appended to it is read again.
  const auto needed = static_cast<std::size_t>(std::min(kPageRows, rowCount() - page * kPageRows));
  if ((!rows || rows->size() < needed) && loadPage(page)) rows = m_cache.find(page);
  const auto offset = static_cast<std::size_t>(row % kPageRows);
  return rows && offset < rows->size() ? &(*rows)[offset] : nullptr;
}

void EventLogModel::fail(const std::string& error) const {
  const QString message = QString::fromStdString(error);
  if (message == m_error) return;
  m_error = message;
  // Said later: data() may be asking while a view paints.
  auto* self = const_cast<EventLogModel*>(this);
  QMetaObject::invokeMethod(
      self, [self, message] { Q_EMIT self->errorOccurred(message); }, Qt::QueuedConnection);
}

void EventLogModel::fallBackToPaging() const {
  if (m_fallbackPending) return;
  m_fallbackPending = true;
  auto* self = const_cast<EventLogModel*>(this);
  QMetaObject::invokeMethod(
      self,
      [self] {
        self->m_fallbackPending = false;
        self->m_forcePaging = true;
        self->reload();
      },
      Qt::QueuedConnection);
}

int EventLogModel::rowCount(const QModelIndex& parent) const {
  if (parent.isValid()) return 0;
  return m_dense ? clampRows(m_range.end - m_range.first) : clampRows(m_ids.size());
}

int EventLogModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : ColumnCount;
}

bool EventLogModel::canFetchMore(const QModelIndex& parent) const {
  return !parent.isValid() && !m_dense && m_more && m_recording;
}

void EventLogModel::fetchMore(const QModelIndex& parent) {
  if (!canFetchMore(parent) || m_changing) return;
  EventPage page;
  if (readChunk(page)) appendChunk(page, true);
}

QVariant EventLogModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
    return {};
  if (role == EventIdRole) return QVariant::fromValue<quint64>(eventIdAt(index.row()));
  const EventLogRow* row = rowAt(index.row());
  if (!row) return {};
  const int column = index.column();
  switch (role) {
    case Qt::DisplayRole:
      switch (column) {
        case TimeColumn:
          return eventLogTime(row->t);
        case TypeColumn:
          return row->type;
        case KeyColumn:
          return row->key;
        case PartitionColumn:
          return row->partition;
        case CorrelationColumn:
          return QVariant::fromValue<quint64>(row->correlation);
        case ServiceColumn:
          return row->services;
        case OutcomeColumn:
          return row->outcome;
        case AttemptColumn:
          return row->attempts;
        default:
          return {};
      }
    case Qt::ToolTipRole:
      if (column == TypeColumn)
        return QStringLiteral("%1 on %2/%3").arg(row->type, row->topic).arg(row->partition);
      if (column == ServiceColumn) return row->services;
      if (column == OutcomeColumn) return row->outcome;
      return {};
    case Qt::TextAlignmentRole:
      if (column == TimeColumn || column == PartitionColumn || column == CorrelationColumn ||
          column == AttemptColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
      return {};
    case Qt::ForegroundRole:
      if (column == OutcomeColumn && row->troubled) return QColor(0xc6, 0x28, 0x28);
      return {};
    case CorrelationRole:
      return QVariant::fromValue<quint64>(row->correlation);
    case TimeRole:
      return QVariant::fromValue<qint64>(row->t);
    default:
      return {};
  }
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (role != Qt::DisplayRole) return {};
  if (orientation == Qt::Vertical) return QVariant::fromValue<quint64>(eventIdAt(section));
  static const char* const kTitles[ColumnCount] = {
      "Time (s)", "Type", "Key", "Partition", "Correlation", "Services", "Outcome", "Attempts"};
  if (section < 0 || section >= ColumnCount) return {};
  return tr(kTitles[section]);
}

}  // namespace eventscope::ui
