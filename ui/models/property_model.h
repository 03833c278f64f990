#pragma once

#include <QAbstractTableModel>
#include <QStringList>
#include <vector>

#include "core/io/node_fields.h"

namespace eventscope::ui {

class ScenarioDocument;

// The property editor's rows: every field the selected node (or the scenario) may have, with
// its value as YAML. Editing a value runs the scenario reader on it: an accepted value becomes
// one undoable edit, a refused one changes nothing and reports the reader's errors.
class PropertyModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column { KeyColumn, ValueColumn, ColumnCount };

  explicit PropertyModel(ScenarioDocument* document, QObject* parent = nullptr);

  // Shows the fields of this node; empty: the scenario's own fields.
  void setOwner(const core::FieldOwner& owner);
  const core::FieldOwner& owner() const { return m_owner; }
  // A title for the editor: "service billing", "scenario Order pipeline".
  QString ownerTitle() const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
  Qt::ItemFlags flags(const QModelIndex& index) const override;
  bool setData(const QModelIndex& index, const QVariant& value, int role) override;

  // Applies a value for a key by name (the tests and the lessons use this too).
  bool setField(const QString& key, const QString& value);
  // What the reader says about this value for this key, without applying it (empty: fine).
  QStringList check(const QString& key, const QString& value) const;

 Q_SIGNALS:
  // The last edit was refused; the reader's messages say why.
  void editRejected(const QStringList& errors);
  void editAccepted();

 private:
  void refresh();

  ScenarioDocument* m_document;
  core::FieldOwner m_owner;
  std::vector<core::NodeField> m_fields;
};

// One sentence per field, for tooltips and the status bar.
QString fieldHelp(const QString& key);

}  // namespace eventscope::ui
