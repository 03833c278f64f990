#include <gtest/gtest.h>

#include "core/io/reader_expectations.h"
#include "core/io/scenario_reader.h"
#include "core/io/scenario_writer.h"
#include "support/scenario_comparison.h"

// writeScenarioKeeping: saving over a file a person wrote keeps what they wrote.
namespace eventscope::core {
namespace {

using test_support::fixturePath;
using test_support::parseOk;
using test_support::readText;

// Comments everywhere, flow and block styles mixed, an unindented list, quoting and padding
// nobody would generate, and the layout section in the middle with comments around it.
constexpr std::string_view kHandWritten = R"(# Hand-written: keep me.
#   checkout --> orders --> billing

eventscope: 1   # the format
name: "Hand written"
seed: 9

topics: [{name: orders, partitions: 2}]   # flow style on purpose
producers:
- name: checkout          # an unindented list
  topic: orders
  event:   OrderPlaced
  rate: 120/m

# Where the boxes go on the canvas.
layout:
  checkout: {x: 0, y: 0}
  orders:
    x: 220
    y: 0   # moved by hand
  # billing: {x: 1, y: 1}

# The only consumer.
services:
  - {name: billing, subscribes: [orders], service_time: {constant: 2ms}}
)";

std::string replaced(std::string_view text, std::string_view from, std::string_view to) {
  std::string out(text);
  const std::size_t at = out.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return at == std::string::npos ? out : out.replace(at, from.size(), to);
}

// The text must read back as `scenario` in every field, the layout included.
void expectReadsAs(const std::string& text, const Scenario& scenario) {
  SCOPED_TRACE("text:\n" + text);
  testing::expectSameScenario(scenario, parseOk(text, "kept.yaml"));
}

TEST(ScenarioWriterKeepingTest, ReplacesOnlyTheLayoutInTheMiddleOfAHandWrittenFile) {
  Scenario s = parseOk(kHandWritten);
  s.layout = {{"checkout", 10, 20}, {"orders", 230, 5}, {"billing", 440, 5.5}};
  const std::string kept = writeScenarioKeeping(s, kHandWritten);
  EXPECT_EQ(kept, replaced(kHandWritten, R"(layout:
  checkout: {x: 0, y: 0}
  orders:
    x: 220
    y: 0   # moved by hand
  # billing: {x: 1, y: 1}
)",
                           R"(layout:
  checkout: {x: 10, y: 20}
  orders: {x: 230, y: 5}
  billing: {x: 440, y: 5.5}
)"));
  expectReadsAs(kept, s);
}

TEST(ScenarioWriterKeepingTest, ReturnsTheOriginalWhenNothingChanged) {
  const Scenario s = parseOk(kHandWritten);
  EXPECT_EQ(writeScenarioKeeping(s, kHandWritten), kHandWritten);
  const std::string demo =
      readText(std::string(EVENTSCOPE_SOURCE_DIR) + "/resources/scenarios/order-pipeline.yaml");
  EXPECT_EQ(writeScenarioKeeping(parseOk(demo), demo), demo);
}

TEST(ScenarioWriterKeepingTest, RemovesTheLayoutSectionWhenTheScenarioHasNone) {
  Scenario s = parseOk(kHandWritten);
  s.layout.clear();
  const std::string kept = writeScenarioKeeping(s, kHandWritten);
  // The section goes; the comments around it stay, the one introducing it too (it is a
  // person's text, and the next save may bring a layout back).
  EXPECT_EQ(kept, replaced(kHandWritten, R"(layout:
  checkout: {x: 0, y: 0}
  orders:
    x: 220
    y: 0   # moved by hand
  # billing: {x: 1, y: 1}
)",
                           ""));
  expectReadsAs(kept, s);

  // The last section goes with the blank line before it.
  const Scenario n = parseOk("eventscope: 1\nname: n\ntopics: [{name: t}]\n");
  const std::string lastSection =
      "eventscope: 1\nname: n\ntopics: [{name: t}]\n\nlayout:\n  t: {x: 1, y: 2}\n";
  EXPECT_EQ(writeScenarioKeeping(n, lastSection), "eventscope: 1\nname: n\ntopics: [{name: t}]\n");
}

TEST(ScenarioWriterKeepingTest, AppendsALayoutToAFileWithoutOne) {
  const std::string original = "# t\neventscope: 1\nname: n\ntopics: [{name: t}]\n";
  Scenario s = parseOk(original);
  s.layout = {{"t", 1, 2}};
  const std::string kept = writeScenarioKeeping(s, original);
  EXPECT_EQ(kept, original + "\nlayout:\n  t: {x: 1, y: 2}\n");
  expectReadsAs(kept, s);
}

TEST(ScenarioWriterKeepingTest, HandlesAFileWithoutATrailingNewline) {
  const std::string noLayout = "eventscope: 1\nname: n\ntopics: [{name: t}]  # last line";
  Scenario s = parseOk(noLayout);
  s.layout = {{"t", 3, 4}};
  EXPECT_EQ(writeScenarioKeeping(s, noLayout), noLayout + "\n\nlayout:\n  t: {x: 3, y: 4}\n");

  const std::string layoutLast =
      "eventscope: 1\nname: n\ntopics: [{name: t}]\nlayout: {t: {x: 0, y: 0}}";
  EXPECT_EQ(writeScenarioKeeping(s, layoutLast),
            "eventscope: 1\nname: n\ntopics: [{name: t}]\nlayout:\n  t: {x: 3, y: 4}\n");

  const std::string layoutFirst =
      "layout: {t: {x: 0, y: 0}}\neventscope: 1\nname: n\n"
      "topics: [{name: t}]";
  EXPECT_EQ(writeScenarioKeeping(s, layoutFirst),
            "layout:\n  t: {x: 3, y: 4}\neventscope: 1\nname: n\ntopics: [{name: t}]");
}

