#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <optional>
#include <vector>

#include "core/io/scenario_reader.h"
#include "core/io/scenario_writer.h"
#include "core/io/yaml_writing.h"

// writeScenarioKeeping: saving over a file a person wrote without losing their comments.
namespace eventscope::core {

namespace {

// One line of the original text: [begin, end) with its line break, if any.
struct Line {
  std::size_t begin = 0;
  std::size_t end = 0;
};

std::vector<Line> splitLines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t newline = text.find('\n', at);
    const std::size_t end = newline == std::string_view::npos ? text.size() : newline + 1;
    lines.push_back({at, end});
    at = end;
  }
  return lines;
}

// The line without its indentation and line break.
std::string_view content(std::string_view text, const Line& line) {
  std::string_view rest = text.substr(line.begin, line.end - line.begin);
  while (!rest.empty() && (rest.back() == '\n' || rest.back() == '\r')) {
    rest.remove_suffix(1);
  }
  while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) {
    rest.remove_prefix(1);
  }
  return rest;
}

std::size_t indentation(std::string_view text, const Line& line) {
  const std::size_t first = text.find_first_not_of(' ', line.begin);
  return first == std::string_view::npos ? line.end - line.begin : first - line.begin;
}

// Whether the file ends its lines the Windows way (judged by its first line).
bool usesCrlf(std::string_view text) {
  const std::size_t newline = text.find('\n');
  return newline != std::string_view::npos && newline > 0 && text[newline - 1] == '\r';
}

// Two scenarios a file cannot tell apart write the same text; positions and the dead-letter
// topics the reader adds do not show in it.
std::string textWithoutLayout(Scenario scenario) {
  scenario.layout.clear();
  return writeScenario(scenario);
}

// `section` (lines ending in "\n") indented by `indent`, with the file's line breaks.
std::string fitted(const std::string& section, std::size_t indent, bool crlf) {
  std::string out;
  for (std::size_t at = 0; at < section.size();) {
    const std::size_t end = section.find('\n', at);
    out.append(indent, ' ').append(section, at, end - at).append(crlf ? "\r\n" : "\n");
    at = end + 1;
  }
  return out;
}

// Where the top-level `layout:` section is: lines [first, last), its key and its value.
struct Section {
  bool present = false;  // false: the file has no layout section
  std::size_t first = 0;
  std::size_t last = 0;
  std::size_t indent = 0;
};

// The layout section, or nullopt when the file is not laid out so that it can be cut out by
// whole lines (a flow map at the top level).
std::optional<Section> findLayoutSection(std::string_view text, const std::vector<Line>& lines) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception&) {
    return std::nullopt;
  }
  if (!root.IsMap()) {
    return std::nullopt;
  }
  std::optional<YAML::Mark> layoutKey;
  std::vector<int> keyLines;
  for (auto it = root.begin(); it != root.end(); ++it) {
    keyLines.push_back(it->first.Mark().line);
    if (it->first.IsScalar() && it->first.Scalar() == "layout") {
      layoutKey = it->first.Mark();
    }
  }
  Section section;
  if (!layoutKey) {
    return section;
  }
  section.present = true;
  const auto keyLine = static_cast<std::size_t>(layoutKey->line);
  if (keyLine >= lines.size() ||
      indentation(text, lines[keyLine]) != static_cast<std::size_t>(layoutKey->column)) {
    return std::nullopt;
  }
  section.first = keyLine;
  section.indent = static_cast<std::size_t>(layoutKey->column);
  if (std::count(keyLines.begin(), keyLines.end(), layoutKey->line) > 1) {
    return std::nullopt;  // another key on the same line: a flow map
  }
  section.last = lines.size();
  for (const int line : keyLines) {
    if (line > layoutKey->line) {
      section.last = std::min(section.last, static_cast<std::size_t>(line));
    }
  }
  // Blank lines, and comments no more indented than the key, just before the next key belong
  // to that key (a comment that introduces it), not to the layout.
  while (section.last > section.first + 1) {
    const Line& line = lines[section.last - 1];
    const std::string_view rest = content(text, line);
    if (!rest.empty() && !(rest.front() == '#' && indentation(text, line) <= section.indent)) {
      break;
    }
    --section.last;
  }
  return section;
}

