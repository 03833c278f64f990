#include "ui/models/property_delegate.h"

#include <gtest/gtest.h>

#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include "core/io/scenario_writer.h"
#include "ui/editor/scenario_document.h"
#include "ui/models/property_model.h"

namespace eventscope::ui {
namespace {

TEST(PropertyDelegateTest, ChecksTheValueAsItIsTyped) {
  ScenarioDocument document;
  QString error;
  ASSERT_TRUE(document.open(QStringLiteral(EVENTSCOPE_SOURCE_DIR) +
                                QStringLiteral("/resources/scenarios/work-queue.yaml"),
                            &error));
  PropertyModel model(&document);
  model.setOwner(core::NodeRef{core::NodeKind::Service, 0});
  QTableView view;
  view.setModel(&model);
  auto* delegate = new PropertyDelegate(&model, &view);
  view.setItemDelegateForColumn(PropertyModel::ValueColumn, delegate);
  view.show();
  QSignalSpy checked(delegate, &PropertyDelegate::checked);

  int row = 0;
  while (model.index(row, 0).data().toString() != QStringLiteral("instances"))
    ++row;
  const QModelIndex value = model.index(row, PropertyModel::ValueColumn);
  view.edit(value);
  auto* editor = view.findChild<QLineEdit*>();
  ASSERT_NE(editor, nullptr);
  const std::string before = core::writeScenario(document.scenario());

  editor->selectAll();
  QTest::keyClicks(editor, QStringLiteral("-3"));
  ASSERT_FALSE(checked.isEmpty());
  EXPECT_EQ(checked.last().at(0).toString(), QStringLiteral("instances"));
  EXPECT_FALSE(checked.last().at(1).toStringList().isEmpty());  // the reader's complaint
  EXPECT_FALSE(editor->styleSheet().isEmpty());                 // shown red

  editor->selectAll();
  QTest::keyClicks(editor, QStringLiteral("7"));
  EXPECT_TRUE(checked.last().at(1).toStringList().isEmpty());
  EXPECT_TRUE(editor->styleSheet().isEmpty());
  // Nothing is applied while typing.
  EXPECT_EQ(core::writeScenario(document.scenario()), before);
  EXPECT_FALSE(document.isModified());
}

}  // namespace
}  // namespace eventscope::ui
