#include "ui/models/diff_model.h"

#include <QBrush>
#include <QFont>
#include <cmath>

namespace eventscope::ui {

namespace {
// Section rows carry internal id 0; figure rows carry their section + 1.
constexpr quintptr kSectionId = 0;

QString number(const std::optional<double>& value, bool count) {
  if (!value) return QStringLiteral("–");
  return count ? QString::number(*value, 'f', 0) : QString::number(*value, 'g', 4);
}

// "+12.5%", "-3" (from zero), "=" or "" (missing on one side), as `eventscope diff` prints.
QString changeText(const core::DiffFigure& f) {
  if (!f.a || !f.b) return {};
  if (*f.a == *f.b) return QStringLiteral("=");
  const double delta = *f.b - *f.a;
  if (*f.a == 0)
    return (delta > 0 ? QStringLiteral("+") : QString()) +
           (f.count ? QString::number(delta, 'f', 0) : QString::number(delta, 'g', 4));
  return QString::asprintf("%+.1f%%", 100.0 * delta / std::fabs(*f.a));
}
}  // namespace

DiffModel::DiffModel(QObject* parent) : QAbstractItemModel(parent) {}

void DiffModel::setDiff(core::RunDiff diff) {
  beginResetModel();
  m_diff = std::move(diff);
  endResetModel();
}

void DiffModel::clear() {
  setDiff({});
}

DiffModel::Direction DiffModel::direction(const std::string& key) {
  if (key == "throughput_per_s" || key == "acked") return Direction::HigherIsBetter;
  if (key == "utilization" || key == "instances_mean" || key == "produced")
    return Direction::Neutral;
  return Direction::LowerIsBetter;  // latencies, waits, backlogs, and every count of trouble
}

DiffModel::Verdict DiffModel::verdict(const core::DiffFigure& figure) {
  if (!figure.a || !figure.b) return Missing;
  if (*figure.a == *figure.b) return Unchanged;
  const bool higher = *figure.b > *figure.a;
  switch (direction(figure.name)) {
    case Direction::HigherIsBetter:
      return higher ? Better : Worse;
    case Direction::LowerIsBetter:
      return higher ? Worse : Better;
    case Direction::Neutral:
      break;
  }
  return Changed;
}

QString DiffModel::figureLabel(const std::string& key) {
  static const std::pair<const char*, const char*> kLabels[] = {
      {"produced", "produced"},
      {"acked", "acked"},
      {"throughput_per_s", "throughput (acks/s)"},
      {"latency_p50_s", "latency p50 (s)"},
      {"latency_p95_s", "latency p95 (s)"},
      {"latency_p99_s", "latency p99 (s)"},
      {"latency_max_s", "latency max (s)"},
      {"wait_p95_s", "wait p95 (s)"},
      {"backlog_mean", "backlog, mean"},
      {"backlog_max", "backlog, max"},
      {"utilization", "utilization"},
      {"instances_mean", "instances, mean"},
      {"failed_attempts", "failed attempts"},
      {"retries", "retries"},
      {"redeliveries", "redeliveries"},
      {"dead_lettered", "dead letters"},
      {"dropped", "dropped"},
      {"rejected", "rejected"},
      {"duplicates_processed", "duplicates processed"},
      {"out_of_order", "out of order"},
      {"in_flight_at_end", "in flight at the end"}};
  for (const auto& [name, label] : kLabels)
    if (key == name) return tr(label);
  return QString::fromStdString(key);
}

QColor DiffModel::verdictColor(Verdict verdict) {
  switch (verdict) {
    case Better:
      return QColor(0x1b, 0x8a, 0x3a);  // green, readable on light and dark backgrounds
    case Worse:
      return QColor(0xd0, 0x32, 0x2b);
    case Changed:
      return QColor(0x2f, 0x6f, 0xc0);
    case Unchanged:
    case Missing:
      break;
  }
  return {};
}

const std::vector<core::DiffFigure>& DiffModel::figuresOf(int section) const {
  return section == 0 ? m_diff.totals
                      : m_diff.services[static_cast<std::size_t>(section - 1)].figures;
}

QString DiffModel::sectionName(int section) const {
  return section == 0 ? QString()
                      : QString::fromStdString(
                            m_diff.services[static_cast<std::size_t>(section - 1)].service);
}

QModelIndex DiffModel::sectionIndex(const QString& service) const {
  for (int row = 0; row < rowCount(); ++row)
    if (sectionName(row) == service) return index(row, 0);
  return {};
}

QModelIndex DiffModel::figureIndex(const QString& service, const QString& figureKey) const {
  const QModelIndex section = sectionIndex(service);
  if (!section.isValid()) return {};
  const auto& figures = figuresOf(section.row());
  for (std::size_t i = 0; i < figures.size(); ++i)
    if (QString::fromStdString(figures[i].name) == figureKey)
      return index(static_cast<int>(i), 0, section);
  return {};
}

QModelIndex DiffModel::index(int row, int column, const QModelIndex& parent) const {
  if (!hasIndex(row, column, parent)) return {};
  if (!parent.isValid()) return createIndex(row, column, kSectionId);
  return createIndex(row, column, static_cast<quintptr>(parent.row()) + 1);
}

QModelIndex DiffModel::parent(const QModelIndex& child) const {
  if (!child.isValid() || child.internalId() == kSectionId) return {};
  return createIndex(static_cast<int>(child.internalId() - 1), 0, kSectionId);
}

int DiffModel::rowCount(const QModelIndex& parent) const {
  const bool empty = m_diff.totals.empty() && m_diff.services.empty();
  if (!parent.isValid()) return empty ? 0 : 1 + static_cast<int>(m_diff.services.size());
  if (parent.internalId() != kSectionId || parent.column() != 0) return 0;
  return static_cast<int>(figuresOf(parent.row()).size());
}

int DiffModel::columnCount(const QModelIndex&) const {
  return ColumnCount;
}

QVariant DiffModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case Figure:
      return tr("Figure");
    case A:
      return tr("A (original)");
    case B:
      return tr("B (what-if)");
    case Change:
      return tr("Change");
    default:
      return {};
  }
}

