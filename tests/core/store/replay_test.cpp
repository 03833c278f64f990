// What-if replay: a recording's external inputs driven through another scenario.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <fstream>

#include "core/io/cloudevents_import.h"
#include "core/store/recorded_inputs.h"
#include "core/store/replay_setup.h"
#include "support/demo_scenarios.h"
#include "support/record_scenario.h"
#include "support/scenario_builders.h"

namespace eventscope::core::store {
namespace {

using core::testing::TempDir;

std::unique_ptr<Recording> openRecording(const std::string& path) {
  std::string error;
  auto recording = Recording::open(path, &error);
  EXPECT_NE(recording, nullptr) << error;
  return recording;
}

// Replays the recording at `from` into `scenario`, recording the replay at `to`.
RunResult replay(const std::string& from, Scenario scenario, const std::string& to,
                 std::vector<std::string>* notes = nullptr) {
  auto recording = openRecording(from);
  if (!recording) return {};
  std::vector<std::string> ignored;
  std::string error;
  EXPECT_TRUE(prepareReplay(*recording, scenario, notes ? *notes : ignored, &error)) << error;
  RecordedInputs inputs(*recording, 97);  // small pages: many page turns
  RunResult result = core::testing::recordScenario(scenario, to, 32768, &inputs);
  EXPECT_EQ(inputs.error(), "");
  return result;
}

std::vector<RecordedEvent> allEvents(const std::string& path, std::vector<RecordedSpan>* spans) {
  auto recording = openRecording(path);
  std::vector<RecordedEvent> events;
  std::string error;
  EXPECT_TRUE(recording->forEachEvent(
      [&](const EventPage& page) {
        events.insert(events.end(), page.events.begin(), page.events.end());
        if (spans) spans->insert(spans->end(), page.spans.begin(), page.spans.end());
      },
      &error))
      << error;
  return events;
}

std::vector<RecordedEvent> roots(const std::vector<RecordedEvent>& events) {
  std::vector<RecordedEvent> out;
  for (const RecordedEvent& e : events)
    if (e.causation == 0) out.push_back(e);
  return out;
}

Scenario demo(SimTime duration) {
  Scenario scenario = core::testing::demoScenario("order-pipeline.yaml");
  scenario.duration = duration;
  return scenario;
}

// One Poisson producer of keyed and keyless events into a partitioned topic, a slow service.
Scenario keyedStream() {
  Scenario s = core::testing::queueModel(400, 500, 1, 10 * kSecond, 7);
  s.topics[0].partitions = 4;
  s.producers[0].keys = {.kind = KeySpace::Kind::Uniform, .count = 50};
  s.producers.push_back(core::testing::producer("keyless", "in", 100));
  s.producers[1].event = "Ping";
  return s;
}

TEST(ReplayTest, ReplayingARecordingIntoItsOwnScenarioReproducesItEventForEvent) {
  TempDir dir;
  const Scenario scenario = demo(20 * kSecond);
  const RunResult live = core::testing::recordScenario(scenario, dir.file("live.evrec"));
  std::vector<std::string> notes;
  const RunResult again = replay(dir.file("live.evrec"), scenario, dir.file("again.evrec"), &notes);
  ASSERT_EQ(notes.size(), 1u);  // the demo injects a poison event: replayed, not injected twice
  EXPECT_NE(notes[0].find("inject"), std::string::npos);

  std::vector<RecordedSpan> liveSpans, againSpans;
  const auto liveEvents = allEvents(dir.file("live.evrec"), &liveSpans);
  const auto againEvents = allEvents(dir.file("again.evrec"), &againSpans);
  ASSERT_EQ(liveEvents.size(), againEvents.size());
  ASSERT_GT(liveEvents.size(), 5000u);
  for (std::size_t i = 0; i < liveEvents.size(); ++i) {
    const RecordedEvent &a = liveEvents[i], &b = againEvents[i];
    ASSERT_EQ(std::tie(a.id, a.t, a.type, a.topic, a.partition, a.schema, a.key, a.correlation,
                       a.causation, a.payload, a.origin),
              std::tie(b.id, b.t, b.type, b.topic, b.partition, b.schema, b.key, b.correlation,
                       b.causation, b.payload, b.origin))
        << "event #" << a.id;
  }
  ASSERT_EQ(liveSpans.size(), againSpans.size());
  for (std::size_t i = 0; i < liveSpans.size(); ++i) {
    const RecordedSpan &a = liveSpans[i], &b = againSpans[i];
    ASSERT_EQ(std::tie(a.event, a.service, a.instance, a.start, a.end, a.outcome, a.attempt),
              std::tie(b.event, b.service, b.instance, b.start, b.end, b.outcome, b.attempt));
  }
  EXPECT_EQ(live.report.totals.acked, again.report.totals.acked);
  EXPECT_EQ(live.report.producers[0].published, again.report.producers[0].published);
}

TEST(ReplayTest, MoreInstancesDrainTheSameInputsWithLessBacklog) {
  TempDir dir;
  Scenario scenario = core::testing::queueModel(900, 1000, 1, 20 * kSecond, 3);
  const RunResult base = core::testing::recordScenario(scenario, dir.file("base.evrec"));
  scenario.services[0].instances = 2;
  const RunResult whatIf = replay(dir.file("base.evrec"), scenario, dir.file("what-if.evrec"));
  EXPECT_EQ(whatIf.report.totals.produced, base.report.totals.produced);
  EXPECT_EQ(whatIf.report.producers[0].published, base.report.producers[0].published);
  const ServiceReport &before = base.report.services[0], &after = whatIf.report.services[0];
  EXPECT_GT(before.backlogMean, 3.0);  // rho = 0.9 on one server: Lq = 8.1
  EXPECT_LT(after.backlogMean, 0.5);   // two servers: Lq = 0.23
  EXPECT_LT(after.latency.p95, before.latency.p95 / 3);
  // The inputs arrived when they did the first time.
  const auto rootsBefore = roots(allEvents(dir.file("base.evrec"), nullptr));
  const auto rootsAfter = roots(allEvents(dir.file("what-if.evrec"), nullptr));
  ASSERT_EQ(rootsBefore.size(), rootsAfter.size());
  for (std::size_t i = 0; i < rootsBefore.size(); ++i)
    ASSERT_EQ(rootsBefore[i].t, rootsAfter[i].t);
}

TEST(ReplayTest, KeysHashToTheirPartitionAndKeylessInputsKeepTheirs) {
  TempDir dir;
  Scenario scenario = keyedStream();
  core::testing::recordScenario(scenario, dir.file("four.evrec"));
  scenario.topics[0].partitions = 3;  // fewer partitions: keys rehash, keyless wrap around
  replay(dir.file("four.evrec"), scenario, dir.file("three.evrec"));
  const auto before = roots(allEvents(dir.file("four.evrec"), nullptr));
  const auto after = roots(allEvents(dir.file("three.evrec"), nullptr));
  ASSERT_EQ(before.size(), after.size());
  std::map<std::string, std::uint32_t> partitionOfKey;
  std::size_t keyless = 0;
  for (std::size_t i = 0; i < before.size(); ++i) {
    ASSERT_EQ(before[i].key, after[i].key);
    ASSERT_EQ(before[i].type, after[i].type);
    ASSERT_LT(after[i].partition, 3u);
    if (!after[i].key) {
      ++keyless;
      EXPECT_EQ(after[i].partition, before[i].partition % 3);
    } else {
      // One key, one partition.
      const auto [it, added] = partitionOfKey.try_emplace(*after[i].key, after[i].partition);
      EXPECT_EQ(it->second, after[i].partition) << *after[i].key;
    }
  }
  EXPECT_GT(keyless, 500u);
  EXPECT_EQ(partitionOfKey.size(), 50u);
}

TEST(ReplayTest, AFullBlockingTopicHoldsInputsBackInTheirOrder) {
  TempDir dir;
  Scenario scenario = core::testing::queueModel(500, 2000, 1, 5 * kSecond, 5);
  scenario.producers[0].keys = {.kind = KeySpace::Kind::Uniform, .count = 1000};
  core::testing::recordScenario(scenario, dir.file("fast.evrec"));
  scenario.topics[0].capacity = 5;
  scenario.services[0].serviceTime = core::testing::constant(4 * kMillisecond);  // 250/s
  const RunResult slow = replay(dir.file("fast.evrec"), scenario, dir.file("slow.evrec"));
  const auto before = roots(allEvents(dir.file("fast.evrec"), nullptr));
  const auto after = roots(allEvents(dir.file("slow.evrec"), nullptr));
  // Backpressure: about half got in before the end, each no earlier than recorded, in order.
  EXPECT_GT(after.size(), before.size() / 3);
  EXPECT_LT(after.size(), before.size() * 2 / 3);
  for (std::size_t i = 0; i < after.size(); ++i) {
    ASSERT_EQ(after[i].key, before[i].key);
    ASSERT_GE(after[i].t, before[i].t);
  }
  EXPECT_EQ(slow.report.totals.rejected, 0u);
  EXPECT_EQ(slow.report.producers[0].published, after.size());
}

TEST(ReplayTest, AFullRejectingTopicRefusesInputsAndCountsThemAgainstTheirProducer) {
  TempDir dir;
  Scenario scenario = core::testing::queueModel(500, 2000, 1, 5 * kSecond, 5);
  core::testing::recordScenario(scenario, dir.file("fast.evrec"));
  scenario.topics[0].capacity = 5;
  scenario.topics[0].overflow = Overflow::Reject;
  scenario.services[0].serviceTime = core::testing::constant(4 * kMillisecond);
  const RunResult slow = replay(dir.file("fast.evrec"), scenario, dir.file("slow.evrec"));
  const auto before = roots(allEvents(dir.file("fast.evrec"), nullptr));
  const ProducerReport& producer = slow.report.producers[0];
  EXPECT_GT(producer.rejected, before.size() / 3);
  EXPECT_EQ(producer.published + producer.rejected, before.size());
  EXPECT_EQ(slow.report.totals.rejected, producer.rejected);
}

TEST(ReplayTest, APausedProducersInputsAreSkippedWhileItIsPaused) {
  TempDir dir;
  Scenario scenario = core::testing::queueModel(300, 2000, 1, 6 * kSecond, 9);
  core::testing::recordScenario(scenario, dir.file("base.evrec"));
  scenario.faults.push_back(FaultSpec{.kind = FaultSpec::Kind::Pause,
                                      .at = 2 * kSecond,
                                      .duration = 2 * kSecond,
                                      .target = "source"});
  std::vector<std::string> notes;
  replay(dir.file("base.evrec"), scenario, dir.file("paused.evrec"), &notes);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_NE(notes[0].find("paused"), std::string::npos);
  const auto before = roots(allEvents(dir.file("base.evrec"), nullptr));
  const auto after = roots(allEvents(dir.file("paused.evrec"), nullptr));
  std::size_t outside = 0;
  for (const RecordedEvent& e : before)
    outside += e.t < 2 * kSecond || e.t >= 4 * kSecond;
  EXPECT_EQ(after.size(), outside);
  for (const RecordedEvent& e : after)
    EXPECT_TRUE(e.t < 2 * kSecond || e.t >= 4 * kSecond) << e.t;
}

TEST(ReplayTest, InputsOfAProducerTheScenarioLacksArriveAsInjections) {
  TempDir dir;
  Scenario scenario = core::testing::queueModel(100, 2000, 1, 3 * kSecond, 2);
  core::testing::recordScenario(scenario, dir.file("base.evrec"));
  scenario.producers[0].name = "renamed";
  const RunResult result = replay(dir.file("base.evrec"), scenario, dir.file("renamed.evrec"));
  const auto after = roots(allEvents(dir.file("renamed.evrec"), nullptr));
  ASSERT_GT(after.size(), 200u);
  for (const RecordedEvent& e : after)
    ASSERT_EQ(e.origin, "injection");
  EXPECT_EQ(result.report.producers[0].published, 0u);
  EXPECT_EQ(result.report.services[0].produced, after.size());
}

TEST(ReplayTest, AScenarioWithoutTheInputsTopicsOrTooLongAWarmupIsRefused) {
  TempDir dir;
  Scenario scenario = core::testing::queueModel(100, 2000, 1, 3 * kSecond, 2);
  scenario.topics.push_back(core::testing::topic("other"));
  scenario.producers.push_back(core::testing::producer("second", "other", 10));
  core::testing::recordScenario(scenario, dir.file("base.evrec"));
  auto recording = openRecording(dir.file("base.evrec"));
  Scenario without = core::testing::queueModel(100, 2000, 1, 3 * kSecond, 2);
  std::vector<std::string> notes;
  std::string error;
  EXPECT_FALSE(prepareReplay(*recording, without, notes, &error));
  EXPECT_EQ(error, "the recording's inputs go to topic 'other', which the scenario does not have");
  Scenario longWarmup = scenario;
  longWarmup.warmup = 3 * kSecond;
  EXPECT_FALSE(prepareReplay(*recording, longWarmup, notes, &error));
  EXPECT_NE(error.find("warmup"), std::string::npos) << error;
  // The run takes the recording's duration and seed.
  Scenario other = scenario;
  other.duration = 100 * kSecond;
  other.seed = 99;
  ASSERT_TRUE(prepareReplay(*recording, other, notes, &error)) << error;
  EXPECT_EQ(other.duration, 3 * kSecond);
  EXPECT_EQ(other.seed, 2u);
}

TEST(ReplayTest, ARecordingWithTooManyEventTypesIsRefused) {
  TempDir dir;
  Scenario scenario = core::testing::queueModel(100, 2000, 1, 2 * kSecond, 2);
  core::testing::recordScenario(scenario, dir.file("base.evrec"));
  {
    SQLite::Database db(dir.file("base.evrec"), SQLite::OPEN_READWRITE);
    SQLite::Transaction transaction(db);
    SQLite::Statement insert(db, "INSERT INTO names VALUES(4, ?, ?)");
    for (int i = 1; i <= 5000; ++i) {
      insert.bind(1, i);
      insert.bind(2, "Type" + std::to_string(i));
      insert.exec();
      insert.reset();
    }
    transaction.commit();
  }
  auto recording = openRecording(dir.file("base.evrec"));
  std::vector<std::string> notes;
  std::string error;
  EXPECT_FALSE(prepareReplay(*recording, scenario, notes, &error));
  EXPECT_EQ(error, "the recording has 5001 event types; a replay takes at most 4096");
}

TEST(ReplayTest, AnImportedRecordingDrivesAScenarioWithItsTopics) {
  TempDir dir;
  {
    std::ofstream out(dir.file("events.jsonl"));
    for (int i = 0; i < 300; ++i) {
      out << R"({"specversion":"1.0","id":"e)" << i
          << R"(","source":"/shop","type":"OrderPlaced","subject":"orders",)"
          << R"("partitionkey":"c)" << i % 7 << R"(","time":"2026-11-26T10:00:)"
          << (i / 10 < 10 ? "0" : "") << i / 10 << "." << i % 10 << R"(00Z","data":{"n":)" << i
          << "}}\n";
    }
  }
  const ImportResult imported = importCloudEvents(dir.file("events.jsonl"), dir.file("in.evrec"));
  ASSERT_TRUE(imported.ok()) << imported.errors[0].format();
  Scenario scenario = core::testing::queueModel(1, 1000, 1, 40 * kSecond, 4);
  scenario.topics[0].name = "orders";
  scenario.producers.clear();
  scenario.services[0].subscribes = {"orders"};
  const RunResult result = replay(dir.file("in.evrec"), scenario, dir.file("out.evrec"));
  EXPECT_EQ(result.report.services[0].acked, 300u);
  EXPECT_EQ(result.report.seed, 4u);        // an import has no seed: the scenario's is kept
  EXPECT_EQ(result.report.simTimeS, 40.0);  // nor a run length: it drains in the scenario's
  const auto events = allEvents(dir.file("out.evrec"), nullptr);
  ASSERT_EQ(events.size(), 300u);
  EXPECT_EQ(events[17].payload, R"({"n":17})");
  EXPECT_EQ(events[17].key, "c3");
  EXPECT_EQ(events[17].type, "OrderPlaced");
}

TEST(ReplayTest, ADamagedRecordingStopsTheInputsWithAReason) {
  TempDir dir;
  const Scenario scenario = core::testing::queueModel(2000, 4000, 1, 20 * kSecond, 2);
  core::testing::recordScenario(scenario, dir.file("base.evrec"));
  auto recording = openRecording(dir.file("base.evrec"));
  RecordedInputs inputs(*recording, 50);
  ExternalInput input;
  ASSERT_TRUE(inputs.next(input));
  {
    // Overwrite the middle of the file, where the events table's pages are.
    std::fstream file(dir.file("base.evrec"), std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(0, std::ios::end);
    const auto size = static_cast<std::streamoff>(file.tellp());
    file.seekp(size / 4);
    const std::string garbage(static_cast<std::size_t>(size / 2), '\x5a');
    file.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
  }
  std::uint64_t count = 1;
  while (inputs.next(input))
    ++count;
  EXPECT_LT(count, 40000u);  // 2000/s for 20 s were recorded
  EXPECT_NE(inputs.error().find("damaged"), std::string::npos) << inputs.error();
}

}  // namespace
}  // namespace eventscope::core::store
