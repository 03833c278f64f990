#pragma once

#include <QWidget>
#include <cstdint>
#include <memory>
#include <vector>

#include "core/model/sim_time.h"
#include "core/store/recording.h"

class QLabel;
class QPushButton;
class QTableView;

namespace eventscope::ui {

class DeadLetterModel;
struct LiveSnapshot;

// The dead-letter dock: the dead letters of the open recording or of the live run, how many,
// "Redrive selected" (live runs only: the run publishes them again) and "Show trace".
// Double-clicking a row asks to show the time the service gave up.
class DeadLetterPanel : public QWidget {
  Q_OBJECT

 public:
  explicit DeadLetterPanel(QWidget* parent = nullptr);

  void setRecording(std::shared_ptr<const core::store::Recording> recording);
  // Call with every snapshot the window shows: cheap when the dead letters did not change.
  void showLive(const LiveSnapshot& snapshot);
  void clear();
  // Whether redrive may start from a recording (its model runs live to the cursor first).
  void setRecordingRedrivable(bool on);

  DeadLetterModel* model() const { return m_model; }
  QTableView* table() const { return m_table; }
  QPushButton* redriveButton() const { return m_redrive; }
  QPushButton* traceButton() const { return m_trace; }
  QString countText() const;
  // The dead-letter ids of the selected rows that can still be redriven.
  std::vector<std::uint64_t> redrivableSelection() const;

 Q_SIGNALS:
  void redriveRequested(std::vector<std::uint64_t> ids);
  void traceRequested(std::uint64_t correlation);
  void timeRequested(eventscope::core::SimTime t);

 private:
  void updateButtons();
  void updateCount();
  int currentRow() const;

  DeadLetterModel* m_model;
  QTableView* m_table;
  QLabel* m_count;
  QPushButton* m_redrive;
  QPushButton* m_trace;
  bool m_live = false;
  bool m_recordingRedrivable = false;
  bool m_liveFinished = false;
  std::uint64_t m_liveTotal = 0;  // dead letters in the whole live run, kept or not
};

}  // namespace eventscope::ui
