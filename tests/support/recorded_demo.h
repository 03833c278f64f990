#pragma once

#include <gtest/gtest.h>

#include <string>

#include "support/demo_scenarios.h"
#include "support/record_scenario.h"

namespace eventscope::core::testing {

// A suite that reads the order-pipeline demo's recording (about 36,000 events), made once for
// the whole suite rather than once per test.
class RecordedDemoSuite : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_dir = new TempDir;
    recordScenario(demoScenario("order-pipeline.yaml"), s_dir->file("demo.evrec"));
  }
  static void TearDownTestSuite() {
    delete s_dir;
    s_dir = nullptr;
  }
  static std::string demoPath() { return s_dir->file("demo.evrec"); }

 private:
  static inline TempDir* s_dir = nullptr;
};

}  // namespace eventscope::core::testing
