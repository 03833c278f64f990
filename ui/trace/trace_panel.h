#pragma once

#include <QWidget>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/model/sim_time.h"
#include "core/store/recording.h"
#include "ui/trace/trace_layout.h"

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeView;

namespace eventscope::ui {

class CausationTreeModel;
class TraceWaterfall;

// The trace view of a recording, for a dock: a search box (a correlation id, or any event id of
// a chain), the trace's totals, its waterfall beside its causation tree, and an image export.
class TracePanel : public QWidget {
  Q_OBJECT

 public:
  explicit TracePanel(QWidget* parent = nullptr);
  ~TracePanel() override;

  // The recording traces come from (nullptr: none; clears the view and emits cleared()).
  void setRecording(std::shared_ptr<const core::store::Recording> recording);
  // Shows the chain with this correlation id; false, with a message in the panel, when the
  // recording has none (or no recording is open, or the file turns out damaged).
  bool showTrace(std::uint64_t correlation);
  // Shows the chain an event belongs to; false with a message when there is no such event.
  bool showTraceOfEvent(std::uint64_t eventId);
  // What the search box does: a number (optionally "#N") as a correlation id, else as an event
  // id. False with a message when it is neither.
  bool search(const QString& text);
  void clear();

  // Saves the waterfall as PNG or SVG (by the suffix).
  bool exportImage(const QString& path, QString* error);

  std::uint64_t correlation() const { return m_correlation; }  // 0: none shown
  QString message() const;
  QString totalsText() const;
  TraceWaterfall* waterfall() const { return m_waterfall; }
  QTreeView* treeView() const { return m_tree; }
  CausationTreeModel* treeModel() const { return m_model; }
  QLineEdit* searchBox() const { return m_search; }

 Q_SIGNALS:
  // A span or a tree row was clicked: move the timeline to this time.
  void timeRequested(eventscope::core::SimTime t);
  // The nodes (producers, topics, services) the shown trace went through, for
  // TopologyScene::highlight; empty when nothing is shown.
  void pathChanged(const std::vector<std::string>& nodeNames);
  void cleared();

 private:
  void showMessage(const QString& text);
  void onExportClicked();
  void onTreeClicked(const QModelIndex& index);
  void onWaterfallRowClicked(int row);

  std::shared_ptr<const core::store::Recording> m_recording;
  TracePolicies m_policies;
  std::uint64_t m_correlation = 0;
  QLineEdit* m_search = nullptr;
  QPushButton* m_export = nullptr;
  QLabel* m_message = nullptr;
  QLabel* m_totals = nullptr;
  TraceWaterfall* m_waterfall = nullptr;
  QTreeView* m_tree = nullptr;
  CausationTreeModel* m_model = nullptr;
};

}  // namespace eventscope::ui
