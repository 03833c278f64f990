#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "core/io/reader_expectations.h"
#include "core/io/scenario_reader.h"
#include "core/model/limits.h"
#include "support/text_mutation.h"

// The reader meets damaged, hostile and huge input: it must answer with located errors, never
// crash, throw or hang.
namespace eventscope::core {
namespace {

using test_support::fixturePath;
using test_support::listErrors;
using testing::mutate;

TEST(ScenarioRobustnessTest, SurvivesTwoThousandMutationsOfTheDesignExample) {
  const std::string original = test_support::readText(fixturePath("scenarios/design_example.yaml"));
  ASSERT_FALSE(original.empty());
  std::mt19937 random(20240601);
  int parsed = 0;
  for (int round = 0; round < 2000; ++round) {
    std::string text = original;
    const int damage = 1 + static_cast<int>(random() % 3);
    for (int i = 0; i < damage; ++i) {
      text = mutate(std::move(text), random);
    }
    ScenarioReadResult result;
    ASSERT_NO_THROW(result = parseScenario(text, "mutant.yaml")) << "round " << round;
    ASSERT_EQ(result.scenario.has_value(), result.errors.empty()) << "round " << round;
    parsed += result.scenario.has_value() ? 1 : 0;
    for (const Diagnostic& d : result.errors) {
      // Only an unreadable file has no position, and this text is never read from a file.
      ASSERT_GE(d.line, 1) << "round " << round << ": " << d.format();
      ASSERT_GE(d.column, 1) << "round " << round << ": " << d.format();
      ASSERT_FALSE(d.message.empty()) << "round " << round;
      ASSERT_EQ(d.message.find('\n'), std::string::npos) << "round " << round << ": " << d.format();
    }
  }
  // Some mutations are harmless (a comment byte, a duplicated blank line); most are not.
  EXPECT_GT(parsed, 0);
  EXPECT_LT(parsed, 2000);
}

TEST(ScenarioRobustnessTest, ReadsTheLargestAllowedModel) {
  std::string text = "eventscope: 1\ntopics:\n";
  for (int i = 0; i < limits::kMaxEntities; ++i) {
    text += "  - {name: t" + std::to_string(i) + "}\n";
  }
  text += "services:\n";
  for (int i = 0; i < limits::kMaxEntities; ++i) {
    text += "  - {name: s" + std::to_string(i) + ", subscribes: t" + std::to_string(i) +
            ", emits: [{topic: t" + std::to_string((i + 1) % limits::kMaxEntities) +
            ", event: E, probability: 0.5}]}\n";
  }
  const ScenarioReadResult result = parseScenario(text, "big.yaml");
  ASSERT_TRUE(result.ok()) << listErrors(result);
  EXPECT_EQ(result.scenario->topics.size(), static_cast<std::size_t>(limits::kMaxEntities));
}

TEST(ScenarioRobustnessTest, RefusesMoreEntitiesThanTheLimit) {
  std::string text = "eventscope: 1\ntopics:\n";
  for (int i = 0; i <= limits::kMaxEntities; ++i) {
    text += "  - name: t" + std::to_string(i) + "\n";
  }
  const ScenarioReadResult result = parseScenario(text, "big.yaml");
  EXPECT_TRUE(test_support::hasOnlyError(result, limits::kMaxEntities + 3, 5,
                                         "too many topics: at most 10000 are supported"));
}

TEST(ScenarioRobustnessTest, AliasesCannotMultiplyTheModel) {
  // Each service aliases a list of 5,000 poison keys: without a work budget this would build
  // 50 M strings.
  std::string text = "eventscope: 1\ntopics: [{name: t}]\nx: &e [";
  for (int i = 0; i < 5000; ++i) {
    text.append("k").append(std::to_string(i)).append(", ");  // not "k" + ...: GCC 12 -Wrestrict
  }
  text += "]\nservices:\n";
  for (int i = 0; i < limits::kMaxEntities; ++i) {
    text += "  - {name: s" + std::to_string(i) + ", subscribes: t, poison_keys: *e}\n";
  }
  const ScenarioReadResult result = parseScenario(text, "aliases.yaml");
  ASSERT_FALSE(result.ok());
  bool budget = false;
  for (const Diagnostic& d : result.errors) {
    budget = budget || d.message.find("too large to read") != std::string::npos;
  }
  EXPECT_TRUE(budget) << listErrors(result);
}

TEST(ScenarioRobustnessTest, RefusesTextsWithMoreValuesThanTheLimit) {
  // yaml-cpp's tree costs about half a kilobyte per value: a prescan stops before building it.
  std::string text = "eventscope: 1\nlayout: [";
  for (int i = 0; i < 1'000'010; ++i) {
    text += "0,";
  }
  text += "]\n";
  const ScenarioReadResult result = parseScenario(text, "values.yaml");
  // Values 1 to 3 are the top map, `eventscope` and `1`; `layout` and its list are 4 and 5.
  const int column = static_cast<int>(std::string("layout: [").size()) + 1 + 2 * (1'000'001 - 6);
  EXPECT_TRUE(test_support::hasOnlyError(result, 2, column,
                                         "the scenario is too large to read: more than 1000000 "
                                         "YAML values"));
}

TEST(ScenarioRobustnessTest, RefusesFilesLargerThanTheLimit) {
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / "eventscope-too-large-scenario.yaml";
  {
    std::ofstream out(path, std::ios::binary);
    out << "eventscope: 1\n# ";
    out << std::string(limits::kMaxFileBytes, 'x');
  }
  const ScenarioReadResult result = readScenarioFile(path.string());
  std::filesystem::remove(path);
  ASSERT_EQ(result.errors.size(), 1u) << listErrors(result);
  EXPECT_EQ(result.errors[0].line, 0);  // about the file as a whole
  EXPECT_EQ(result.errors[0].message, "the file is too large for a scenario: more than 16 MiB");
}

}  // namespace
}  // namespace eventscope::core
