#include "ui/controller/recording_player.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QSignalSpy>

#include "support/record_scenario.h"
#include "support/ui_test_support.h"

namespace eventscope::ui {
namespace {

using core::kSecond;
using testing::waitUntil;

QString recordDemo(const core::testing::TempDir& dir, core::SimTime duration) {
  core::Scenario demo = core::testing::demoScenario("order-pipeline.yaml");
  demo.duration = duration;
  core::testing::recordScenario(demo, dir.file("run.evrec"), 4096);
  return QString::fromStdString(dir.file("run.evrec"));
}

TEST(RecordingPlayerTest, OpensSeeksStepsAndPlays) {
  core::testing::TempDir dir;
  RecordingPlayer player;
  QSignalSpy times(&player, &RecordingPlayer::timeChanged);
  QString error;
  ASSERT_TRUE(player.open(recordDemo(dir, 10 * kSecond), &error)) << error.toStdString();
  EXPECT_FALSE(player.derivedModel());
  EXPECT_EQ(player.end(), 10 * kSecond);
  ASSERT_TRUE(player.latest());
  EXPECT_EQ(player.latest()->now, 0);
  EXPECT_EQ(player.frames()->scenario().services.size(), 5u);

  player.seek(4 * kSecond);
  EXPECT_EQ(player.time(), 4 * kSecond);
  EXPECT_TRUE(player.still());
  EXPECT_EQ(times.last().at(0).value<core::SimTime>(), 4 * kSecond);
  const auto before = player.latest();
  player.stepForward();
  EXPECT_GT(player.time(), 4 * kSecond);
  EXPECT_NE(player.latest(), before);
  player.stepBack();
  player.stepBack();
  EXPECT_LT(player.time(), 4 * kSecond);
  player.seek(-5);  // clamped
  EXPECT_EQ(player.time(), 0);
  player.seek(99 * kSecond);
  EXPECT_EQ(player.time(), 10 * kSecond);

  QSignalSpy playing(&player, &RecordingPlayer::playingChanged);
  player.setSpeed(100);
  player.play();  // at the end: starts over
  EXPECT_TRUE(player.playing());
  ASSERT_TRUE(waitUntil([&] { return !player.playing(); }, 5000));  // 10 s at 100x: 0.1 s
  EXPECT_EQ(player.time(), 10 * kSecond);
  EXPECT_EQ(playing.count(), 2);
  EXPECT_FALSE(player.still());
}

TEST(RecordingPlayerTest, BrokenAndForeignFilesSayWhyAndKeepWhatWasOpen) {
  core::testing::TempDir dir;
  RecordingPlayer player;
  QString error;
  ASSERT_TRUE(player.open(recordDemo(dir, 2 * kSecond), &error));

  const QString text = QString::fromStdString(dir.file("notes.evrec"));
  QFile file(text);
  ASSERT_TRUE(file.open(QIODevice::WriteOnly));
  file.write("just some text\n");
  file.close();
  EXPECT_FALSE(player.open(text, &error));
  EXPECT_FALSE(error.isEmpty());

  // A file that starts like an SQLite database and is not one.
  const QString fake = QString::fromStdString(dir.file("fake.sqlite"));
  QFile header(fake);
  ASSERT_TRUE(header.open(QIODevice::WriteOnly));
  header.write(QByteArray("SQLite format 3\0", 16) + QByteArray(4080, '\x7f'));
  header.close();
  error.clear();
  EXPECT_FALSE(player.open(fake, &error));
  EXPECT_FALSE(error.isEmpty());

  EXPECT_TRUE(player.isOpen());  // the first recording is still there
  EXPECT_EQ(player.end(), 2 * kSecond);
}

}  // namespace
}  // namespace eventscope::ui
