#include "ui/trace/causation_tree_model.h"

#include <QStringList>
#include <map>
#include <unordered_map>

namespace eventscope::ui {

using core::store::SpanOutcome;

namespace {

// How an event's deliveries ended, per outcome that settles a delivery: "acked 4", "acked 3,
// dead-lettered 1". Failed and timed-out attempts were retried, so they are not endings.
QString endings(const std::map<SpanOutcome, int>& counts) {
  QStringList parts;
  for (const auto& [outcome, count] : counts) {
    if (outcome == SpanOutcome::Failed || outcome == SpanOutcome::TimedOut ||
        outcome == SpanOutcome::Redelivered || outcome == SpanOutcome::ZombieDone)
      continue;
    parts << QStringLiteral("%1 %2")
                 .arg(QString::fromLatin1(core::store::spanOutcomeName(outcome)))
                 .arg(count);
  }
  return parts.isEmpty() ? CausationTreeModel::tr("no delivery recorded") : parts.join(", ");
}

}  // namespace

CausationTreeModel::CausationTreeModel(QObject* parent) : QAbstractItemModel(parent) {}

void CausationTreeModel::setTrace(std::shared_ptr<const core::store::Trace> trace) {
  beginResetModel();
  m_trace = std::move(trace);
  m_nodes.clear();
  m_roots.clear();
  if (m_trace) {
    const auto& events = m_trace->events;
    m_nodes.resize(events.size());
    std::unordered_map<std::uint64_t, int> indexOf;
    for (std::size_t i = 0; i < events.size(); ++i)
      indexOf.emplace(events[i].id, static_cast<int>(i));
    // Events are by id and a cause is always older, so parents are placed before children;
    // a cause outside the trace (or a cycle in an imported file) makes a top-level row.
    for (std::size_t i = 0; i < events.size(); ++i) {
      auto parent = indexOf.find(events[i].causation);
      const bool hasParent = events[i].causation != 0 && parent != indexOf.end() &&
                             parent->second < static_cast<int>(i);
      Node& node = m_nodes[i];
      node.parent = hasParent ? parent->second : -1;
      auto& siblings =
          hasParent ? m_nodes[static_cast<std::size_t>(parent->second)].children : m_roots;
      node.row = static_cast<int>(siblings.size());
      siblings.push_back(static_cast<int>(i));
    }
    std::vector<std::map<SpanOutcome, int>> counts(events.size());
    for (const auto& span : m_trace->spans) {
      auto owner = indexOf.find(span.event);
      if (owner == indexOf.end()) continue;
      const auto i = static_cast<std::size_t>(owner->second);
      if (span.outcome != SpanOutcome::Dropped) ++m_nodes[i].attempts;
      ++counts[i][span.outcome];
    }
    for (std::size_t i = 0; i < events.size(); ++i)
      m_nodes[i].outcome = endings(counts[i]);
  }
  endResetModel();
}

QModelIndex CausationTreeModel::indexOfEvent(std::size_t event) const {
  if (event >= m_nodes.size()) return {};
  return createIndex(m_nodes[event].row, 0, static_cast<quintptr>(event));
}

QModelIndex CausationTreeModel::index(int row, int column, const QModelIndex& parent) const {
  if (column < 0 || column >= ColumnCount || row < 0) return {};
  if (parent.isValid() && parent.column() != 0) return {};
  const auto& children = childrenOf(parent.isValid() ? static_cast<int>(parent.internalId()) : -1);
  if (row >= static_cast<int>(children.size())) return {};
  return createIndex(row, column, static_cast<quintptr>(children[static_cast<std::size_t>(row)]));
}

QModelIndex CausationTreeModel::parent(const QModelIndex& child) const {
  if (!child.isValid()) return {};
  const int parent = m_nodes[child.internalId()].parent;
  if (parent < 0) return {};
  return createIndex(m_nodes[static_cast<std::size_t>(parent)].row, 0,
                     static_cast<quintptr>(parent));
}

int CausationTreeModel::rowCount(const QModelIndex& parent) const {
  if (parent.isValid() && parent.column() != 0) return 0;
  return static_cast<int>(
      childrenOf(parent.isValid() ? static_cast<int>(parent.internalId()) : -1).size());
}

int CausationTreeModel::columnCount(const QModelIndex&) const {
  return ColumnCount;
}

QVariant CausationTreeModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
  const std::size_t i = index.internalId();
  const auto& e = m_trace->events[i];
  switch (role) {
    case EventIndexRole:
      return static_cast<int>(i);
    case TimeRole:
      return static_cast<qint64>(e.t);
    case EventIdRole:
      return static_cast<qulonglong>(e.id);
    case Qt::TextAlignmentRole:
      return index.column() == EventIdColumn || index.column() == AttemptsColumn
                 ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                 : QVariant();
    case Qt::ToolTipRole:
      return tr("published at %1 s by %2")
          .arg(core::toSeconds(e.t), 0, 'f', 6)
          .arg(QString::fromStdString(e.origin));
    case Qt::DisplayRole:
      break;
    default:
      return {};
  }
  switch (index.column()) {
    case EventIdColumn:
      return static_cast<qulonglong>(e.id);
    case TypeColumn:
      return QString::fromStdString(e.type);
    case TopicColumn:
      return QString::fromStdString(e.topic);
    case PublisherColumn:
      return QString::fromStdString(e.origin);
    case AttemptsColumn:
      return m_nodes[i].attempts;
    case OutcomeColumn:
      return m_nodes[i].outcome;
    default:
      return {};
  }
}

QVariant CausationTreeModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case EventIdColumn:
      return tr("Event");
    case TypeColumn:
      return tr("Type");
    case TopicColumn:
      return tr("Topic");
    case PublisherColumn:
      return tr("Published by");
    case AttemptsColumn:
      return tr("Attempts");
    case OutcomeColumn:
      return tr("Outcome");
    default:
      return {};
  }
}

}  // namespace eventscope::ui
