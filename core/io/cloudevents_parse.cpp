// CloudEvents JSON read into events: pieces of text located by line and column, then parsed.
#include "core/io/cloudevents_parse.h"

#include <simdjson.h>

#include <cctype>
#include <charconv>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <thread>

#include "core/io/timestamps.h"

namespace eventscope::core {

namespace {
constexpr std::size_t kMaxErrors = 100;
static_assert(kJsonPadding >= simdjson::SIMDJSON_PADDING);

// A text's top-level JSON values: one per non-empty line (JSON Lines), or the elements of one
// array (a batch), each with the line and column where it starts.
struct Piece {
  std::string_view text;
  std::size_t line = 1, column = 1;
};

std::size_t lineOf(std::string_view text, std::size_t offset, std::size_t& column) {
  std::size_t line = 1, lineStart = 0;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      lineStart = i + 1;
    }
  }
  column = offset - lineStart + 1;
  return line;
}

// lineOf for offsets that only grow: counts each newline once (a batch of n events is O(size),
// not O(n x size) as a lineOf per event would be).
class LineCounter {
 public:
  explicit LineCounter(std::string_view text) : m_text(text) {}
  std::size_t lineOf(std::size_t offset, std::size_t& column) {
    for (; m_pos < offset && m_pos < m_text.size(); ++m_pos) {
      if (m_text[m_pos] == '\n') {
        ++m_line;
        m_lineStart = m_pos + 1;
      }
    }
    column = offset - m_lineStart + 1;
    return m_line;
  }

 private:
  std::string_view m_text;
  std::size_t m_pos = 0, m_line = 1, m_lineStart = 0;
};

// The end of the JSON value starting at `at` (strings and nesting honoured), or npos.
std::size_t valueEnd(std::string_view text, std::size_t at) {
  int depth = 0;
  bool inString = false;
  for (std::size_t i = at; i < text.size(); ++i) {
    const char c = text[i];
    if (inString) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        inString = false;
        if (depth == 0) return i + 1;
      }
      continue;
    }
    if (c == '"') {
      inString = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (depth == 0) return i;  // the end of a number or literal, and of its container
      if (--depth == 0) return i + 1;
    } else if (depth == 0 && (c == ',' || c == '\n' || c == ' ' || c == '\t' || c == '\r')) {
      return i;
    }
  }
  return depth == 0 && !inString ? text.size() : std::string_view::npos;
}

bool splitBatch(std::string_view text, std::vector<Piece>& pieces, Diagnostics& errors,
                const std::string& file) {
  std::size_t i = text.find('[') + 1;
  LineCounter lines(text);
  const auto skip = [&] {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])))
      ++i;
  };
  skip();
  if (i < text.size() && text[i] == ']') return true;
  while (i < text.size()) {
    skip();
    const std::size_t end = valueEnd(text, i);
    std::size_t column = 1;
    const std::size_t line = lines.lineOf(i, column);
    if (end == std::string_view::npos) {
      errors.push_back({file, static_cast<int>(line), static_cast<int>(column),
                        "this event never ends (a bracket or quote is not closed)"});
      return false;
    }
    pieces.push_back({text.substr(i, end - i), line, column});
    i = end;
    skip();
    if (i >= text.size()) break;
    if (text[i] == ',') {
      ++i;
      continue;
    }
    if (i < text.size() && text[i] == ']') return true;
    std::size_t c = 1;
    const std::size_t l = lines.lineOf(i, c);
    errors.push_back({file, static_cast<int>(l), static_cast<int>(c),
                      "expected ',' or ']' between the events of the batch"});
    return false;
  }
  std::size_t column = 1;
  const std::size_t line = lineOf(text, text.find('['), column);
  errors.push_back({file, static_cast<int>(line), static_cast<int>(column),
                    "the batch's '[' is never closed with ']'"});
  return false;
}

void splitLines(std::string_view text, std::size_t firstLine, std::vector<Piece>& pieces) {
  std::size_t line = firstLine, start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view piece = text.substr(start, end - start);
    const std::size_t first = piece.find_first_not_of(" \t\r");
    if (first != std::string_view::npos) pieces.push_back({piece.substr(first), line, first + 1});
    if (end == text.size()) break;
    start = end + 1;
    ++line;
  }
}

using simdjson::dom::element;
using simdjson::dom::element_type;

// A string attribute's text; an integer is taken too (a lenient reading of extensions).
std::optional<std::string> stringAttribute(const simdjson::dom::object& e, const char* name,
                                           std::string& problem) {
  element value;
  if (e.at_key(name).get(value) != simdjson::SUCCESS) return std::nullopt;
  switch (value.type()) {
    case element_type::STRING:
      return std::string(value.get_string().value_unsafe());
    case element_type::INT64:
      return std::to_string(value.get_int64().value_unsafe());
    case element_type::UINT64:
      return std::to_string(value.get_uint64().value_unsafe());
    default:
      problem = std::string("'") + name + "' must be a string";
      return std::nullopt;
  }
}

