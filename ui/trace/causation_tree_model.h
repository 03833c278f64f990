#pragma once

#include <QAbstractItemModel>
#include <memory>
#include <vector>

#include "core/store/recording.h"

namespace eventscope::ui {

// The causation tree of a trace's events: a root event, the events it caused below it, and so
// on. One row per event, with its id, type, topic, who published it, how many delivery attempts
// it had and how they ended.
class CausationTreeModel : public QAbstractItemModel {
  Q_OBJECT

 public:
  enum Column {
    EventIdColumn,
    TypeColumn,
    TopicColumn,
    PublisherColumn,
    AttemptsColumn,
    OutcomeColumn,
    ColumnCount
  };
  enum Role {
    EventIndexRole = Qt::UserRole + 1,  // int: index into Trace::events
    TimeRole,                           // qint64: the event's publish time (ns)
    EventIdRole,                        // qulonglong
  };

  explicit CausationTreeModel(QObject* parent = nullptr);

  // nullptr: empty.
  void setTrace(std::shared_ptr<const core::store::Trace> trace);
  const core::store::Trace* trace() const { return m_trace.get(); }
  // The index (column 0) of an event of the trace; invalid if absent.
  QModelIndex indexOfEvent(std::size_t event) const;

  QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
  QModelIndex parent(const QModelIndex& child) const override;
  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;

 private:
  struct Node {
    int parent = -1;  // node (= event) index; -1: top level
    int row = 0;      // among its siblings
    std::vector<int> children;
    int attempts = 0;  // delivery attempts, drops not counted
    QString outcome;
  };
  const std::vector<int>& childrenOf(int node) const {
    return node < 0 ? m_roots : m_nodes[static_cast<std::size_t>(node)].children;
  }

  std::shared_ptr<const core::store::Trace> m_trace;
  std::vector<Node> m_nodes;  // by event index
  std::vector<int> m_roots;
};

}  // namespace eventscope::ui
