#pragma once

#include <QStyledItemDelegate>

namespace eventscope::ui {

class PropertyModel;

// Edits a property value in a line editor that checks the text as it is typed, with the same
// scenario reader a commit uses: a value the reader refuses turns the editor red and its
// message is reported at once (validChanged), before anything is committed.
class PropertyDelegate : public QStyledItemDelegate {
  Q_OBJECT

 public:
  explicit PropertyDelegate(PropertyModel* model, QObject* parent = nullptr);

  QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                        const QModelIndex& index) const override;

 Q_SIGNALS:
  // The text being typed for `key` reads (errors empty) or does not (the reader's messages).
  void checked(const QString& key, const QStringList& errors) const;

 private:
  PropertyModel* m_model;
};

}  // namespace eventscope::ui
