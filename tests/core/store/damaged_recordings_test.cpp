// Random damage to a good recording, 300 times: whatever open() accepts, every query either
// answers or says the file is damaged. Nothing crashes or hangs (run under ASan in CI).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "core/store/recorded_inputs.h"
#include "core/store/recording.h"
#include "support/record_scenario.h"
#include "support/scenario_builders.h"

namespace eventscope::core::store {
namespace {

// Some bytes overwritten, a run of zeros or random bytes, or the file cut short.
std::string damage(std::string bytes, std::mt19937& random) {
  const auto below = [&](std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(random);
  };
  switch (below(4)) {
    case 0:  // a few bytes anywhere
      for (int i = 0; i < 8; ++i)
        bytes[below(bytes.size())] = static_cast<char>(below(256));
      break;
    case 1: {  // a zeroed run (a lost write)
      const std::size_t at = below(bytes.size());
      std::fill(bytes.begin() + static_cast<long>(at),
                bytes.begin() + static_cast<long>(std::min(bytes.size(), at + 1 + below(8192))),
                '\0');
      break;
    }
    case 2: {  // random bytes over a page
      const std::size_t at = below(bytes.size());
      for (std::size_t i = at; i < std::min(bytes.size(), at + 4096); ++i)
        bytes[i] = static_cast<char>(below(256));
      break;
    }
    default:  // cut short
      bytes.resize(below(bytes.size()));
      break;
  }
  return bytes;
}

// Every query the CLI and the GUI make, once; each must answer or fail with a reason.
void queryEverything(const Recording& recording) {
  std::string error;
  const auto check = [&](bool ok) {
    if (!ok) {
      EXPECT_NE(error.find(recording.path()), std::string::npos) << error;
    }
    error.clear();
  };
  RecordingSummary summary;
  check(recording.summary(summary, &error));
  EventPage page;
  check(recording.events({.limit = 50}, page, &error));
  check(recording.events({.type = "OrderPlaced", .from = kSecond, .limit = 20}, page, &error));
  check(recording.events({.service = "server", .outcome = SpanOutcome::Acked}, page, &error));
  Trace trace;
  check(recording.trace(7, trace, &error));
  StateAt state;
  check(recording.stateAt(2 * kSecond, state, &error));
  std::vector<SeriesPoint> points;
  check(recording.series(0, -1, "backlog", 0, 3 * kSecond, 100, points, &error));
  RecordedInputs inputs(recording, 64);
  ExternalInput input;
  std::size_t count = 0;
  while (inputs.next(input) && count < 100000)
    ++count;
  std::size_t exported = 0;
  check(recording.forEachEvent([&](const EventPage& p) { exported += p.events.size(); }, &error));
}

TEST(DamagedRecordingsTest, RandomDamageIsRefusedOrAnsweredNeverACrash) {
  testing::TempDir dir;
  Scenario scenario = testing::queueModel(500, 1000, 2, 3 * kSecond, 5);
  scenario.producers[0].event = "OrderPlaced";
  scenario.producers[0].keys = {.kind = KeySpace::Kind::Uniform, .count = 30};
  testing::recordScenario(scenario, dir.file("good.evrec"), 500);
  const std::string good = testing::readAll(dir.file("good.evrec"));
  ASSERT_GT(good.size(), 40000u);
  std::mt19937 random(20261126);
  int opened = 0;
  for (int i = 0; i < 300; ++i) {
    const std::string path = dir.file("damaged-" + std::to_string(i) + ".evrec");
    std::ofstream(path, std::ios::binary) << damage(good, random);
    std::string error;
    auto recording = Recording::open(path, &error);
    if (!recording) {
      EXPECT_EQ(error.find('\n'), std::string::npos) << error;  // one line
      EXPECT_EQ(error.rfind(path, 0), 0u) << error;             // naming the file
    } else {
      ++opened;
      queryEverything(*recording);
      recording->verify(&error);
    }
    recording.reset();
    std::filesystem::remove(path);
  }
  EXPECT_GT(opened, 50);  // damage past the header reaches the queries
}

}  // namespace
}  // namespace eventscope::core::store
