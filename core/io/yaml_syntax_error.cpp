#include "core/io/yaml_syntax_error.h"

#include <yaml-cpp/depthguard.h>

#include <optional>
#include <utility>

#include "core/io/payload_reader.h"
#include "core/io/source_text.h"

namespace eventscope::core::detail {

namespace {

// yaml-cpp's messages (ErrorMsg in yaml-cpp/exceptions.h) and what they usually mean.
const std::pair<std::string_view, std::string_view> kExplanations[] = {
    {"end of map flow not found", "a '{' is not closed with '}'"},
    {"end of sequence flow not found", "a '[' is not closed with ']'"},
    {"end of map not found", "a map ends unexpectedly; check the indentation"},
    {"end of sequence not found", "a list ends unexpectedly; check the indentation"},
    {"illegal map value",
     "unexpected ':'; check the indentation, and quote values that contain ': '"},
    {"illegal block entry", "unexpected '-' list entry; check the indentation"},
    {"illegal flow end", "unexpected ']' or '}' with nothing open to close"},
    {"illegal EOF in scalar", "a quoted string is not closed before the end of the file"},
    {"illegal tab when looking for indentation", "a tab in the indentation; indent with spaces"},
    {"the referenced anchor is not defined",
     "an alias '*name' refers to an anchor '&name' that is not defined before it"},
};

std::string explain(const std::string& message) {
  for (const auto& [raw, explanation] : kExplanations) {
    if (message == raw) {
      return std::string(explanation);
    }
  }
  return message;
}

// The first tab in the leading whitespace of a line up to `lastLine` (1-based): YAML forbids
// tabs there, and yaml-cpp then reports whatever it trips over next.
std::optional<std::size_t> tabInIndentation(std::string_view text, int lastLine) {
  int line = 1;
  bool atLineStart = true;
  for (std::size_t i = 0; i < text.size() && line <= lastLine; ++i) {
    const char c = text[i];
    if (c == '\n') {
      ++line;
      atLineStart = true;
    } else if (atLineStart && c == '\t') {
      return i;
    } else if (c != ' ' && c != '\r') {
      atLineStart = false;
    }
  }
  return std::nullopt;
}

// The first '[' or '{' nested deeper than the payload cap, skipping quoted text and comments.
std::optional<std::size_t> tooDeepBracket(std::string_view text) {
  int depth = 0;
  char quote = 0;
  bool comment = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (comment) {
      comment = c != '\n';
    } else if (quote) {
      if (c == quote) {
        quote = 0;
      }
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\n')) {
      comment = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxPayloadDepth) {
        return i;
      }
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::nullopt;
}

}  // namespace

void reportSyntaxError(ReadContext& context, std::string_view text,
                       const YAML::ParserException& error) {
  if (dynamic_cast<const YAML::DeepRecursion*>(&error)) {
    const std::string message =
        "YAML nests too deeply: a scenario needs a few levels, a payload "
        "at most " +
        std::to_string(kMaxPayloadDepth);
    const auto bracket = tooDeepBracket(text);
    context.error(bracket ? positionAt(text, *bracket) : context.position(error.mark), message);
    return;
  }
  const SourcePos pos = context.position(error.mark);
  if (auto tab = tabInIndentation(text, pos.line)) {
    context.error(positionAt(text, *tab),
                  "YAML syntax error: a tab in the indentation; YAML indents with spaces only");
    return;
  }
  context.error(pos, "YAML syntax error: " + explain(error.msg));
}

}  // namespace eventscope::core::detail
