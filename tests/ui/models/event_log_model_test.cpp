#include "ui/models/event_log_model.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <atomic>
#include <filesystem>
#include <memory>
#include <thread>

#include "core/store/recording_writer.h"
#include "support/demo_scenarios.h"
#include "support/live_recording.h"
#include "support/record_scenario.h"
#include "support/recorded_demo.h"
#include "support/ui_test_support.h"

namespace eventscope::ui {
namespace {

using core::store::Recording;
using core::store::SpanOutcome;
using core::testing::TempDir;

// The order pipeline demo, recorded once for the suite (about 36,000 events).
class EventLogModelTest : public core::testing::RecordedDemoSuite {
 protected:
  void SetUp() override {
    std::string error;
    m_recording = Recording::open(demoPath(), &error);
    ASSERT_TRUE(m_recording) << error;
    m_model.setRecording(m_recording);
  }

  // What core says matches, in order.
  std::vector<std::uint64_t> coreIds(const EventLogFilter& filter) const {
    std::vector<std::uint64_t> ids;
    core::store::EventPage page;
    std::string error;
    do {
      EXPECT_TRUE(
          m_recording->events(filter.query(ids.empty() ? 0 : ids.back(), 1000), page, &error))
          << error;
      for (const auto& e : page.events)
        ids.push_back(e.id);
    } while (page.more);
    return ids;
  }
  // Every row of the model, fetched as a view scrolling to the end would.
  std::vector<std::uint64_t> modelIds() {
    while (m_model.canFetchMore({}))
      m_model.fetchMore({});
    std::vector<std::uint64_t> ids;
    for (int row = 0; row < m_model.rowCount(); ++row)
      ids.push_back(m_model.index(row, 0).data(EventLogModel::EventIdRole).value<quint64>());
    return ids;
  }
  QString cell(int row, int column) const { return m_model.index(row, column).data().toString(); }

