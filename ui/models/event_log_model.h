#pragma once

#include <QAbstractTableModel>
#include <QString>
#include <memory>
#include <vector>

#include "core/store/recording.h"
#include "ui/models/event_log_filter.h"
#include "ui/models/event_log_page_cache.h"

namespace eventscope::ui {

// The event log of a recording: one row per published event, in id (= publish) order, never
// loaded whole. Rows are read a page of 100 at a time, by event id (keyset paging), into a small
// LRU cache, so scrolling anywhere in a 10 M-event recording reads one page.
//
// Two ways to count rows. With no filter or only a time window, the matches are consecutive
// event ids (the engine and the importer number events densely, in publish order; checked when
// the recording is set): rowCount is exact from the start, row r is event first + r, and the
// scrollbar covers the whole recording. With any other filter the count is unknown: rows come
// 200 at a time through canFetchMore/fetchMore, and hasMoreMatches() says "N+ shown".
// A recording whose ids turn out not to be dense is read the second way.
class EventLogModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column {
    TimeColumn,
    TypeColumn,
    KeyColumn,
    PartitionColumn,
    CorrelationColumn,
    ServiceColumn,
    OutcomeColumn,
    AttemptColumn,
    ColumnCount
  };
  enum Role {
    EventIdRole = Qt::UserRole + 1,  // quint64
    CorrelationRole,                 // quint64
    TimeRole,                        // qint64 nanoseconds
  };
  static constexpr int kPageRows = 100;
  static constexpr int kFetchRows = 200;
  static constexpr std::size_t kCachedPages = 64;

  explicit EventLogModel(QObject* parent = nullptr);
  ~EventLogModel() override;

  // Shows this recording (nullptr: nothing), keeping the filter.
  void setRecording(std::shared_ptr<const core::store::Recording> recording);
  const std::shared_ptr<const core::store::Recording>& recording() const { return m_recording; }
  void setFilter(const EventLogFilter& filter);
  const EventLogFilter& filter() const { return m_filter; }

  // Live tail: reads what a writer added to the recording since the last look and appends
  // those rows (beginInsertRows); returns how many. With a reopened connection to the same
  // file (names an injection added since are then known), rows already shown are kept.
  int refresh();
  int refresh(std::shared_ptr<const core::store::Recording> reopened);

  // True when rowCount() is every match; false while more may be fetched.
  bool exactCount() const { return m_dense || !m_more; }
  bool hasMoreMatches() const { return !m_dense && m_more; }
  // The last error reading the recording ("" when none); errorOccurred says it once.
  const QString& errorString() const { return m_error; }

  // The event id of a row (0 when out of range), without reading the row.
  std::uint64_t eventIdAt(int row) const;
  // The row of the first match published at or after t (the last row when none is; -1 when
  // empty). Fetches rows as needed when the count is open.
  int rowAtTime(core::SimTime t);
  // Pages held now (at most kCachedPages).
  std::size_t cachedPages() const { return m_cache.size(); }
  // The row's event as read, or nullptr (out of range, or the recording failed).
  const EventLogRow* rowAt(int row) const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
  bool canFetchMore(const QModelIndex& parent) const override;
  void fetchMore(const QModelIndex& parent) override;

 Q_SIGNALS:
  void errorOccurred(const QString& message);

 private:
  struct IdRange {
    std::uint64_t first = 0, end = 0;  // [first, end)
  };
  enum class Density { Dense, Sparse, Failed };
  void reload();
  // The matches of a time-only filter as consecutive ids (Sparse when ids have gaps).
  Density denseRange(IdRange& out);
  bool readChunk(core::store::EventPage& page);
  void appendChunk(const core::store::EventPage& page, bool notify);
  void cachePages(int firstRow, const core::store::EventPage& page) const;
  bool loadPage(int page) const;
  void fail(const std::string& error) const;
  void fallBackToPaging() const;

  std::shared_ptr<const core::store::Recording> m_recording;
  EventLogFilter m_filter;
  bool m_dense = true;
  IdRange m_range;                   // dense: rows are these ids
  std::vector<std::uint64_t> m_ids;  // otherwise: the ids fetched so far
  bool m_more = false;               // otherwise: more matches after m_ids.back()
  mutable EventLogPageCache m_cache{kCachedPages};
  mutable QString m_error;
  bool m_forcePaging = false;  // this recording's ids are not dense
  bool m_changing = false;     // between begin*() and end*(): no fetching more then
  mutable bool m_fallbackPending = false;
};

}  // namespace eventscope::ui
