#pragma once

#include <gtest/gtest.h>

#include <string>

#include "core/io/scenario_reader.h"
#include "core/metrics/time_series.h"
#include "core/sim/run_scenario.h"
#include "core/store/recorder.h"
#include "core/store/recording_writer.h"

namespace eventscope::ui::testing {

// A poison event retried twice with backoff (10 ms, then 20 ms) and dead-lettered to
// orders.dlq, where a reader consumes it; and one ordinary order whose billing emits an
// invoice that a mailer handles. Constant service times keep every interval exact.
inline constexpr const char* kTraceScenario = R"yaml(eventscope: 1
name: Trace test
seed: 7
duration: 2s
topics:
  - name: orders
  - name: orders.dlq
  - name: invoices
producers:
  - name: checkout
    topic: orders
    event: OrderPlaced
    rate: 2/s
    arrivals: constant
    count: 1
    keys: 1
services:
  - name: billing
    subscribes: orders
    service_time: {constant: 5ms}
    poison_keys: [k13]
    retry: {max_attempts: 3, backoff: 10ms, multiplier: 2, max_backoff: 1s}
    dead_letter: orders.dlq
    emits:
      - {topic: invoices, event: InvoiceCreated}
  - name: mailer
    subscribes: invoices
    service_time: {constant: 2ms}
  - name: dlq-reader
    subscribes: orders.dlq
    service_time: {constant: 1ms}
faults:
  - {at: 1s, inject: {topic: orders, event: OrderPlaced, key: k13}}
)yaml";

inline core::Scenario parseOrFail(const std::string& yaml) {
  core::ScenarioReadResult read = core::parseScenario(yaml, "trace-test.yaml");
  EXPECT_TRUE(read.ok()) << (read.errors.empty() ? "" : read.errors.front().format());
  return read.scenario.value_or(core::Scenario{});
}

// Runs the scenario into a recording at `path` that keeps the YAML text as its model.
inline bool recordYaml(const std::string& yaml, const std::string& path) {
  const core::Scenario scenario = parseOrFail(yaml);
  std::string error;
  auto writer = core::store::RecordingWriter::create(path, {}, &error);
  EXPECT_NE(writer, nullptr) << error;
  if (!writer) return false;
  const core::SimTime bucket = core::chooseBucketWidth(scenario.duration);
  core::store::Recorder recorder(std::move(writer), {.scenarioText = yaml}, scenario.warmup,
                                 bucket);
  core::RunResult result =
      core::runScenario(scenario, {.bucketWidth = bucket, .observer = &recorder});
  const bool ok = recorder.finish(&result.report, &error);
  EXPECT_TRUE(ok) << error;
  return ok;
}

}  // namespace eventscope::ui::testing