QVariant DiffModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
  if (index.internalId() == kSectionId) return sectionData(index.row(), index.column(), role);
  const int section = static_cast<int>(index.internalId() - 1);
  return figureData(section, figuresOf(section)[static_cast<std::size_t>(index.row())],
                    index.column(), role);
}

QVariant DiffModel::sectionData(int section, int column, int role) const {
  const auto& figures = figuresOf(section);
  int better = 0, worse = 0;
  for (const core::DiffFigure& f : figures) {
    better += verdict(f) == Better;
    worse += verdict(f) == Worse;
  }
  if (role == SectionRole) return sectionName(section);
  if (role == VerdictRole) return worse > 0 ? Worse : better > 0 ? Better : Unchanged;
  if (role == Qt::TextAlignmentRole && column != Figure)
    return QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
  if (role == Qt::FontRole) {
    QFont font;
    font.setBold(true);
    return font;
  }
  if (role != Qt::DisplayRole) return {};
  if (column == Figure) {
    if (section == 0) return tr("Run totals");
    const bool onlyA = !figures.empty() && !figures.front().b;
    const bool onlyB = !figures.empty() && !figures.front().a;
    return sectionName(section) + (onlyA   ? tr(" (only in A)")
                                   : onlyB ? tr(" (only in B)")
                                           : QString());
  }
  if (column == Change && (better > 0 || worse > 0))
    return tr("%1 better, %2 worse").arg(better).arg(worse);
  return {};
}

QVariant DiffModel::figureData(int section, const core::DiffFigure& f, int column, int role) const {
  switch (role) {
    case Qt::DisplayRole:
      if (column == Figure) return figureLabel(f.name);
      if (column == A) return number(f.a, f.count);
      if (column == B) return number(f.b, f.count);
      if (column == Change) return changeText(f);
      return {};
    case Qt::TextAlignmentRole:
      return column == Figure ? QVariant() : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    case Qt::ForegroundRole: {
      const QColor colour = verdictColor(verdict(f));
      if ((column != Change && column != B) || !colour.isValid()) return {};
      return QBrush(colour);
    }
    case VerdictRole:
      return verdict(f);
    case RelativeChangeRole:
      if (!f.a || !f.b || *f.a == 0) return {};
      return (*f.b - *f.a) / std::fabs(*f.a);
    case FigureKeyRole:
      return QString::fromStdString(f.name);
    case SectionRole:
      return sectionName(section);
    case ValueRole: {
      const std::optional<double> value = column == A ? f.a : column == B ? f.b : std::nullopt;
      return value ? QVariant(*value) : QVariant();
    }
    default:
      return {};
  }
}

}  // namespace eventscope::ui
