#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "core/io/reader_expectations.h"
#include "core/io/scenario_reader.h"

// Runs every file of tests/core/io/malformed through readScenarioFile. Each file holds one
// family of mistakes and says what must be reported: its first line is
// `# expect: LINE:COL: SUBSTRING`, or, for files that cannot hold a comment (binary, empty),
// a sidecar NAME.expect holds `LINE:COL: SUBSTRING`.
namespace eventscope::core {
namespace {

namespace fs = std::filesystem;

struct Expectation {
  int line = 0;
  int column = 0;
  std::string substring;
};

fs::path corpusDir() {
  return test_support::fixturePath("malformed");
}

std::vector<std::string> corpusFiles() {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(corpusDir(), ec)) {
    if (entry.is_regular_file() && entry.path().extension() != ".expect") {
      names.push_back(entry.path().filename().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

// "12:5: some text" -> {12, 5, "some text"}; nullopt if it is not in that form.
std::optional<Expectation> parseExpectation(std::string_view text) {
  Expectation e;
  const auto firstColon = text.find(':');
  const auto secondColon = text.find(':', firstColon + 1);
  if (firstColon == std::string_view::npos || secondColon == std::string_view::npos ||
      secondColon + 2 > text.size()) {
    return std::nullopt;
  }
  try {
    e.line = std::stoi(std::string(text.substr(0, firstColon)));
    e.column = std::stoi(std::string(text.substr(firstColon + 1, secondColon - firstColon - 1)));
  } catch (const std::exception&) {
    return std::nullopt;
  }
  e.substring = std::string(text.substr(secondColon + 2));
  while (!e.substring.empty() && (e.substring.back() == '\n' || e.substring.back() == '\r')) {
    e.substring.pop_back();
  }
  return e;
}

std::optional<Expectation> expectationFor(const std::string& name) {
  const fs::path sidecar = corpusDir() / (name + ".expect");
  if (fs::exists(sidecar)) {
    return parseExpectation(test_support::readText(sidecar.string()));
  }
  const std::string text = test_support::readText((corpusDir() / name).string());
  constexpr std::string_view kPrefix = "# expect: ";
  if (text.rfind(kPrefix, 0) != 0) {
    return std::nullopt;
  }
  return parseExpectation(
      std::string_view(text).substr(kPrefix.size(), text.find('\n') - kPrefix.size()));
}

class MalformedCorpusTest : public ::testing::TestWithParam<std::string> {};

TEST_P(MalformedCorpusTest, ReportsTheExpectedError) {
  const std::string& name = GetParam();
  const std::optional<Expectation> expected = expectationFor(name);
  ASSERT_TRUE(expected.has_value()) << name << " has no usable '# expect: LINE:COL: TEXT' line";
  const std::string path = (corpusDir() / name).string();
  const ScenarioReadResult result = readScenarioFile(path);
  EXPECT_FALSE(result.scenario.has_value());
  EXPECT_TRUE(
      test_support::hasError(result, expected->line, expected->column, expected->substring));
  for (std::size_t i = 0; i < result.errors.size(); ++i) {
    const Diagnostic& d = result.errors[i];
    EXPECT_EQ(d.file, path);
    EXPECT_GE(d.line, 1) << d.format();
    EXPECT_GE(d.column, 1) << d.format();
    if (i > 0) {
      const Diagnostic& before = result.errors[i - 1];
      EXPECT_LE(std::tie(before.line, before.column), std::tie(d.line, d.column))
          << "not sorted:\n"
          << test_support::listErrors(result);
    }
  }
}

std::string testName(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) {
      c = '_';
    }
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Files, MalformedCorpusTest, ::testing::ValuesIn(corpusFiles()), testName);

TEST(MalformedCorpusSizeTest, HasAtLeastSixtyFiles) {
  EXPECT_GE(corpusFiles().size(), 60u);
}

}  // namespace
}  // namespace eventscope::core
