#include "ui/window/properties_panel.h"

#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QTableView>
#include <QVBoxLayout>

#include "core/io/node_fields.h"
#include "core/model/scenario_edits.h"
#include "ui/editor/scenario_document.h"
#include "ui/models/property_delegate.h"
#include "ui/models/property_model.h"

namespace eventscope::ui {

PropertiesPanel::PropertiesPanel(ScenarioDocument* document, QWidget* parent)
    : QWidget(parent), m_document(document), m_model(new PropertyModel(document, this)) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 6, 6, 6);
  m_title = new QLabel(this);
  QFont bold = m_title->font();
  bold.setBold(true);
  m_title->setFont(bold);
  layout->addWidget(m_title);

  m_table = new QTableView(this);
  m_table->setModel(m_model);
  m_table->verticalHeader()->hide();
  m_table->horizontalHeader()->setStretchLastSection(true);
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                           QAbstractItemView::AnyKeyPressed | QAbstractItemView::SelectedClicked);
  m_table->setWordWrap(false);
  auto* delegate = new PropertyDelegate(m_model, m_table);
  m_table->setItemDelegateForColumn(PropertyModel::ValueColumn, delegate);
  connect(delegate, &PropertyDelegate::checked, this,
          [this](const QString& key, const QStringList& errors) {
            if (errors.isEmpty()) {
              m_error->hide();
              return;
            }
            m_error->setText(tr("%1: %2").arg(key, errors.join(QStringLiteral("\n"))));
            m_error->show();
          });
  layout->addWidget(m_table, 1);

  m_error = new QLabel(this);
  m_error->setWordWrap(true);
  m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
  m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_error->hide();
  layout->addWidget(m_error);

  m_problemsTitle = new QLabel(this);
  layout->addWidget(m_problemsTitle);
  m_problems = new QListWidget(this);
  m_problems->setMaximumHeight(110);
  m_problems->setWordWrap(true);
  layout->addWidget(m_problems);

  connect(m_model, &PropertyModel::editRejected, this, [this](const QStringList& errors) {
    m_error->setText(tr("Not applied: %1").arg(errors.join(QStringLiteral("\n"))));
    m_error->show();
  });
  connect(m_model, &PropertyModel::editAccepted, m_error, &QLabel::hide);
  connect(m_model, &QAbstractItemModel::modelReset, this,
          [this] { m_title->setText(m_model->ownerTitle()); });
  connect(document, &ScenarioDocument::modelChanged, this, &PropertiesPanel::updateProblems);
  connect(m_problems, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
    const QVariant node = item->data(Qt::UserRole);
    if (!node.isValid()) return;
    const auto packed = node.toULongLong();
    Q_EMIT nodeRequested({static_cast<core::NodeKind>(packed >> 32),
                          static_cast<std::uint32_t>(packed & 0xffffffffu)});
  });
  m_title->setText(m_model->ownerTitle());
  updateProblems();
}

void PropertiesPanel::showNode(const std::optional<core::NodeRef>& node) {
  m_error->hide();
  m_model->setOwner(node);
  m_table->resizeColumnToContents(PropertyModel::KeyColumn);
}

QString PropertiesPanel::errorText() const {
  return m_error->isVisible() ? m_error->text() : QString();
}

int PropertiesPanel::problemCount() const {
  return m_problems->count();
}

void PropertiesPanel::updateProblems() {
  m_problems->clear();
  const core::Scenario& scenario = m_document->scenario();
  for (const core::ModelProblem& problem : core::modelProblems(scenario)) {
    QString where = tr("model");
    if (problem.node) where = QString::fromStdString(core::nodeName(scenario, *problem.node));
    auto* item = new QListWidgetItem(
        QStringLiteral("%1: %2").arg(where, QString::fromStdString(problem.message)), m_problems);
    if (problem.node)
      item->setData(Qt::UserRole,
                    QVariant::fromValue<qulonglong>(
                        (static_cast<qulonglong>(problem.node->kind) << 32) | problem.node->index));
  }
  const bool empty = scenario.producers.empty() && scenario.services.empty();
  m_problemsTitle->setText(m_problems->count() > 0
                               ? tr("Problems to fix before running: %1").arg(m_problems->count())
                           : empty ? tr("Nothing to run yet: add producers, topics and services.")
                                   : tr("No problems: the model is ready to run."));
  m_problems->setVisible(m_problems->count() > 0);
}

}  // namespace eventscope::ui
