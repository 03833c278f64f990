#include "core/io/read_context.h"

#include "core/io/source_text.h"

namespace eventscope::core::detail {

namespace {

// Far above any hand-written model (10,000 entities with a few fields each), far below what
// exhausts memory when aliases multiply a subtree.
constexpr std::size_t kWorkBudget = 2'000'000;

bool isSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// `~` or `null` written out: yaml-cpp marks those correctly.
bool isWrittenNull(std::string_view rest) {
  for (std::string_view word : {"~", "null", "Null", "NULL"}) {
    if (rest.substr(0, word.size()) != word) {
      continue;
    }
    const char next = rest.size() > word.size() ? rest[word.size()] : ' ';
    if (isSpace(next) || next == ',' || next == ']' || next == '}' || next == '#') {
      return true;
    }
  }
  return false;
}

}  // namespace

ReadContext::ReadContext(std::string_view text, std::string fileName)
    : m_text(text), m_columns(text), m_fileName(std::move(fileName)), m_budget(kWorkBudget) {}

SourcePos ReadContext::position(const YAML::Mark& mark) const {
  if (mark.is_null() || mark.line < 0 || mark.column < 0) {
    return {1, 1};
  }
  SourcePos pos{mark.line + 1, mark.column + 1};
  const auto offset = static_cast<std::size_t>(mark.pos);
  const auto column = static_cast<std::size_t>(mark.column);
  if (mark.pos >= 0 && column <= offset && offset <= m_text.size()) {
    pos.column = m_columns.column(offset - column, offset);
  }
  return pos;
}

bool ReadContext::quotedAcrossLines(const YAML::Node& node) const {
  const YAML::Mark mark = node.Mark();
  if (mark.pos < 0 || static_cast<std::size_t>(mark.pos) >= m_text.size()) return false;
  const auto start = static_cast<std::size_t>(mark.pos);
  const char quote = m_text[start];
  if (quote != '"' && quote != '\'') return false;
  for (std::size_t i = start + 1; i < m_text.size(); ++i) {
    const char c = m_text[i];
    if (c == '\n') return true;
    if (quote == '"' && c == '\\') {
      ++i;  // an escaped character, perhaps a quote
    } else if (c == quote) {
      if (quote == '\'' && i + 1 < m_text.size() && m_text[i + 1] == '\'') {
        ++i;  // '' is a quote inside single quotes
      } else {
        return false;
      }
    }
  }
  return true;
}

SourcePos ReadContext::position(const YAML::Node& node) const {
  const YAML::Mark mark = node.Mark();
  const SourcePos marked = position(mark);
  if (!node.IsNull() || mark.pos < 0 || mark.column < 0 ||
      static_cast<std::size_t>(mark.pos) > m_text.size()) {
    return marked;
  }
  const auto offset = static_cast<std::size_t>(mark.pos);
  if (isWrittenNull(m_text.substr(offset))) {
    return marked;
  }
  // Look back over the gap for the `-`, `,` or `[` that opened the empty value. The search is
  // bounded: aliases can ask for one node's position millions of times.
  constexpr std::size_t kLookBack = 1024;
  const std::size_t limit = offset > kLookBack ? offset - kLookBack : 0;
  std::size_t i = offset;
  int newlines = 0;
  while (i > limit && isSpace(m_text[i - 1])) {
    if (m_text[i - 1] == '\n') {
      ++newlines;
    }
    --i;
  }
  if (i == 0 || i == limit ||
      (m_text[i - 1] != '-' && m_text[i - 1] != ',' && m_text[i - 1] != '[')) {
    return marked;
  }
  const std::size_t opener = i - 1;
  std::size_t lineStart = offset - static_cast<std::size_t>(mark.column);
  if (newlines > 0) {
    lineStart = opener;
    while (lineStart > 0 && m_text[lineStart - 1] != '\n' && opener - lineStart < kLookBack) {
      --lineStart;
    }
    if (lineStart > 0 && m_text[lineStart - 1] != '\n') {
      return marked;
    }
  }
  return {marked.line - newlines, m_columns.column(lineStart, opener)};
}

void ReadContext::error(SourcePos pos, std::string message) {
  if (m_errors.size() >= kMaxKeptErrors) {
    ++m_droppedErrors;
    return;
  }
  m_errors.push_back({m_fileName, pos.line, pos.column, std::move(message)});
}

bool ReadContext::spend(SourcePos pos, std::size_t amount) {
  if (m_exhausted) {
    return false;
  }
  if (amount <= m_budget) {
    m_budget -= amount;
    return true;
  }
  m_exhausted = true;
  error(pos, "the scenario is too large to read: more than " + std::to_string(kWorkBudget) +
                 " values once YAML aliases are expanded");
  return false;
}

std::string shortened(std::string_view text) {
  constexpr std::size_t kLongest = 40;
  std::size_t cut = text.size();
  if (cut > kLongest) {
    cut = kLongest;
    // Never cut inside a UTF-8 sequence.
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0u) == 0x80u) {
      --cut;
    }
  }
  std::string out;
  for (const char c : text.substr(0, cut)) {
    // A message stays on one line whatever the scalar holds.
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      out += static_cast<unsigned char>(c) < 0x20 ? '?' : c;
    }
  }
  return cut < text.size() ? out + "..." : out;
}

std::string describe(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Scalar:
      return std::string("'").append(shortened(node.Scalar())).append("'");
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Map:
      return "a map";
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      break;
  }
  return "nothing";
}

}  // namespace eventscope::core::detail
