#pragma once

#include <QAbstractTableModel>
#include <QString>
#include <memory>
#include <vector>

#include "core/store/recording.h"
#include "ui/controller/dead_letter_entry.h"

namespace eventscope::ui {

class RecordedDeadLetters;

// The dead letters of a recording (read a page at a time, as the view scrolls: fetchMore) or
// of a live run (the snapshot's shared list, applied as a difference so selections survive).
class DeadLetterModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column {
    Time,
    Service,
    OriginalTopic,
    Type,
    Key,
    Correlation,
    Attempts,
    Reason,
    Status,
    ColumnCount
  };
  enum Role {
    DeadLetterIdRole = Qt::UserRole + 1,  // quint64: the copy on the dead-letter topic
    CorrelationRole,                      // quint64
    TimeRole,                             // qint64: simulated ns when the service gave up
    RedrivenRole,                         // bool
  };
  enum class Source { None, Recording, Live };

  explicit DeadLetterModel(QObject* parent = nullptr);
  ~DeadLetterModel() override;

  // Lists the recording's dead letters, reading the first page now and the rest on demand.
  void setRecording(std::shared_ptr<const core::store::Recording> recording);
  // Lists a live run's dead letters; nothing happens when the list is the one already shown.
  void showLive(std::shared_ptr<const std::vector<DeadLetterEntry>> entries);
  void clear();

  Source source() const { return m_source; }
  const DeadLetterEntry* entry(int row) const;
  // Why the recording could not be read (empty: no problem).
  const QString& error() const { return m_error; }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
  bool canFetchMore(const QModelIndex& parent) const override;
  void fetchMore(const QModelIndex& parent) override;

  static QString timeText(core::SimTime t);

 private:
  void applyLiveDifference(std::shared_ptr<const std::vector<DeadLetterEntry>> entries);

  Source m_source = Source::None;
  // Recording: the rows read so far and the reader of the next pages.
  std::vector<DeadLetterEntry> m_loaded;
  std::unique_ptr<RecordedDeadLetters> m_reader;
  QString m_error;
  bool m_announcing = false;  // a reset or a page is being signalled: fetchMore waits
  // Live: rows [m_liveBegin, m_liveBegin + m_liveCount) of the shared list.
  std::shared_ptr<const std::vector<DeadLetterEntry>> m_live;
  std::size_t m_liveBegin = 0, m_liveCount = 0;
};

}  // namespace eventscope::ui
