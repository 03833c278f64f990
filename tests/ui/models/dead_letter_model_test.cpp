#include "ui/models/dead_letter_model.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>

#include "support/dead_letter_scenario.h"

namespace eventscope::ui {
namespace {

using List = std::vector<DeadLetterEntry>;

DeadLetterEntry entry(std::uint64_t id, core::SimTime at) {
  DeadLetterEntry e;
  e.letter.id = id;
  e.letter.originalId = id - 1;
  e.letter.correlationId = id - 1;
  e.letter.at = at;
  e.letter.attempts = 4;
  e.letter.reason = core::FailureKind::Poison;
  e.service = "billing";
  e.originalTopic = "orders";
  e.type = "OrderPlaced";
  e.key = "k13";
  return e;
}

std::shared_ptr<const List> listOf(std::initializer_list<std::uint64_t> ids) {
  auto list = std::make_shared<List>();
  for (std::uint64_t id : ids)
    list->push_back(entry(id, static_cast<core::SimTime>(id) * core::kMillisecond));
  return list;
}

QString text(const DeadLetterModel& model, int row, int column) {
  return model.data(model.index(row, column), Qt::DisplayRole).toString();
}

TEST(DeadLetterModelTest, ShowsALiveListInColumns) {
  DeadLetterModel model;
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
  EXPECT_EQ(model.rowCount(), 0);
  EXPECT_EQ(model.columnCount(), DeadLetterModel::ColumnCount);
  auto list = std::make_shared<List>(*listOf({10, 20}));
  (*list)[1].redrivenAt = 1500 * core::kMillisecond;
  (*list)[1].key.reset();
  model.showLive(list);
  EXPECT_EQ(model.source(), DeadLetterModel::Source::Live);
  ASSERT_EQ(model.rowCount(), 2);
  EXPECT_EQ(text(model, 0, DeadLetterModel::Time), QStringLiteral("0.010 s"));
  EXPECT_EQ(text(model, 0, DeadLetterModel::Service), QStringLiteral("billing"));
  EXPECT_EQ(text(model, 0, DeadLetterModel::OriginalTopic), QStringLiteral("orders"));
  EXPECT_EQ(text(model, 0, DeadLetterModel::Type), QStringLiteral("OrderPlaced"));
  EXPECT_EQ(text(model, 0, DeadLetterModel::Key), QStringLiteral("k13"));
  EXPECT_EQ(text(model, 0, DeadLetterModel::Correlation), QStringLiteral("9"));
  EXPECT_EQ(text(model, 0, DeadLetterModel::Attempts), QStringLiteral("4"));
  EXPECT_EQ(text(model, 0, DeadLetterModel::Reason), QStringLiteral("poison key"));
  EXPECT_EQ(text(model, 0, DeadLetterModel::Status), QStringLiteral("dead-lettered"));
  EXPECT_EQ(text(model, 1, DeadLetterModel::Status), QStringLiteral("redriven at 1.500 s"));
  EXPECT_EQ(text(model, 1, DeadLetterModel::Key), QString());
  const QModelIndex second = model.index(1, DeadLetterModel::Type);
  EXPECT_EQ(model.data(second, DeadLetterModel::DeadLetterIdRole).value<quint64>(), 20u);
  EXPECT_EQ(model.data(second, DeadLetterModel::CorrelationRole).value<quint64>(), 19u);
  EXPECT_EQ(model.data(second, DeadLetterModel::TimeRole).value<qint64>(), 20 * core::kMillisecond);
  EXPECT_TRUE(model.data(second, DeadLetterModel::RedrivenRole).toBool());
  EXPECT_EQ(model.headerData(DeadLetterModel::OriginalTopic, Qt::Horizontal, Qt::DisplayRole),
            QStringLiteral("Original topic"));
  model.clear();
  EXPECT_EQ(model.rowCount(), 0);
  EXPECT_EQ(model.source(), DeadLetterModel::Source::None);
}

TEST(DeadLetterModelTest, AppliesALiveListAsADifference) {
  DeadLetterModel model;
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
  model.showLive(listOf({10, 20, 30}));
  QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
  QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
  QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
  QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

  const auto same = listOf({10, 20, 30, 40});
  model.showLive(same);  // one more at the end
  model.showLive(same);  // the same list again: nothing at all
  EXPECT_EQ(inserted.count(), 1);
  EXPECT_EQ(inserted.at(0).at(1).toInt(), 3);
  // The oldest two go (a bounded list), one is redriven, two are new.
  auto next = std::make_shared<List>(*listOf({30, 40, 50, 60}));
  (*next)[1].redrivenAt = core::kSecond;
  model.showLive(next);
  EXPECT_EQ(reset.count(), 0);
  ASSERT_EQ(removed.count(), 1);
  EXPECT_EQ(removed.at(0).at(1).toInt(), 0);
  EXPECT_EQ(removed.at(0).at(2).toInt(), 1);
  ASSERT_EQ(inserted.count(), 2);
  EXPECT_EQ(inserted.at(1).at(1).toInt(), 2);
  EXPECT_EQ(inserted.at(1).at(2).toInt(), 3);
  ASSERT_EQ(changed.count(), 1);
  EXPECT_EQ(changed.at(0).at(0).value<QModelIndex>().row(), 1);
  ASSERT_EQ(model.rowCount(), 4);
  EXPECT_EQ(model.entry(0)->letter.id, 30u);
  EXPECT_EQ(model.entry(3)->letter.id, 60u);
  EXPECT_EQ(text(model, 1, DeadLetterModel::Status), QStringLiteral("redriven at 1.000 s"));
  // A new run: ids that do not continue the list reset it.
  model.showLive(listOf({5}));
  EXPECT_EQ(reset.count(), 1);
  EXPECT_EQ(model.rowCount(), 1);
  model.showLive(listOf({}));
  EXPECT_EQ(model.rowCount(), 0);
  model.showLive(nullptr);
  EXPECT_EQ(model.source(), DeadLetterModel::Source::None);
}

TEST(DeadLetterModelTest, ReadsARecordingAPageAtATime) {
  QTemporaryDir dir;
  const std::string path = dir.filePath(QStringLiteral("dlq.esrec")).toStdString();
  // Long enough for more than one page of 200.
  core::testing::recordDeadLetterRun(core::testing::deadLetterScenario(10 * core::kSecond), path);
  std::string error;
  std::shared_ptr<const core::store::Recording> recording =
      core::store::Recording::open(path, &error);
  ASSERT_TRUE(recording) << error;

  DeadLetterModel model;
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
  model.setRecording(recording);
  EXPECT_EQ(model.source(), DeadLetterModel::Source::Recording);
  EXPECT_TRUE(model.error().isEmpty()) << model.error().toStdString();
  EXPECT_EQ(model.rowCount(), 200);
  EXPECT_TRUE(model.canFetchMore({}));
  while (model.canFetchMore({}))
    model.fetchMore({});
  const int rows = model.rowCount();
  EXPECT_GT(rows, 200);
  std::uint64_t previous = 0;
  for (int row = 0; row < rows; ++row) {
    const DeadLetterEntry* e = model.entry(row);
    ASSERT_NE(e, nullptr);
    EXPECT_NE(e->letter.id, 0u) << "row " << row << ": no copy on the dead-letter topic";
    EXPECT_GT(e->letter.id, e->letter.originalId);
    EXPECT_GT(e->letter.originalId, previous);
    previous = e->letter.originalId;
    EXPECT_EQ(text(model, row, DeadLetterModel::Service), QStringLiteral("server"));
    EXPECT_EQ(text(model, row, DeadLetterModel::OriginalTopic), QStringLiteral("in"));
    const QString reason = text(model, row, DeadLetterModel::Reason);
    EXPECT_EQ(reason, text(model, row, DeadLetterModel::Key) == QStringLiteral("k1")
                          ? QStringLiteral("poison key")
                          : QStringLiteral("processing failed"));
  }
  // A live list replaces the recording.
  model.showLive(listOf({10}));
  EXPECT_EQ(model.rowCount(), 1);
  EXPECT_FALSE(model.canFetchMore({}));
}

TEST(DeadLetterModelTest, ARecordingWithoutDeadLettersIsEmpty) {
  QTemporaryDir dir;
  const std::string path = dir.filePath(QStringLiteral("clean.esrec")).toStdString();
  core::Scenario scenario = core::testing::queueModel(100, 1000, 1, core::kSecond);
  core::testing::recordDeadLetterRun(scenario, path);
  std::string error;
  std::shared_ptr<const core::store::Recording> recording =
      core::store::Recording::open(path, &error);
  ASSERT_TRUE(recording) << error;
  DeadLetterModel model;
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
  model.setRecording(recording);
  EXPECT_EQ(model.rowCount(), 0);
  EXPECT_FALSE(model.canFetchMore({}));
  EXPECT_TRUE(model.error().isEmpty());
}

}  // namespace
}  // namespace eventscope::ui
