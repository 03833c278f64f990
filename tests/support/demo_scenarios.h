#pragma once

#include <gtest/gtest.h>

#include <string>

#include "core/io/scenario_reader.h"

namespace eventscope::core::testing {

// A bundled demo of resources/scenarios, as read from its file ("order-pipeline.yaml").
inline Scenario demoScenario(const std::string& file) {
  ScenarioReadResult read =
      readScenarioFile(std::string(EVENTSCOPE_SOURCE_DIR) + "/resources/scenarios/" + file);
  EXPECT_TRUE(read.ok()) << (read.errors.empty() ? "" : read.errors.front().format());
  return read.scenario.value_or(Scenario{});
}

}  // namespace eventscope::core::testing
