#include "ui/models/property_delegate.h"

#include <QLineEdit>

#include "ui/models/property_model.h"

namespace eventscope::ui {

PropertyDelegate::PropertyDelegate(PropertyModel* model, QObject* parent)
    : QStyledItemDelegate(parent), m_model(model) {}

QWidget* PropertyDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                                        const QModelIndex& index) const {
  QWidget* editor = QStyledItemDelegate::createEditor(parent, option, index);
  auto* line = qobject_cast<QLineEdit*>(editor);
  if (line == nullptr || index.column() != PropertyModel::ValueColumn) return editor;
  const QString key = index.sibling(index.row(), PropertyModel::KeyColumn).data().toString();
  line->setToolTip(fieldHelp(key));
  connect(line, &QLineEdit::textEdited, this, [this, line, key](const QString& text) {
    const QStringList errors = m_model->check(key, text);
    line->setStyleSheet(errors.isEmpty() ? QString()
                                         : QStringLiteral("QLineEdit { background: #ffd7d7; "
                                                          "color: #600000; }"));
    Q_EMIT checked(key, errors);
  });
  return editor;
}

}  // namespace eventscope::ui
