#include "ui/models/series_model.h"

#include <QColor>

namespace eventscope::ui {

namespace {
// Beyond this many series only the first ones start checked: a chart of 200 lines is noise.
constexpr std::size_t kCheckedByDefault = 8;
}  // namespace

SeriesModel::SeriesModel(QObject* parent) : QAbstractListModel(parent) {}

QColor SeriesModel::colorFor(int row) {
  static const QColor palette[] = {
      {31, 119, 180}, {255, 127, 14},  {44, 160, 44},   {214, 39, 40},  {148, 103, 189},
      {140, 86, 75},  {227, 119, 194}, {127, 127, 127}, {188, 189, 34}, {23, 190, 207}};
  return palette[static_cast<std::size_t>(row) % std::size(palette)];
}

void SeriesModel::setSeries(const std::vector<std::pair<SeriesKey, QString>>& series) {
  bool same = series.size() == m_rows.size();
  for (std::size_t i = 0; same && i < series.size(); ++i)
    same = series[i].second == m_rows[i].label;
  if (same) return;
  beginResetModel();
  m_rows.clear();
  for (std::size_t i = 0; i < series.size(); ++i) {
    const bool checked = m_unchecked.count(series[i].second) == 0 && i < kCheckedByDefault;
    m_rows.push_back({series[i].first, series[i].second, checked});
  }
  endResetModel();
}

std::vector<SeriesKey> SeriesModel::checkedSeries() const {
  std::vector<SeriesKey> keys;
  for (const Row& row : m_rows)
    if (row.checked) keys.push_back(row.key);
  return keys;
}

QString SeriesModel::label(const SeriesKey& key) const {
  for (const Row& row : m_rows)
    if (!(row.key < key) && !(key < row.key)) return row.label;
  return {};
}

int SeriesModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant SeriesModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const Row& row = m_rows[static_cast<std::size_t>(index.row())];
  switch (role) {
    case Qt::DisplayRole:
      return row.label;
    case Qt::CheckStateRole:
      return row.checked ? Qt::Checked : Qt::Unchecked;
    case Qt::DecorationRole:
    case ColorRole:
      return colorFor(index.row());
    case KeyServiceRole:
      return static_cast<qulonglong>(row.key.service);
    case KeyPartRole:
      return row.key.part;
    default:
      return {};
  }
}

Qt::ItemFlags SeriesModel::flags(const QModelIndex& index) const {
  if (!index.isValid()) return Qt::NoItemFlags;
  return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable;
}

bool SeriesModel::setData(const QModelIndex& index, const QVariant& value, int role) {
  if (!index.isValid() || role != Qt::CheckStateRole || index.row() >= rowCount()) return false;
  Row& row = m_rows[static_cast<std::size_t>(index.row())];
  row.checked = value.toInt() == Qt::Checked;
  if (row.checked)
    m_unchecked.erase(row.label);
  else
    m_unchecked.insert(row.label);
  Q_EMIT dataChanged(index, index, {Qt::CheckStateRole});
  return true;
}

}  // namespace eventscope::ui
