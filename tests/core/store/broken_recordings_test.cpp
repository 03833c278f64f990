// A corpus of broken recordings, made from a good one: every one is refused by open() or by
// verify() with a one-line reason naming the file, and no query on it crashes or hangs.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>

#include "core/sim/random_stream.h"
#include "core/store/recording.h"
#include "support/record_scenario.h"
#include "support/scenario_builders.h"

namespace eventscope::core::store {
namespace {

namespace fs = std::filesystem;

struct Broken {
  std::string name;
  std::string expected;  // part of the message, "" when any clear refusal will do
  std::function<void(const std::string& good, const std::string& path)> make;
};

void writeAll(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}
std::function<void(const std::string&, const std::string&)> bytes(std::string content) {
  return [content](const std::string&, const std::string& path) { writeAll(path, content); };
}
// The good file cut to a fraction of its length.
std::function<void(const std::string&, const std::string&)> truncated(double fraction) {
  return [fraction](const std::string& good, const std::string& path) {
    const std::string all = testing::readAll(good);
    writeAll(path, all.substr(0, static_cast<std::size_t>(all.size() * fraction)));
  };
}
// The good file with `length` bytes at `offset` overwritten by `fill`.
std::function<void(const std::string&, const std::string&)> patched(std::size_t offset,
                                                                    std::string fill) {
  return [offset, fill](const std::string& good, const std::string& path) {
    std::string all = testing::readAll(good);
    if (offset < all.size()) all.replace(offset, std::min(fill.size(), all.size() - offset), fill);
    writeAll(path, all);
  };
}
// The good file changed through SQLite itself.
std::function<void(const std::string&, const std::string&)> edited(std::string sql) {
  return [sql](const std::string& good, const std::string& path) {
    fs::copy_file(good, path);
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec(sql);
  };
}

std::vector<Broken> corpus() {
  constexpr std::size_t kPage = 8192;
  std::vector<Broken> list = {
      {"empty", "is empty", bytes("")},
      {"one-byte", "not a recording", bytes("S")},
      {"text", "not a recording (not a SQLite database)", bytes("eventscope: 1\ntopics: []\n")},
      {"png", "not a SQLite database", bytes("\x89PNG\r\n\x1a\n" + std::string(200, 'x'))},
      {"header-only", "truncated",
       [](const std::string& good, const std::string& path) {
         writeAll(path, testing::readAll(good).substr(0, 100));
       }},
      {"half-header", "truncated (shorter than its header)",
       [](const std::string& good, const std::string& path) {
         writeAll(path, testing::readAll(good).substr(0, 50));
       }},
      {"truncated-10", "truncated", truncated(0.10)},
      {"truncated-25", "truncated", truncated(0.25)},
      {"truncated-50", "truncated", truncated(0.50)},
      {"truncated-75", "truncated", truncated(0.75)},
      {"truncated-99", "truncated", truncated(0.99)},
      {"page-count-too-big", "truncated", patched(28, std::string("\x7f\xff\xff\xff", 4))},
      {"bad-page-size", "", patched(16, std::string("\x00\x03", 2))},
      {"other-database", "not an Eventscope recording",
       [](const std::string&, const std::string& path) {
         SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
         db.exec("CREATE TABLE notes(text TEXT); INSERT INTO notes VALUES('hello')");
       }},
      {"wrong-application-id", "not an Eventscope recording", edited("PRAGMA application_id=1234")},
      {"newer-format", "by a newer Eventscope", edited("PRAGMA user_version=99")},
      {"no-format", "no format version", edited("PRAGMA user_version=0")},
      {"missing-events", "table 'events' is missing", edited("DROP TABLE events")},
      {"missing-meta", "table 'meta' is missing", edited("DROP TABLE meta")},
      {"huge-name-id", "a name with kind",
       edited("INSERT INTO names VALUES(1, 1000000000000, 'x')")},
      {"bad-name-kind", "a name with kind", edited("INSERT INTO names VALUES(99, 0, 'x')")},
      {"broken-schema", "",
       edited("PRAGMA writable_schema=ON; UPDATE sqlite_schema SET sql='CREATE TABLE events(' "
              "WHERE name='events'")},
      {"trigger-in-schema", "contains triggers or views",
       edited(
           "PRAGMA writable_schema=ON; INSERT INTO sqlite_schema VALUES('trigger','t','events',0,"
           "'CREATE TRIGGER t AFTER INSERT ON events BEGIN SELECT 1; END')")},
      {"directory", "is a directory",
       [](const std::string&, const std::string& path) { fs::create_directory(path); }},
  };
  // B-tree pages whose headers are smashed, and pages zeroed in the middle of the file.
  for (std::size_t page : {1u, 2u, 3u, 5u, 8u, 13u}) {
    list.push_back({"page-header-" + std::to_string(page + 1), "",
                    patched(page * kPage, std::string("\x42\x00\xff\xff\x00\x00\xff\xff", 8))});
  }
  for (std::size_t page : {4u, 9u}) {
    list.push_back({"zeroed-page-" + std::to_string(page + 1), "",
                    patched(page * kPage + 16, std::string(kPage - 32, '\0'))});
  }
  for (std::uint64_t seed : {1u, 2u, 3u}) {
    list.push_back({"random-bytes-" + std::to_string(seed), "not a SQLite database",
                    [seed](const std::string&, const std::string& path) {
                      RandomStream rng(seed);
                      std::string junk(4096 * (seed + 1), '\0');
                      for (char& c : junk)
                        c = static_cast<char>(rng.below(256));
                      writeAll(path, junk);
                    }});
  }
  return list;
}

TEST(BrokenRecordingsTest, EachIsRefusedClearlyAndNothingCrashes) {
  testing::TempDir dir;
  const std::string good = dir.file("good.evrec");
  Scenario s = testing::queueModel(500, 2000, 2, 20 * kSecond);
  s.topics.push_back(testing::topic("next", 2));
  s.services[0].emits = {EmitSpec{.topic = "next", .event = "Next"}};
  s.services.push_back(testing::service("second", "next", testing::exponential(kMillisecond / 4)));
  testing::recordScenario(s, good, 1024);
  ASSERT_GT(fs::file_size(good), 16u * 8192) << "the good recording must span many pages";
  const std::vector<Broken> list = corpus();
  ASSERT_GE(list.size(), 30u);
  for (const Broken& broken : list) {
    const std::string path = dir.file(broken.name + ".evrec");
    broken.make(good, path);
    std::string error;
    auto recording = Recording::open(path, &error);
    bool refused = recording == nullptr;
    if (recording) {
      // Whatever the damage, queries answer or say why; then the full check must object.
      RecordingSummary summary;
      EventPage page;
      Trace trace;
      StateAt state;
      std::vector<SeriesPoint> series;
      std::string ignored;
      recording->summary(summary, &ignored);
      recording->events({.limit = 500}, page, &ignored);
      recording->trace(1, trace, &ignored);
      recording->stateAt(5 * kSecond, state, &ignored);
      recording->series(0, -1, "backlog", 0, 20 * kSecond, 100, series, &ignored);
      refused = !recording->verify(&error);
    }
    EXPECT_TRUE(refused) << broken.name << " was accepted";
    EXPECT_NE(error.find(path), std::string::npos) << broken.name << ": " << error;
    EXPECT_EQ(error.find('\n'), std::string::npos) << broken.name << ": one line, please";
    if (!broken.expected.empty()) {
      EXPECT_NE(error.find(broken.expected), std::string::npos) << broken.name << ": " << error;
    }
  }
}

TEST(BrokenRecordingsTest, TheGoodOneOpensAndVerifies) {
  testing::TempDir dir;
  const std::string good = dir.file("good.evrec");
  testing::recordScenario(testing::queueModel(100, 1000, 1, 2 * kSecond), good);
  std::string error;
  auto recording = Recording::open(good, &error);
  ASSERT_NE(recording, nullptr) << error;
  EXPECT_TRUE(recording->verify(&error)) << error;
}

}  // namespace
}  // namespace eventscope::core::store
