#include "support/record_scenario.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <iterator>

#include "core/io/scenario_writer.h"
#include "core/store/recorder.h"

namespace eventscope::core::testing {

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  m_path = std::filesystem::temp_directory_path() /
           ("eventscope-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(m_path);
  std::filesystem::create_directories(m_path);
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(m_path, ignored);
}

std::string readAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

RunResult recordScenario(const Scenario& scenario, const std::string& path, std::size_t batchRows,
                         ExternalInputSource* inputs) {
  std::string error;
  auto writer = store::RecordingWriter::create(path, {}, &error);
  EXPECT_NE(writer, nullptr) << error;
  if (!writer) return {};
  const SimTime bucket = chooseBucketWidth(scenario.duration);
  store::Recorder recorder(std::move(writer), {.scenarioText = writeScenario(scenario)},
                           scenario.warmup, bucket, batchRows);
  RunResult result =
      runScenario(scenario, {.bucketWidth = bucket, .observer = &recorder, .inputs = inputs});
  EXPECT_TRUE(recorder.finish(&result.report, &error)) << error;
  return result;
}

}  // namespace eventscope::core::testing
