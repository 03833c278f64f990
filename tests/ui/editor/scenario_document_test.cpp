#include "ui/editor/scenario_document.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>

#include "core/io/scenario_reader.h"
#include "core/io/scenario_writer.h"
#include "core/model/scenario_edits.h"
#include "support/ui_test_support.h"

namespace eventscope::ui {
namespace {

QString demoPath(const QString& name) {
  return QStringLiteral(EVENTSCOPE_SOURCE_DIR) + QStringLiteral("/resources/scenarios/") + name;
}

QByteArray bytesOf(const QString& path) {
  QFile file(path);
  EXPECT_TRUE(file.open(QIODevice::ReadOnly));
  return file.readAll();
}

TEST(ScenarioDocumentTest, EveryDemoSurvivesSaveAndReopen) {
  QTemporaryDir dir;
  for (const QString& demo : QDir(demoPath({})).entryList({"*.yaml"})) {
    ScenarioDocument document;
    QString error;
    ASSERT_TRUE(document.open(demoPath(demo), &error)) << error.toStdString();
    // Unchanged: the saved file is the original, byte for byte (comments and all).
    const QString copy = dir.filePath(demo);
    ASSERT_TRUE(document.save(copy, &error)) << error.toStdString();
    EXPECT_EQ(bytesOf(copy), bytesOf(demoPath(demo))) << demo.toStdString();
    // Edited: the model reads back equal, and the header comment is still there.
    core::Scenario edited = document.scenario();
    edited.services.front().instances += 1;
    core::placeNode(edited, {core::NodeKind::Service, 0}, 440, -120);
    document.edit(edited, "edit");
    ASSERT_TRUE(document.save(copy, &error)) << error.toStdString();
    ScenarioDocument reopened;
    ASSERT_TRUE(reopened.open(copy, &error)) << error.toStdString();
    EXPECT_EQ(core::writeScenario(reopened.scenario()), core::writeScenario(edited));
    EXPECT_TRUE(bytesOf(copy).startsWith(bytesOf(demoPath(demo)).left(10)));
    EXPECT_FALSE(reopened.isModified());
  }
}

TEST(ScenarioDocumentTest, ABrokenFileShowsItsErrorsAndChangesNothing) {
  QTemporaryDir dir;
  ScenarioDocument document;
  QString error;
  ASSERT_TRUE(document.open(demoPath("work-queue.yaml"), &error));
  const std::string before = core::writeScenario(document.scenario());
  const QString broken = dir.filePath("broken.yaml");
  QFile file(broken);
  ASSERT_TRUE(file.open(QIODevice::WriteOnly));
  file.write("eventscope: 1\ntopics:\n  - name: a\n    partitions: many\nproducers: [}\n");
  file.close();
  QSignalSpy changed(&document, &ScenarioDocument::modelChanged);
  EXPECT_FALSE(document.open(broken, &error));
  EXPECT_TRUE(error.contains(broken + QStringLiteral(":"))) << error.toStdString();
  EXPECT_TRUE(error.contains(QStringLiteral("error:"))) << error.toStdString();
  EXPECT_EQ(changed.count(), 0);
  EXPECT_EQ(core::writeScenario(document.scenario()), before);
  EXPECT_EQ(document.path(), demoPath("work-queue.yaml"));
  EXPECT_FALSE(document.open(dir.filePath("missing.yaml"), &error));
  EXPECT_TRUE(error.contains(QStringLiteral("cannot read"))) << error.toStdString();
}

TEST(ScenarioDocumentTest, AFailedSaveKeepsTheOldFile) {
  QTemporaryDir dir;
  ScenarioDocument document;
  QString error;
  ASSERT_TRUE(document.open(demoPath("work-queue.yaml"), &error));
  EXPECT_FALSE(document.save(dir.filePath("no/such/dir/model.yaml"), &error));
  EXPECT_FALSE(error.isEmpty());
}

TEST(ScenarioDocumentTest, UndoRestoresExactlyAndTracksUnsavedChanges) {
  ScenarioDocument document;
  QString error;
  ASSERT_TRUE(document.open(demoPath("order-pipeline.yaml"), &error));
  const std::string original = core::writeScenario(document.scenario());
  core::Scenario edited = document.scenario();
  core::removeNode(edited, {core::NodeKind::Topic, 0});  // orders, and everything using it
  document.edit(edited, "delete orders");
  EXPECT_TRUE(document.isModified());
  EXPECT_EQ(document.scenario().findTopic("orders"), nullptr);
  EXPECT_EQ(document.scenario().producers.at(0).topic, "");  // checkout stays, unconnected
  document.undoStack()->undo();
  EXPECT_EQ(core::writeScenario(document.scenario()), original);
  EXPECT_FALSE(document.isModified());
}

}  // namespace
}  // namespace eventscope::ui
