#pragma once

#include <QAbstractListModel>
#include <set>
#include <vector>

#include "ui/charts/chart_data.h"

namespace eventscope::ui {

// The series the charts dock offers for its metric, each with a check box: checked series are
// drawn. Choices are kept by label across runs, so a person's selection survives a reset.
class SeriesModel : public QAbstractListModel {
  Q_OBJECT

 public:
  enum Role { KeyServiceRole = Qt::UserRole + 1, KeyPartRole, ColorRole };

  explicit SeriesModel(QObject* parent = nullptr);

  // Offers these series (keeps the check state of labels seen before; new ones are checked
  // when there are few of them).
  void setSeries(const std::vector<std::pair<SeriesKey, QString>>& series);
  std::vector<SeriesKey> checkedSeries() const;
  QString label(const SeriesKey& key) const;
  // The colour the chart gives this row's line.
  static QColor colorFor(int row);

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  Qt::ItemFlags flags(const QModelIndex& index) const override;
  bool setData(const QModelIndex& index, const QVariant& value, int role) override;

 private:
  struct Row {
    SeriesKey key;
    QString label;
    bool checked = true;
  };
  std::vector<Row> m_rows;
  std::set<QString> m_unchecked;  // labels a person unchecked
};

}  // namespace eventscope::ui
