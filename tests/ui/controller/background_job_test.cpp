#include "ui/controller/background_job.h"

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QSignalSpy>
#include <QThread>
#include <chrono>
#include <memory>
#include <stdexcept>

#include "support/ui_test_support.h"

namespace eventscope::ui {
namespace {

using testing::waitUntil;

// Work that reports `steps` steps as fast as it can, then succeeds.
BackgroundJob::Work counting(std::uint64_t steps) {
  return [steps](const core::Progress& progress, std::string*) {
    for (std::uint64_t i = 0; i <= steps; ++i) {
      if (!progress(i, steps)) return false;
    }
    return true;
  };
}

// Work that goes on (a step a millisecond) until asked to stop; counts how it ended.
BackgroundJob::Work untilCancelled(std::shared_ptr<std::atomic<int>> stopped) {
  return [stopped](const core::Progress& progress, std::string* error) {
    for (std::uint64_t i = 0;; ++i) {
      if (!progress(i, 0)) {
        ++*stopped;
        *error = "cancelled";
        return false;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  };
}

TEST(BackgroundJobTest, FinishesOnTheGuiThreadWithProgressPolledNotSignalledPerStep) {
  BackgroundJob job;
  job.setPollInterval(10);
  QSignalSpy finished(&job, &BackgroundJob::finished);
  QSignalSpy progress(&job, &BackgroundJob::progressChanged);
  QThread* finishedOn = nullptr;
  QObject::connect(&job, &BackgroundJob::finished, &job,
                   [&] { finishedOn = QThread::currentThread(); });
  ASSERT_TRUE(job.start(counting(2'000'000)));
  EXPECT_TRUE(job.isRunning());
  ASSERT_TRUE(waitUntil([&] { return finished.count() == 1; }));
  EXPECT_TRUE(finished[0][0].toBool());
  EXPECT_TRUE(finished[0][1].toString().isEmpty());
  EXPECT_EQ(finishedOn, QCoreApplication::instance()->thread());
  EXPECT_FALSE(job.isRunning());
  ASSERT_GE(progress.count(), 1);
  EXPECT_LT(progress.count(), 1000) << "a signal per poll, not per step";
  EXPECT_EQ(progress.last()[0].toULongLong(), 2'000'000u) << "the last figures come before";
  EXPECT_EQ(progress.last()[1].toULongLong(), 2'000'000u);
  EXPECT_DOUBLE_EQ(job.fraction(), 1.0);
}

TEST(BackgroundJobTest, AFailureCarriesItsReason) {
  BackgroundJob job;
  QSignalSpy finished(&job, &BackgroundJob::finished);
  QSignalSpy cancelled(&job, &BackgroundJob::cancelled);
  job.start([](const core::Progress&, std::string* error) {
    *error = "cannot write out.csv: No space left on device";
    return false;
  });
  ASSERT_TRUE(waitUntil([&] { return finished.count() == 1; }));
  EXPECT_FALSE(finished[0][0].toBool());
  EXPECT_EQ(finished[0][1].toString(), "cannot write out.csv: No space left on device");
  EXPECT_EQ(cancelled.count(), 0);
}

TEST(BackgroundJobTest, AnExceptionIsAFailureNotACrash) {
  BackgroundJob job;
  QSignalSpy finished(&job, &BackgroundJob::finished);
  job.start([](const core::Progress&, std::string*) -> bool {
    throw std::runtime_error("out of memory reading the batch");
  });
  ASSERT_TRUE(waitUntil([&] { return finished.count() == 1; }));
  EXPECT_FALSE(finished[0][0].toBool());
  EXPECT_EQ(finished[0][1].toString(), "out of memory reading the batch");
}

TEST(BackgroundJobTest, CancelStopsTheWorkAndSaysCancelled) {
  BackgroundJob job;
  job.setPollInterval(5);
  QSignalSpy finished(&job, &BackgroundJob::finished);
  QSignalSpy cancelled(&job, &BackgroundJob::cancelled);
  QSignalSpy progress(&job, &BackgroundJob::progressChanged);
  auto stopped = std::make_shared<std::atomic<int>>(0);
  ASSERT_TRUE(job.start(untilCancelled(stopped)));
  ASSERT_TRUE(waitUntil([&] { return progress.count() > 0 && job.done() > 3; }));
  EXPECT_DOUBLE_EQ(job.fraction(), -1) << "the work said it does not know its total";
  EXPECT_FALSE(job.start(counting(1))) << "one work at a time";
  job.cancel();
  EXPECT_TRUE(job.cancelRequested());
  ASSERT_TRUE(waitUntil([&] { return cancelled.count() == 1; }));
  EXPECT_EQ(finished.count(), 0);
  EXPECT_EQ(stopped->load(), 1);
  EXPECT_FALSE(job.isRunning());

  // The same job runs another work afterwards, from a clean slate.
  ASSERT_TRUE(job.start(counting(10)));
  EXPECT_FALSE(job.cancelRequested());
  ASSERT_TRUE(waitUntil([&] { return finished.count() == 1; }));
  EXPECT_TRUE(finished[0][0].toBool());
}

TEST(BackgroundJobTest, AWorkThatEndsDespiteACancelStillFinishes) {
  BackgroundJob job;
  QSignalSpy finished(&job, &BackgroundJob::finished);
  QSignalSpy cancelled(&job, &BackgroundJob::cancelled);
  std::atomic<bool> go{false};
  job.start([&go](const core::Progress&, std::string*) {
    while (!go)
      std::this_thread::yield();
    return true;  // it had already committed its result: the cancel came too late
  });
  job.cancel();
  go = true;
  ASSERT_TRUE(waitUntil([&] { return finished.count() == 1; }));
  EXPECT_TRUE(finished[0][0].toBool());
  EXPECT_EQ(cancelled.count(), 0);
}

TEST(BackgroundJobTest, DestroyingARunningJobCancelsAndWaitsForIt) {
  auto stopped = std::make_shared<std::atomic<int>>(0);
  {
    BackgroundJob job;
    ASSERT_TRUE(job.start(untilCancelled(stopped)));
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  EXPECT_EQ(stopped->load(), 1) << "the work ended before the job went";
  QCoreApplication::processEvents();  // its posted completion is dropped with the job
}

}  // namespace
}  // namespace eventscope::ui
