#pragma once

#include <QWidget>
#include <optional>

#include "core/model/node_ref.h"

class QLabel;
class QListWidget;
class QTableView;

namespace eventscope::ui {

class PropertyModel;
class ScenarioDocument;

// The properties dock: the selected node's fields (or the scenario's) in an editable table,
// the reader's message when a value is refused, and the model's open problems (click one to
// select its node).
class PropertiesPanel : public QWidget {
  Q_OBJECT

 public:
  PropertiesPanel(ScenarioDocument* document, QWidget* parent = nullptr);

  void showNode(const std::optional<core::NodeRef>& node);
  PropertyModel* model() const { return m_model; }
  QTableView* table() const { return m_table; }
  // The message under the table ("" when the last edit was accepted).
  QString errorText() const;
  int problemCount() const;

 Q_SIGNALS:
  void nodeRequested(eventscope::core::NodeRef node);

 private:
  void updateProblems();

  ScenarioDocument* m_document;
  PropertyModel* m_model;
  QLabel* m_title;
  QTableView* m_table;
  QLabel* m_error;
  QLabel* m_problemsTitle;
  QListWidget* m_problems;
};

}  // namespace eventscope::ui