// Reads one event; returns the problem ("" when good).
std::string readEvent(const element& root, IncomingEvent& out) {
  simdjson::dom::object e;
  if (root.get_object().get(e) != simdjson::SUCCESS) return "an event must be a JSON object";
  std::string problem;
  for (const char* required : {"specversion", "id", "source", "type"}) {
    if (e.at_key(required).error() != simdjson::SUCCESS)
      return std::string("missing required attribute '") + required + "'";
  }
  const auto spec = stringAttribute(e, "specversion", problem);
  if (!problem.empty()) return problem;
  if (spec != "1.0")
    return "'specversion' is '" + spec.value_or("") + "'; this reads CloudEvents 1.0";
  for (auto [name, target] :
       {std::pair{"id", &out.id}, std::pair{"source", &out.source}, std::pair{"type", &out.type}}) {
    *target = stringAttribute(e, name, problem).value_or("");
    if (!problem.empty()) return problem;
    if (target->empty()) return std::string("'") + name + "' must not be empty";
  }
  if (const auto time = stringAttribute(e, "time", problem)) {
    const auto parsed = parseRfc3339(*time);
    if (!parsed) return "'time' is not an RFC 3339 timestamp: '" + *time + "'";
    out.time = *parsed;
    out.timed = true;
  }
  if (!problem.empty()) return problem;
  const auto topic = stringAttribute(e, "eventscopetopic", problem);
  const auto subject = stringAttribute(e, "subject", problem);
  if (!problem.empty()) return problem;
  out.topic = topic ? *topic : subject ? *subject : out.source;
  out.key = stringAttribute(e, "partitionkey", problem).value_or("");
  out.traceparent = stringAttribute(e, "traceparent", problem).value_or("");
  out.correlationId = stringAttribute(e, "correlationid", problem).value_or("");
  out.causationId = stringAttribute(e, "causationid", problem).value_or("");
  if (!problem.empty()) return problem;
  for (auto [name, target, limit] : {std::tuple{"eventscopepartition", &out.partition, 4095u},
                                     std::tuple{"schemaversion", &out.schema, 65'535u}}) {
    element v;
    if (e.at_key(name).get(v) != simdjson::SUCCESS) continue;
    std::int64_t n = -1;
    if (v.is_int64()) {
      n = v.get_int64().value_unsafe();
    } else if (v.is_string()) {
      const std::string_view text = v.get_string().value_unsafe();
      const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
      if (ec != std::errc() || end != text.data() + text.size()) n = -1;
    }
    if (n < 0 || n > limit)
      return std::string("'") + name + "' must be a whole number up to " + std::to_string(limit);
    *target = static_cast<std::uint32_t>(n);
  }
  element data;
  if (e.at_key("data").get(data) == simdjson::SUCCESS) {
    out.payload = simdjson::minify(data);
  } else if (e.at_key("data_base64").get(data) == simdjson::SUCCESS) {
    out.payload = "{\"data_base64\":" + simdjson::minify(data) + "}";
  }
  return {};
}

// Where a piece that is not valid JSON goes wrong, in the file, and why (nlohmann/json's
// messages name the offending token; only the broken pieces pay for a second parse).
Diagnostic syntaxError(const Piece& piece, const std::string& file, simdjson::error_code code) {
  try {
    const nlohmann::json parsed = nlohmann::json::parse(piece.text);
  } catch (const nlohmann::json::parse_error& e) {
    std::size_t column = 1;
    const std::size_t within = lineOf(piece.text, e.byte > 0 ? e.byte - 1 : 0, column);
    const std::string what = e.what();
    return {file, static_cast<int>(piece.line + within - 1),
            static_cast<int>(within == 1 ? piece.column + column - 1 : column),
            "not valid JSON: " + what.substr(what.find(':') + 2)};
  }
  // Valid JSON that simdjson still refuses: a number beyond 64 bits, say.
  return {file, static_cast<int>(piece.line), static_cast<int>(piece.column),
          std::string("cannot read this event: ") + simdjson::error_message(code)};
}

// Parses pieces [begin, end) into events, stopping after kMaxErrors problems. The text the
// pieces view must be readable SIMDJSON_PADDING bytes past its end.
void parsePieces(const std::vector<Piece>& pieces, std::size_t begin, std::size_t end,
                 const std::string& file, std::vector<IncomingEvent>& events, Diagnostics& errors) {
  events.reserve(events.size() + (end - begin));
  simdjson::dom::parser parser;
  for (std::size_t i = begin; i < end && errors.size() < kMaxErrors; ++i) {
    const Piece& piece = pieces[i];
    element root;
    const simdjson::error_code code =
        parser.parse(piece.text.data(), piece.text.size(), false).get(root);
    if (code != simdjson::SUCCESS) {
      errors.push_back(syntaxError(piece, file, code));
      continue;
    }
    IncomingEvent event;
    event.line = piece.line;
    if (const std::string problem = readEvent(root, event); !problem.empty()) {
      errors.push_back(
          {file, static_cast<int>(piece.line), static_cast<int>(piece.column), problem});
      continue;
    }
    events.push_back(std::move(event));
  }
}
}  // namespace

void parseCloudEvents(std::string_view text, const std::string& file, std::size_t firstLine,
                      std::vector<IncomingEvent>& events, Diagnostics& errors) {
  std::vector<Piece> pieces;
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return;
  if (text[first] == '[') {
    if (!splitBatch(text, pieces, errors, file)) return;
  } else {
    splitLines(text, firstLine, pieces);
  }
  // JSON parsing is most of the work: the second half goes to another thread.
  const std::size_t half = pieces.size() < 1024 ? pieces.size() : pieces.size() / 2;
  std::vector<IncomingEvent> second;
  Diagnostics secondErrors;
  std::thread helper;
  if (half < pieces.size()) {
    helper =
        std::thread([&] { parsePieces(pieces, half, pieces.size(), file, second, secondErrors); });
  }
  parsePieces(pieces, 0, half, file, events, errors);
  if (helper.joinable()) helper.join();
  for (Diagnostic& d : secondErrors) {
    if (errors.size() >= kMaxErrors) break;
    errors.push_back(std::move(d));
  }
  events.reserve(events.size() + second.size());
  std::move(second.begin(), second.end(), std::back_inserter(events));
}

}  // namespace eventscope::core