  std::shared_ptr<const Recording> m_recording;
  EventLogModel m_model;
  QAbstractItemModelTester m_tester{&m_model,
                                    QAbstractItemModelTester::FailureReportingMode::Fatal};
};

TEST_F(EventLogModelTest, RowsAreTheRecordingsEventsInOrderAndCountedExactly) {
  core::store::RecordingSummary summary;
  std::string error;
  ASSERT_TRUE(m_recording->summary(summary, &error));
  ASSERT_GT(summary.events, 30'000u);
  // Unfiltered, the count is known without reading the rows: the scrollbar covers them all.
  EXPECT_EQ(m_model.rowCount(), static_cast<int>(summary.events));
  EXPECT_TRUE(m_model.exactCount());
  EXPECT_FALSE(m_model.canFetchMore({}));
  int row = 0;
  bool same = true;
  ASSERT_TRUE(m_recording->forEachEvent(
      [&](const core::store::EventPage& page) {
        for (const auto& e : page.events) {
          const EventLogRow* shown = m_model.rowAt(row++);
          same = same && shown && shown->id == e.id && shown->t == e.t &&
                 shown->type == QString::fromStdString(e.type) &&
                 shown->key == QString::fromStdString(e.key.value_or("")) &&
                 shown->partition == e.partition && shown->correlation == e.correlation;
        }
      },
      &error));
  EXPECT_TRUE(same);
  EXPECT_EQ(row, m_model.rowCount());
  // However far it scrolled, the model held a few pages, never the table.
  EXPECT_LE(m_model.cachedPages(), EventLogModel::kCachedPages);
}

TEST_F(EventLogModelTest, CellsSayWhatHappenedToTheEvent) {
  EventLogFilter poison;
  poison.key = "k13";
  poison.type = "OrderPlaced";
  m_model.setFilter(poison);
  ASSERT_GT(m_model.rowCount(), 0);
  // Every order of the customer with the broken card: billing gives up, the others ack.
  EXPECT_EQ(cell(0, EventLogModel::TypeColumn), QStringLiteral("OrderPlaced"));
  EXPECT_EQ(cell(0, EventLogModel::KeyColumn), QStringLiteral("k13"));
  EXPECT_EQ(cell(0, EventLogModel::ServiceColumn).split(QStringLiteral(", ")).size(), 4);
  EXPECT_TRUE(
      cell(0, EventLogModel::OutcomeColumn).contains(QStringLiteral("billing dead-lettered")))
      << cell(0, EventLogModel::OutcomeColumn).toStdString();
  EXPECT_GE(m_model.index(0, EventLogModel::AttemptColumn).data().toInt(), 4 + 3);
  EXPECT_TRUE(m_model.index(0, EventLogModel::OutcomeColumn).data(Qt::ForegroundRole).isValid());
  const auto id = m_model.index(0, 0).data(EventLogModel::EventIdRole).value<quint64>();
  EXPECT_EQ(m_model.index(0, 0).data(EventLogModel::CorrelationRole).value<quint64>(), id);
  EXPECT_EQ(cell(0, EventLogModel::CorrelationColumn), QString::number(id));
  EXPECT_GT(m_model.index(0, 0).data(EventLogModel::TimeRole).toLongLong(), 0);
  EXPECT_EQ(m_model.headerData(EventLogModel::OutcomeColumn, Qt::Horizontal, Qt::DisplayRole),
            QStringLiteral("Outcome"));
}

TEST_F(EventLogModelTest, EveryFilterShowsWhatCoreMatches) {
  core::store::EventPage page;
  std::string error;
  ASSERT_TRUE(m_recording->events({.type = "PaymentCaptured", .limit = 1}, page, &error));
  ASSERT_EQ(page.events.size(), 1u);
  const std::uint64_t correlation = page.events[0].correlation;

  std::vector<std::pair<const char*, EventLogFilter>> filters;
  filters.push_back({"type", {.type = "ShipmentScheduled"}});
  filters.push_back({"key", {.key = "k77"}});
  filters.push_back({"service", {.service = "shipping"}});
  filters.push_back({"correlation", {.correlation = correlation}});
  filters.push_back({"outcome", {.outcome = SpanOutcome::DeadLettered}});
  filters.push_back(
      {"type and window",
       {.type = "OrderPlaced", .from = 10 * core::kSecond, .to = 12 * core::kSecond}});
  filters.push_back({"nothing matches", {.type = "NoSuchType"}});
  for (const auto& [name, filter] : filters) {
    SCOPED_TRACE(name);
    m_model.setFilter(filter);
    const auto expected = coreIds(filter);
    EXPECT_EQ(modelIds(), expected);
    EXPECT_TRUE(m_model.exactCount());
  }
  // A correlation filter brings the whole chain: the order, its payment, its shipment.
  m_model.setFilter({.correlation = correlation});
  EXPECT_GE(m_model.rowCount(), 2);
}

TEST_F(EventLogModelTest, ATimeWindowIsCountedExactlyWithoutPaging) {
  const EventLogFilter window{.from = 20 * core::kSecond, .to = 20500 * core::kMillisecond};
  m_model.setFilter(window);
  EXPECT_TRUE(m_model.exactCount());
  EXPECT_FALSE(m_model.canFetchMore({}));
  const auto expected = coreIds(window);
  ASSERT_GT(expected.size(), 50u);
  EXPECT_EQ(modelIds(), expected);
  for (int row : {0, m_model.rowCount() - 1}) {
    const auto t = m_model.index(row, 0).data(EventLogModel::TimeRole).toLongLong();
    EXPECT_GE(t, window.from);
    EXPECT_LT(t, window.to);
  }
  m_model.setFilter({.from = 61 * core::kSecond});  // after the end
  EXPECT_EQ(m_model.rowCount(), 0);
  m_model.setFilter({.to = 0});
  EXPECT_EQ(m_model.rowCount(), 0);
}

TEST_F(EventLogModelTest, OtherFiltersFetchPagesOnDemandAndSayThereAreMore) {
  const EventLogFilter orders{.type = "OrderPlaced"};
  m_model.setFilter(orders);
  EXPECT_EQ(m_model.rowCount(), EventLogModel::kFetchRows);
  EXPECT_TRUE(m_model.hasMoreMatches());
  EXPECT_FALSE(m_model.exactCount());
  ASSERT_TRUE(m_model.canFetchMore({}));
  QSignalSpy inserted(&m_model, &QAbstractItemModel::rowsInserted);
  m_model.fetchMore({});
  ASSERT_EQ(inserted.count(), 1);
  EXPECT_EQ(inserted.at(0).at(1).toInt(), EventLogModel::kFetchRows);
  EXPECT_EQ(m_model.rowCount(), 2 * EventLogModel::kFetchRows);
  const auto expected = coreIds(orders);
  EXPECT_EQ(modelIds(), expected);
  EXPECT_FALSE(m_model.hasMoreMatches());
  EXPECT_EQ(m_model.rowCount(), static_cast<int>(expected.size()));
}

TEST_F(EventLogModelTest, JumpingFarIntoTheTableReadsOnePage) {
  const int last = m_model.rowCount() - 1;
  core::store::EventPage page;
  std::string error;
  for (int row : {last, last / 2, 7, last - 150, 0}) {
    SCOPED_TRACE(row);
    const auto id = m_model.eventIdAt(row);
    ASSERT_TRUE(m_recording->events({.afterId = id - 1, .limit = 1}, page, &error));
    ASSERT_EQ(page.events.size(), 1u);
    EXPECT_EQ(cell(row, EventLogModel::TypeColumn), QString::fromStdString(page.events[0].type));
    EXPECT_EQ(cell(row, EventLogModel::TimeColumn), eventLogTime(page.events[0].t));
  }
  EXPECT_EQ(m_model.cachedPages(), 4u);  // rows 7 and 0 share the first page
  EXPECT_EQ(m_model.eventIdAt(last + 1), 0u);
}

TEST_F(EventLogModelTest, RowAtTimeFindsTheFirstEventAtOrAfter) {
  const int row = m_model.rowAtTime(30 * core::kSecond);
  ASSERT_GT(row, 0);
  EXPECT_GE(m_model.index(row, 0).data(EventLogModel::TimeRole).toLongLong(), 30 * core::kSecond);
  EXPECT_LT(m_model.index(row - 1, 0).data(EventLogModel::TimeRole).toLongLong(),
            30 * core::kSecond);
  EXPECT_EQ(m_model.rowAtTime(0), 0);
  EXPECT_EQ(m_model.rowAtTime(core::kHour), m_model.rowCount() - 1);
  // With a filter whose rows come in pages, the rows up to there are fetched.
  m_model.setFilter({.type = "ShipmentScheduled"});
  const int shipment = m_model.rowAtTime(20 * core::kSecond);
  ASSERT_GT(shipment, EventLogModel::kFetchRows);
  EXPECT_GE(m_model.index(shipment, 0).data(EventLogModel::TimeRole).toLongLong(),
            20 * core::kSecond);
  EXPECT_LT(m_model.index(shipment - 1, 0).data(EventLogModel::TimeRole).toLongLong(),
            20 * core::kSecond);
}

TEST(EventLogModelLiveTest, RefreshAppendsExactlyTheRowsAWriterAdded) {
  TempDir dir;
  const std::string path = dir.file("live.evrec");
  testing::LiveRecording live(path);
  live.write(1, 150);
  std::string error;
  EventLogModel model;
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
  model.setRecording(Recording::open(path, &error));
  ASSERT_TRUE(model.recording()) << error;
  ASSERT_EQ(model.rowCount(), 150);
  EXPECT_EQ(model.index(149, EventLogModel::TypeColumn).data().toString(), QStringLiteral("Tick"));
  EXPECT_EQ(model.refresh(), 0);

  QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
  live.write(151, 420, "Tock");  // a type the first connection has not seen
  EXPECT_EQ(model.refresh(Recording::open(path, &error)), 270);
  ASSERT_EQ(inserted.count(), 1);
  EXPECT_EQ(inserted.at(0).at(1).toInt(), 150);
  EXPECT_EQ(inserted.at(0).at(2).toInt(), 419);
  for (int row : {0, 149, 150, 199, 419})
    EXPECT_EQ(model.eventIdAt(row), static_cast<std::uint64_t>(row + 1));
  EXPECT_EQ(model.index(300, EventLogModel::TypeColumn).data().toString(), QStringLiteral("Tock"));
  EXPECT_EQ(model.index(160, EventLogModel::AttemptColumn).data().toInt(), 1);

  // The same with a filter whose count is open: matches after the last row are appended.
  model.setFilter({.type = "Tock"});
  ASSERT_EQ(model.rowCount(), 200);
  while (model.canFetchMore({}))
    model.fetchMore({});
  ASSERT_EQ(model.rowCount(), 270);
  live.write(421, 450, "Tock");
  EXPECT_EQ(model.refresh(), 30);
  EXPECT_EQ(model.eventIdAt(299), 450u);
  EXPECT_EQ(model.refresh(), 0);
  live.close();
}

// A real run recording on its threads while the log tails the file, as in the GUI: every
// look appends only new rows, and at the end the log holds exactly the recording.
TEST(EventLogModelLiveTest, TailsARealRunWhileItRecords) {
  TempDir dir;
  const std::string path = dir.file("run.evrec");
  core::Scenario scenario = core::testing::demoScenario("order-pipeline.yaml");
  scenario.duration = 20 * core::kSecond;
  std::atomic<bool> done{false};
  std::thread run([&] {
    core::testing::recordScenario(scenario, path, 2048);  // small batches: many commits
    done = true;
  });
  EventLogModel model;
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
  int looks = 0, inserted = 0;
  QObject::connect(&model, &QAbstractItemModel::rowsInserted,
                   [&](const QModelIndex&, int first, int last) { inserted += last - first + 1; });
  std::string error;
  while (!done) {
    // As the panel does: not while the writer sets the new file up (it would find it locked).
    std::error_code ec;
    if (!model.recording() && std::filesystem::file_size(path + "-wal", ec) == 0) continue;
    std::shared_ptr<const Recording> reopened = Recording::open(path, &error);
    if (!reopened) continue;  // not created yet
    if (!model.recording()) {
      model.setRecording(reopened);
      inserted = model.rowCount();
    } else {
      model.refresh(reopened);
    }
    ++looks;
  }
  run.join();
  model.refresh(Recording::open(path, &error));
  core::store::RecordingSummary summary;
  ASSERT_TRUE(model.recording()->summary(summary, &error)) << error;
  EXPECT_TRUE(summary.complete());
  EXPECT_TRUE(model.exactCount());
  EXPECT_EQ(model.rowCount(), static_cast<int>(summary.events));
  EXPECT_EQ(inserted, model.rowCount());
  EXPECT_EQ(model.eventIdAt(model.rowCount() - 1), summary.events);
  EXPECT_GT(looks, 1);
  EXPECT_TRUE(model.errorString().isEmpty()) << model.errorString().toStdString();
}

TEST(EventLogModelLiveTest, ARecordingStillEmptyFillsIn) {
  TempDir dir;
  const std::string path = dir.file("live.evrec");
  testing::LiveRecording live(path);
  live.write(0, 0);  // the header only
  std::string error;
  EventLogModel model;
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
  model.setRecording(Recording::open(path, &error));
  ASSERT_TRUE(model.recording()) << error;
  EXPECT_EQ(model.rowCount(), 0);
  live.write(1, 30);
  EXPECT_EQ(model.refresh(), 30);
  EXPECT_EQ(model.index(29, 0).data(EventLogModel::EventIdRole).value<quint64>(), 30u);
}

TEST(EventLogModelGapsTest, IdsWithGapsAreReadPageByPage) {
  TempDir dir;
  const std::string path = dir.file("gaps.evrec");
  {
    testing::LiveRecording live(path);
    live.write(1, 300);
    live.close();
  }
  // A file whose ids have a hole the batch counts do not show (edited by some other tool).
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec(
        "DELETE FROM events WHERE id = 150; DELETE FROM attempts WHERE event = 150;"
        " INSERT INTO events VALUES(301, 10000000000, 0, 0, 0, 1, NULL, NULL, NULL, NULL, 0)");
  }
  std::string error;
  EventLogModel model;
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
  model.setRecording(Recording::open(path, &error));
  ASSERT_TRUE(model.recording()) << error;
  EXPECT_FALSE(model.exactCount());
  while (model.canFetchMore({}))
    model.fetchMore({});
  ASSERT_EQ(model.rowCount(), 300);
  EXPECT_EQ(model.eventIdAt(148), 149u);
  EXPECT_EQ(model.eventIdAt(149), 151u);
  EXPECT_EQ(model.eventIdAt(299), 301u);
  EXPECT_EQ(model.index(149, EventLogModel::TypeColumn).data().toString(), QStringLiteral("Tick"));

  // A hole inside the counted range is found when its page is read: the log starts again in
  // pages, without a crash or a wrong row.
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("DELETE FROM events WHERE id = 301");
  }
  model.setRecording(Recording::open(path, &error));
  ASSERT_TRUE(model.exactCount());
  EXPECT_EQ(model.rowCount(), 300);  // the batches count 300 events, the last is id 300
  EXPECT_FALSE(model.index(150, 0).data().isValid());
  EXPECT_TRUE(ui::testing::waitUntil([&] { return !model.exactCount(); }));
  while (model.canFetchMore({}))
    model.fetchMore({});
  EXPECT_EQ(model.rowCount(), 299);
  EXPECT_EQ(model.eventIdAt(149), 151u);
}

TEST(EventLogModelBrokenTest, ADamagedRecordingSaysSoInsteadOfRows) {
  TempDir dir;
  const std::string path = dir.file("damaged.evrec");
  {
    testing::LiveRecording live(path);
    live.write(1, 50);
    live.close();
  }
  std::string error;
  std::shared_ptr<const Recording> recording = Recording::open(path, &error);
  ASSERT_TRUE(recording) << error;
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("DROP TABLE attempts");
  }
  EventLogModel model;
  QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
  QSignalSpy errors(&model, &EventLogModel::errorOccurred);
  model.setRecording(recording);
  EXPECT_FALSE(model.index(0, 0).data().isValid());
  EXPECT_TRUE(ui::testing::waitUntil([&] { return errors.count() == 1; }));
  EXPECT_FALSE(model.errorString().isEmpty());
  model.setRecording(nullptr);
  EXPECT_EQ(model.rowCount(), 0);
  EXPECT_EQ(model.refresh(), 0);
}

}  // namespace
}  // namespace eventscope::ui