TEST(ScenarioWriterKeepingTest, KeepsWindowsLineBreaks) {
  const std::string original =
      "# crlf\r\neventscope: 1\r\nname: n\r\n"
      "topics: [{name: t}]\r\nlayout:\r\n  t: {x: 0, y: 0}\r\n";
  Scenario s = parseOk(original);
  s.layout = {{"t", 7, 8}};
  const std::string kept = writeScenarioKeeping(s, original);
  EXPECT_EQ(kept,
            "# crlf\r\neventscope: 1\r\nname: n\r\ntopics: [{name: t}]\r\nlayout:\r\n"
            "  t: {x: 7, y: 8}\r\n");
  expectReadsAs(kept, s);

  // A rewrite uses them too.
  s.seed = 2;
  std::string crlf;
  for (const char c : "# crlf\n" + writeScenario(s)) {
    crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  }
  EXPECT_EQ(writeScenarioKeeping(s, original), crlf);
}

TEST(ScenarioWriterKeepingTest, RewritesAChangedModelUnderTheOriginalHeaderComment) {
  const std::string demo =
      readText(std::string(EVENTSCOPE_SOURCE_DIR) + "/resources/scenarios/order-pipeline.yaml");
  Scenario s = parseOk(demo);
  s.services[0].instances = 5;
  const std::string header = demo.substr(0, demo.find("eventscope: 1"));
  ASSERT_EQ(header.substr(0, 2), "# ");
  const std::string kept = writeScenarioKeeping(s, demo);
  EXPECT_EQ(kept, header + writeScenario(s));
  expectReadsAs(kept, s);

  // A blank line after the header stays; comments further down belong to the old text.
  const std::string spaced = "# about\n#  more\n\neventscope: 1  # v\nname: n\n# later\n";
  Scenario n = parseOk(spaced);
  n.seed = 5;
  EXPECT_EQ(writeScenarioKeeping(n, spaced), "# about\n#  more\n\n" + writeScenario(n));
}

TEST(ScenarioWriterKeepingTest, RewritesWhenTheOriginalDoesNotRead) {
  Scenario s;
  s.name = "fresh";
  EXPECT_EQ(writeScenarioKeeping(s, ""), writeScenario(s));
  EXPECT_EQ(writeScenarioKeeping(s, "eventscope: 1\ntopics: ["), writeScenario(s));
  EXPECT_EQ(writeScenarioKeeping(s, "# note\n  # indented\n\nbroken: ["),
            "# note\n  # indented\n\n" + writeScenario(s));
  EXPECT_EQ(writeScenarioKeeping(s, "# only a comment"), "# only a comment\n" + writeScenario(s));
}

TEST(ScenarioWriterKeepingTest, RewritesAFlowMapAtTheTopLevel) {
  // Its layout is not a block of lines; rewriting is the only safe edit.
  const std::string flow =
      "# flow\n{eventscope: 1, name: f, topics: [{name: t}], "
      "layout: {t: {x: 0, y: 0}}}\n";
  Scenario s = parseOk(flow);
  s.layout = {{"t", 1, 1}};
  EXPECT_EQ(writeScenarioKeeping(s, flow), "# flow\n" + writeScenario(s));
}

TEST(ScenarioWriterKeepingTest, AFileWithoutANameIsRewrittenWithIt) {
  // Without `name:` the name comes from the file's name, which this function is not given, so
  // it cannot tell whether the scenario was renamed; writing the name keeps it either way.
  const std::string unnamed = "# keep\neventscope: 1\ntopics: [{name: t}]\n";
  Scenario s = parseOk(unnamed, "orders.yaml");
  s.layout = {{"t", 1, 1}};
  const std::string kept = writeScenarioKeeping(s, unnamed);
  EXPECT_EQ(kept, "# keep\n" + writeScenario(s));
  expectReadsAs(kept, s);
}

TEST(ScenarioWriterKeepingTest, EveryEditOfAnyFixtureReadsBackAsTheModel) {
  std::vector<std::string> files{
      fixturePath("scenarios/design_example.yaml"),
      std::string(EVENTSCOPE_SOURCE_DIR) + "/resources/scenarios/" + "partitioned-stream.yaml"};
  for (const std::string& file : files) {
    SCOPED_TRACE(file);
    const std::string original = readText(file);
    Scenario s = parseOk(original);
    for (int round = 0; round < 3; ++round) {
      s.layout.clear();
      for (std::size_t i = 0; i < s.services.size() && round < 2; ++i) {
        s.layout.push_back({s.services[i].name, 10.0 * i + round, -3.5 * round});
      }
      const std::string kept = writeScenarioKeeping(s, original);
      expectReadsAs(kept, s);
      // Only layout lines changed: every comment of the original is still there.
      std::size_t at = 0;
      while ((at = original.find('#', at)) != std::string::npos) {
        const std::size_t end = original.find('\n', at);
        const std::string comment = original.substr(at, end - at);
        EXPECT_NE(kept.find(comment), std::string::npos) << comment;
        at = end;
      }
    }
  }
}

}  // namespace
}  // namespace eventscope::core
