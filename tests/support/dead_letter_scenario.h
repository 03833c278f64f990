#pragma once

#include <gtest/gtest.h>

#include <string>

#include "core/sim/run_scenario.h"
#include "core/store/recorder.h"
#include "support/scenario_builders.h"

namespace eventscope::core::testing {

// A model that dead-letters steadily: producer "source" publishes to "in" with keys k0..k3 and
// a payload; "server" fails 30% of attempts (no retries) and always fails key k1 (poison),
// sending what it gives up on to "in.dlq".
inline Scenario deadLetterScenario(SimTime duration = 3 * kSecond) {
  Scenario s = queueModel(200, 1000, 2, duration, 7);
  s.name = "dead letters";
  s.topics.push_back(topic("in.dlq"));
  s.producers[0].keys = {.kind = KeySpace::Kind::Uniform, .count = 4};
  s.producers[0].payload = R"({"amount":12.5})";
  ServiceSpec& server = s.services[0];
  server.failureRate = 0.3;
  server.poisonKeys = {"k1"};
  server.retry.maxAttempts = 1;
  server.deadLetter = "in.dlq";
  return s;
}

// Records a whole run of the scenario into `path` (no wall-clock pacing, no GUI).
inline void recordDeadLetterRun(const Scenario& scenario, const std::string& path) {
  std::string error;
  auto writer = store::RecordingWriter::create(path, {}, &error);
  ASSERT_NE(writer, nullptr) << error;
  const SimTime bucket = chooseBucketWidth(scenario.duration);
  store::Recorder recorder(std::move(writer), {.scenarioText = "test"}, scenario.warmup, bucket);
  RunResult result = runScenario(scenario, {.bucketWidth = bucket, .observer = &recorder});
  ASSERT_TRUE(recorder.finish(&result.report, &error)) << error;
}

}  // namespace eventscope::core::testing
