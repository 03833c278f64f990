#pragma once

#include <QAbstractItemModel>
#include <QColor>
#include <string>

#include "core/io/run_diff.h"

namespace eventscope::ui {

// Two runs compared (core::diffReports) as a tree: the top-level rows are "Run totals" and then
// each service (A's in order, then those only B has); their children are the figures. A tree,
// not a flat table, so a view can fold the services a person does not care about and the
// service name is not repeated on every row. Every column of a figure row answers VerdictRole,
// so a view colours better and worse: lower latency, wait, backlog, retries, dead letters,
// duplicates and drops are better; higher throughput and acks are better; utilization,
// instances and produced have no better side (Changed).
class DiffModel : public QAbstractItemModel {
  Q_OBJECT

 public:
  enum Column { Figure, A, B, Change, ColumnCount };
  enum Role {
    VerdictRole = Qt::UserRole + 1,  // int Verdict (figure rows; sections: the worst of theirs)
    RelativeChangeRole,              // double (B - A) / |A|; invalid when A is 0 or missing
    FigureKeyRole,                   // QString as in the run report: "latency_p95_s"
    SectionRole,                     // QString: the service name, or empty for the run totals
    ValueRole,                       // double: the raw A or B figure; invalid when missing
  };
  enum class Direction { LowerIsBetter, HigherIsBetter, Neutral };
  enum Verdict { Unchanged, Better, Worse, Changed, Missing };

  explicit DiffModel(QObject* parent = nullptr);

  void setDiff(core::RunDiff diff);
  void clear();
  const core::RunDiff& diff() const { return m_diff; }
  // The top-level row of a service ("" for the run totals); invalid if there is none.
  QModelIndex sectionIndex(const QString& service) const;
  // The row of one figure of a section; invalid if there is none.
  QModelIndex figureIndex(const QString& service, const QString& figureKey) const;

  static Direction direction(const std::string& figureKey);
  static Verdict verdict(const core::DiffFigure& figure);
  static QString figureLabel(const std::string& figureKey);
  static QColor verdictColor(Verdict verdict);  // invalid colour: no colouring

  QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
  QModelIndex parent(const QModelIndex& child) const override;
  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

 private:
  const std::vector<core::DiffFigure>& figuresOf(int section) const;
  QString sectionName(int section) const;
  QVariant sectionData(int section, int column, int role) const;
  QVariant figureData(int section, const core::DiffFigure& figure, int column, int role) const;

  core::RunDiff m_diff;
};

}  // namespace eventscope::ui
