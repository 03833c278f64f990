// Crash safety (DESIGN.md §5): a process recording a run is killed with SIGKILL at random
// moments; every file must pass SQLite's integrity check, open, and hold every committed batch,
// in order, with nothing of a later batch.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "core/sim/random_stream.h"
#include "core/store/recording.h"
#include "support/record_scenario.h"
#include "support/scenario_builders.h"

namespace eventscope::core::store {
namespace {

// Enough work that the child is still recording, with many small batches, when it is killed.
Scenario busyScenario() {
  Scenario s = testing::queueModel(20000, 25000, 1, 3600 * kSecond);
  s.topics.push_back(testing::topic("next"));
  s.services[0].emits = {EmitSpec{.topic = "next", .event = "Next"}};
  s.services.push_back(testing::service("second", "next", testing::exponential(10 * kMicrosecond)));
  return s;
}

TEST(RecordingCrashTest, EveryKilledRecordingOpensWithItsCommittedBatchesInOrder) {
  RandomStream dice(2026);
  constexpr int kKills = 24;
  int withBatches = 0, beforeTheFile = 0;
  for (int round = 0; round < kKills; ++round) {
    testing::TempDir dir;
    const std::string path = dir.file("killed.evrec");
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      testing::recordScenario(busyScenario(), path, 2048);
      _exit(0);
    }
    const auto wait = std::chrono::milliseconds(20 + static_cast<int>(dice.below(400)));
    std::this_thread::sleep_for(wait);
    ASSERT_EQ(kill(child, SIGKILL), 0);
    int status = 0;
    waitpid(child, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the child finished before it was killed";
    // Killed before the recording existed: the file appears only once it is a recording.
    if (!std::filesystem::exists(path)) {
      ++beforeTheFile;
      continue;
    }

    // SQLite's own verdict on every page, through a plain connection.
    {
      SQLite::Database db(path, SQLite::OPEN_READONLY);
      EXPECT_EQ(db.execAndGet("PRAGMA integrity_check").getString(), "ok") << "round " << round;
    }
    std::string error;
    auto recording = Recording::open(path, &error);
    ASSERT_NE(recording, nullptr) << "round " << round << ": " << error;
    RecordingSummary summary;
    ASSERT_TRUE(recording->summary(summary, &error)) << error;
    EXPECT_FALSE(summary.complete());

    // Batches 1..n, each with what it says it holds, and nothing beyond the last.
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    SQLite::Statement batches(db,
                              "SELECT seq, events, attempts, last_event FROM batches ORDER BY seq");
    std::int64_t expectedSeq = 1, events = 0, attempts = 0, lastEvent = 0;
    while (batches.executeStep()) {
      EXPECT_EQ(batches.getColumn(0).getInt64(), expectedSeq++) << "round " << round;
      events += batches.getColumn(1).getInt64();
      attempts += batches.getColumn(2).getInt64();
      if (!batches.getColumn(3).isNull()) lastEvent = batches.getColumn(3).getInt64();
    }
    withBatches += expectedSeq > 2;
    EXPECT_EQ(db.execAndGet("SELECT count(*) FROM events").getInt64(), events);
    EXPECT_EQ(db.execAndGet("SELECT count(*) FROM attempts").getInt64(), attempts);
    EXPECT_EQ(db.execAndGet("SELECT coalesce(max(id), 0) FROM events").getInt64(), lastEvent);
    // Events are contiguous from 1: no batch is missing in the middle.
    EXPECT_EQ(db.execAndGet("SELECT count(*) FROM events").getInt64(), lastEvent);
  }
  EXPECT_GE(withBatches, kKills / 2);  // most kills landed while batches were being written
  EXPECT_LE(beforeTheFile, kKills / 4);
}

}  // namespace
}  // namespace eventscope::core::store