// The original text with its layout section replaced by `layout`, removed when that is empty,
// or appended when the file has none; nullopt when the section cannot be found by lines.
std::optional<std::string> withLayout(std::string_view text,
                                      const std::vector<LayoutEntry>& layout) {
  const std::vector<Line> lines = splitLines(text);
  const bool crlf = usesCrlf(text);
  const std::string newline = crlf ? "\r\n" : "\n";
  const std::optional<Section> section = findLayoutSection(text, lines);
  if (!section) {
    return std::nullopt;
  }
  if (!section->present) {
    std::string out(text);
    if (!out.empty()) {
      if (out.back() != '\n') {
        out += newline;
      }
      const std::string blank = newline + newline;
      if (out.size() < blank.size() ||
          out.compare(out.size() - blank.size(), blank.size(), blank)) {
        out += newline;  // a blank line before the new section, as between the others
      }
    }
    return out + fitted(detail::layoutSection(layout), 0, crlf);
  }
  std::size_t first = section->first;
  if (layout.empty()) {
    // The blank lines that set the section apart go with it.
    while (first > 0 && content(text, lines[first - 1]).empty()) {
      --first;
    }
  }
  const std::size_t begin = lines[first].begin;
  const std::size_t end = section->last < lines.size() ? lines[section->last].begin : text.size();
  std::string out(text.substr(0, begin));
  if (!layout.empty()) {
    out += fitted(detail::layoutSection(layout), section->indent, crlf);
  }
  return out.append(text.substr(end));
}

// The comment lines at the top of the file (and one blank line after them if there was one),
// which usually say what the scenario is about.
std::string leadingComments(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") {
    text.remove_prefix(3);
  }
  const std::vector<Line> lines = splitLines(text);
  std::size_t commentEnd = 0;
  bool blankAfter = false;
  for (const Line& line : lines) {
    const std::string_view rest = content(text, line);
    if (rest.empty()) {
      blankAfter = commentEnd > 0;
      continue;
    }
    if (rest.front() != '#') {
      break;
    }
    commentEnd = line.end;
    blankAfter = false;
  }
  std::string header(text.substr(0, commentEnd));
  const std::string newline = usesCrlf(text) ? "\r\n" : "\n";
  if (!header.empty() && header.back() != '\n') {
    header += newline;
  }
  if (blankAfter) {
    header += newline;
  }
  return header;
}

std::optional<std::string> keepOriginal(const Scenario& scenario, std::string_view text) {
  const ScenarioReadResult original = parseScenario(text, "");
  if (!original.ok() || textWithoutLayout(*original.scenario) != textWithoutLayout(scenario)) {
    return std::nullopt;
  }
  const std::string wanted = writeScenario(scenario);
  if (writeScenario(*original.scenario) == wanted) {
    return std::string(text);
  }
  std::optional<std::string> edited = withLayout(text, scenario.layout);
  if (!edited) {
    return std::nullopt;
  }
  // Cutting by lines relies on the file being laid out as block YAML usually is; reading the
  // result back proves it was, and anything unexpected falls back to a full rewrite.
  const ScenarioReadResult check = parseScenario(*edited, "");
  if (!check.ok() || writeScenario(*check.scenario) != wanted) {
    return std::nullopt;
  }
  return edited;
}

}  // namespace

std::string writeScenarioKeeping(const Scenario& scenario, std::string_view originalText) {
  if (std::optional<std::string> kept = keepOriginal(scenario, originalText)) {
    return *std::move(kept);
  }
  return leadingComments(originalText) + fitted(writeScenario(scenario), 0, usesCrlf(originalText));
}

}  // namespace eventscope::core
