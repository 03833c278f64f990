#pragma once

#include <QString>
#include <QWidget>
#include <cstdint>
#include <memory>

#include "core/model/sim_time.h"
#include "core/store/recording.h"

class QLabel;
class QTableView;
class QTimer;

namespace eventscope::ui {

class EventDetailsView;
class EventLogFilterBar;
class EventLogModel;
struct EventLogFilter;

// The event log dock: a filter bar, the recording's events in a table that scrolls through
// millions of rows (EventLogModel), and the selected event's details. Selecting a row asks to
// move the time cursor there; a double-click or "Show trace" asks for the event's chain.
// Live: while a run records into the file, the log re-reads its end four times a second and,
// when the table was scrolled to the bottom, keeps it there.
class EventLogPanel : public QWidget {
  Q_OBJECT

 public:
  static constexpr int kTailIntervalMs = 250;

  explicit EventLogPanel(QWidget* parent = nullptr);
  ~EventLogPanel() override;

  // Shows this recording (nullptr: nothing); the filter is kept.
  void setRecording(std::shared_ptr<const core::store::Recording> recording);
  // Opens the file and shows it; false when it does not open, with the reason in the panel.
  // While live, the file a run is starting to record is opened by the timer once it exists
  // and its writer has set it up (false now, "Waiting..." shown).
  bool openRecording(const QString& path);
  // Tails the recording on a timer while true (a live run records into it).
  void setLive(bool live);
  bool isLive() const { return m_live; }
  // Selects the first event at or after t (the last one if none is), without saying
  // timeRequested back.
  void selectEventAt(core::SimTime t);
  // One look at the file's end now (what the timer does while live).
  void tail();

  // The message under the filter bar: counts, or what went wrong.
  QString statusText() const;
  EventLogModel* model() const { return m_model; }
  QTableView* table() const { return m_table; }
  EventLogFilterBar* filterBar() const { return m_filterBar; }
  EventDetailsView* details() const { return m_details; }

 Q_SIGNALS:
  void timeRequested(eventscope::core::SimTime t);
  void traceRequested(std::uint64_t correlation);

 private:
  void applyFilter(const EventLogFilter& filter);
  void showCurrent();
  void updateChoices();
  void updateStatus();
  void showError(const QString& message);
  bool followingTail() const;

  EventLogModel* m_model;
  EventLogFilterBar* m_filterBar;
  QLabel* m_status;
  QTableView* m_table;
  EventDetailsView* m_details;
  QTimer* m_tailTimer;
  QString m_path;  // the file being shown or waited for
  QString m_error;
  bool m_live = false;
  bool m_fileSeen = false;   // live: the awaited file was there at the last tick
  bool m_selecting = false;  // a selection made by selectEventAt: not the person's
};

}  // namespace eventscope::ui
