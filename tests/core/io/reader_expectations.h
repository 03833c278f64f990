#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

#include "core/io/scenario_reader.h"

// Helpers shared by the scenario reader tests.
namespace eventscope::core::test_support {

inline std::string fixturePath(const std::string& name) {
  return std::string(EVENTSCOPE_SOURCE_DIR) + "/tests/core/io/" + name;
}

inline std::string readText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Every diagnostic, one per line, for failure messages.
inline std::string listErrors(const ScenarioReadResult& result) {
  std::string out;
  for (const Diagnostic& d : result.errors) {
    out += "  " + d.format() + "\n";
  }
  return out.empty() ? "  (no errors)\n" : out;
}

// Succeeds if an error at exactly line:column contains `substring`.
inline ::testing::AssertionResult hasError(const ScenarioReadResult& result, int line, int column,
                                           std::string_view substring) {
  for (const Diagnostic& d : result.errors) {
    if (d.line == line && d.column == column && d.message.find(substring) != std::string::npos) {
      return ::testing::AssertionSuccess();
    }
  }
  return ::testing::AssertionFailure()
         << "no error at " << line << ":" << column << " containing \"" << substring << "\"; got:\n"
         << listErrors(result);
}

// Succeeds if there is exactly one error, at line:column, containing `substring`.
inline ::testing::AssertionResult hasOnlyError(const ScenarioReadResult& result, int line,
                                               int column, std::string_view substring) {
  if (result.errors.size() != 1) {
    return ::testing::AssertionFailure()
           << "expected one error, got " << result.errors.size() << ":\n"
           << listErrors(result);
  }
  return hasError(result, line, column, substring);
}

// The scenario of `text`, failing the test with every diagnostic if it does not parse.
inline Scenario parseOk(std::string_view text, const std::string& fileName = "test.yaml") {
  ScenarioReadResult result = parseScenario(text, fileName);
  EXPECT_TRUE(result.ok()) << listErrors(result);
  return result.scenario.value_or(Scenario{});
}

}  // namespace eventscope::core::test_support
