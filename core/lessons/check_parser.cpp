// The check language's text: tokens and the recursive-descent parser (names are looked up
// later, by resolveCheck in check_expression.cpp).
#include <algorithm>
#include <cctype>
#include <charconv>

#include "core/io/did_you_mean.h"
#include "core/io/units.h"
#include "core/lessons/check_expression.h"

namespace eventscope::core {

namespace {

struct Token {
  enum class Kind { Number, Word, Symbol, End };
  Kind kind = Kind::End;
  std::string text;
  double number = 0;
  bool duration = false;  // a number with a unit: `number` in seconds, `nanos` exact
  SimTime nanos = 0;
  std::size_t offset = 0;
};

bool isWordStart(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}
bool isWordChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-';
}

// Splits a check into numbers (with an optional duration unit), words (names and paths, which
// may hold '.' and '-': write a subtraction with spaces) and symbols.
bool tokenize(std::string_view text, std::vector<Token>& tokens, CheckError* error) {
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
      continue;
    }
    Token token;
    token.offset = i;
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '.') {
      std::size_t end = i;
      while (end < text.size() &&
             (std::isdigit(static_cast<unsigned char>(text[end])) || text[end] == '.'))
        ++end;
      if (end < text.size() && (text[end] == 'e' || text[end] == 'E') && end + 1 < text.size() &&
          (std::isdigit(static_cast<unsigned char>(text[end + 1])) ||
           ((text[end + 1] == '-' || text[end + 1] == '+') && end + 2 < text.size() &&
            std::isdigit(static_cast<unsigned char>(text[end + 2]))))) {
        end += 2;
        while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end])))
          ++end;
      }
      const std::size_t numberEnd = end;
      while (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end])))
        ++end;
      token.kind = Token::Kind::Number;
      token.text = std::string(text.substr(i, end - i));
      if (end > numberEnd) {
        std::string why;
        const auto d = parseDuration(token.text, &why);
        if (!d) {
          *error = {"'" + token.text + "' is not a number or a duration (" + why + ")", i};
          return false;
        }
        token.number = toSeconds(*d);
        token.nanos = *d;
        token.duration = true;
      } else {
        const auto parsed = std::from_chars(text.data() + i, text.data() + numberEnd, token.number);
        if (parsed.ec != std::errc() || parsed.ptr != text.data() + numberEnd) {
          *error = {"'" + token.text + "' is not a number", i};
          return false;
        }
      }
      i = end;
    } else if (isWordStart(c)) {
      std::size_t end = i;
      while (end < text.size() && isWordChar(text[end]))
        ++end;
      while (end > i + 1 && (text[end - 1] == '.' || text[end - 1] == '-'))
        --end;
      token.kind = Token::Kind::Word;
      token.text = std::string(text.substr(i, end - i));
      i = end;
    } else {
      static constexpr std::string_view kTwo[] = {"<=", ">=", "==", "!="};
      token.kind = Token::Kind::Symbol;
      const std::string_view rest = text.substr(i);
      const auto two = std::find_if(std::begin(kTwo), std::end(kTwo),
                                    [&](std::string_view s) { return rest.starts_with(s); });
      if (two != std::end(kTwo)) {
        token.text = std::string(*two);
      } else if (std::string_view("<>+-*/()").find(c) != std::string_view::npos) {
        token.text = std::string(1, c);
      } else {
        *error = {std::string("unexpected '") + c + "' in a check", i};
        return false;
      }
      i += token.text.size();
    }
    tokens.push_back(std::move(token));
  }
  Token end;
  end.offset = text.size();
  tokens.push_back(end);
  return true;
}

struct MetricName {
  const char* name;
  ServiceMetric metric;
};
constexpr MetricName kMetrics[] = {
    {"backlog", ServiceMetric::Backlog},
    {"lag", ServiceMetric::Lag},
    {"backlog_max", ServiceMetric::BacklogMax},
    {"throughput", ServiceMetric::Throughput},
    {"latency_p50", ServiceMetric::LatencyP50},
    {"latency_p95", ServiceMetric::LatencyP95},
    {"latency_p99", ServiceMetric::LatencyP99},
    {"utilization", ServiceMetric::Utilization},
    {"instances", ServiceMetric::Instances},
    {"acked", ServiceMetric::Acked},
    {"failed_attempts", ServiceMetric::FailedAttempts},
    {"retries", ServiceMetric::Retries},
    {"redeliveries", ServiceMetric::Redeliveries},
    {"dead_lettered", ServiceMetric::DeadLettered},
    {"duplicates_processed", ServiceMetric::DuplicatesProcessed},
    {"dropped", ServiceMetric::Dropped},
};

std::optional<ServiceMetric> metricNamed(std::string_view name) {
  for (const MetricName& m : kMetrics)
    if (name == m.name) return m.metric;
  return std::nullopt;
}

// Recursive descent over: comparison := sum OP sum; sum := product (('+'|'-') product)*;
// product := unary (('*'|'/') unary)*; unary := '-' unary | primary; primary := NUMBER |
// '(' sum ')' | [max|min|mean] METRIC 'of' SERVICE ('at' TIME | 'from' TIME 'to' TIME)? | PATH.
class Parser {
 public:
  Parser(std::vector<Token> tokens, CheckError* error)
      : m_tokens(std::move(tokens)), m_error(error) {}

  std::optional<CheckExpression> parse() {
    m_check.lhs = sum();
    if (m_check.lhs < 0) return std::nullopt;
    static const std::pair<const char*, Comparison> kComparisons[] = {
        {"<", Comparison::Less},    {"<=", Comparison::LessOrEqual},
        {">", Comparison::Greater}, {">=", Comparison::GreaterOrEqual},
        {"==", Comparison::Equal},  {"!=", Comparison::NotEqual}};
    const Token& op = peek();
    const auto found = std::find_if(std::begin(kComparisons), std::end(kComparisons),
                                    [&](const auto& c) { return isSymbol(op, c.first); });
    if (found == std::end(kComparisons)) {
      return fail(op.kind == Token::Kind::End
                      ? "a check compares two values: add one of < <= > >= == != and a value"
                      : "expected a comparison (< <= > >= == !=), got " + quoted(op),
                  op.offset);
    }
    ++m_next;
    m_check.comparison = found->second;
    m_check.comparisonOffset = op.offset;
    m_check.rhs = sum();
    if (m_check.rhs < 0) return std::nullopt;
    if (peek().kind != Token::Kind::End)
      return fail("unexpected " + quoted(peek()) + " after the check", peek().offset);
    return std::move(m_check);
  }

 private:
  const Token& peek(std::size_t ahead = 0) const {
    return m_tokens[std::min(m_next + ahead, m_tokens.size() - 1)];
  }
  static bool isSymbol(const Token& t, std::string_view s) {
    return t.kind == Token::Kind::Symbol && t.text == s;
  }
  static bool isWord(const Token& t, std::string_view s) {
    return t.kind == Token::Kind::Word && t.text == s;
  }
  static std::string quoted(const Token& t) {
    return t.kind == Token::Kind::End ? "the end of the check" : "'" + t.text + "'";
  }
  std::nullopt_t fail(std::string message, std::size_t offset) {
    if (m_error->message.empty()) *m_error = {std::move(message), offset};
    return std::nullopt;
  }
  int failIndex(std::string message, std::size_t offset) {
    fail(std::move(message), offset);
    return -1;
  }
  int add(CheckTerm term) {
    m_check.terms.push_back(std::move(term));
    return static_cast<int>(m_check.terms.size()) - 1;
  }
  int binary(CheckTerm::Kind kind, int left, int right, std::size_t offset) {
    CheckTerm term;
    term.kind = kind;
    term.left = left;
    term.right = right;
    term.offset = offset;
    return add(std::move(term));
  }

  int sum() {
    int left = product();
    while (left >= 0 && (isSymbol(peek(), "+") || isSymbol(peek(), "-"))) {
      const Token& op = m_tokens[m_next++];
      const int right = product();
      if (right < 0) return -1;
      left = binary(op.text == "+" ? CheckTerm::Kind::Add : CheckTerm::Kind::Subtract, left, right,
                    op.offset);
    }
    return left;
  }

  int product() {
    int left = unary();
    while (left >= 0 && (isSymbol(peek(), "*") || isSymbol(peek(), "/"))) {
      const Token& op = m_tokens[m_next++];
      const int right = unary();
      if (right < 0) return -1;
      left = binary(op.text == "*" ? CheckTerm::Kind::Multiply : CheckTerm::Kind::Divide, left,
                    right, op.offset);
    }
    return left;
  }

  int unary() {
    if (isSymbol(peek(), "-")) {
      const std::size_t offset = m_tokens[m_next++].offset;
      const int operand = unary();
      return operand < 0 ? -1 : binary(CheckTerm::Kind::Negate, operand, -1, offset);
    }
    return primary();
  }

  int primary() {
    const Token& t = peek();
    if (t.kind == Token::Kind::Number) {
      ++m_next;
      return add({.kind = CheckTerm::Kind::Number,
                  .number = t.number,
                  .text = t.text,
                  .offset = t.offset});
    }
    if (isSymbol(t, "(")) {
      ++m_next;
      const int inner = sum();
      if (inner < 0) return -1;
      if (!isSymbol(peek(), ")"))
        return failIndex("expected ')', got " + quoted(peek()), peek().offset);
      ++m_next;
      return inner;
    }
    if (t.kind != Token::Kind::Word)
      return failIndex(
          "expected a number, a report figure such as services.billing.acked or a "
          "series such as 'backlog of billing at 40s', got " +
              quoted(t),
          t.offset);
    const bool aggregate = isWord(t, "max") || isWord(t, "min") || isWord(t, "mean");
    if (aggregate || isWord(peek(1), "of")) return series(aggregate);
    ++m_next;
    return add({.kind = CheckTerm::Kind::Figure, .text = t.text, .offset = t.offset});
  }

  std::optional<SimTime> time() {
    const Token& t = peek();
    if (t.kind != Token::Kind::Number || (!t.duration && t.number != 0)) {
      fail("expected a time with a unit such as 40s, got " + quoted(t), t.offset);
      return std::nullopt;
    }
    ++m_next;
    return t.duration ? t.nanos : SimTime{0};
  }

  int series(bool aggregate) {
    CheckTerm term;
    term.offset = peek().offset;
    const std::size_t first = m_next;
    if (aggregate) {
      const std::string& word = m_tokens[m_next++].text;
      term.kind = word == "max"   ? CheckTerm::Kind::SeriesMax
                  : word == "min" ? CheckTerm::Kind::SeriesMin
                                  : CheckTerm::Kind::SeriesMean;
    } else {
      term.kind = CheckTerm::Kind::SeriesAt;
    }
    const Token& name = peek();
    const auto metric = name.kind == Token::Kind::Word ? metricNamed(name.text) : std::nullopt;
    if (!metric) {
      std::vector<std::string> names = seriesMetricNames();
      const auto hint =
          name.kind == Token::Kind::Word ? closestMatch(name.text, names) : std::nullopt;
      return failIndex("no series named " + quoted(name) +
                           (hint ? "; did you mean '" + *hint + "'?"
                                 : "; series are backlog, lag, throughput, latency_p95 and "
                                   "the others listed in the README"),
                       name.offset);
    }
    term.metric = *metric;
    ++m_next;
    if (!isWord(peek(), "of"))
      return failIndex("expected 'of' and a service after the series, got " + quoted(peek()),
                       peek().offset);
    ++m_next;
    if (peek().kind != Token::Kind::Word)
      return failIndex("expected a service name, got " + quoted(peek()), peek().offset);
    term.service = peek().text;
    ++m_next;
    if (isWord(peek(), "partition")) {
      const Token& word = m_tokens[m_next++];
      const Token& number = peek();
      if (number.kind != Token::Kind::Number || number.duration || number.number < 0 ||
          number.number != static_cast<double>(static_cast<int>(number.number)))
        return failIndex("expected a partition number (0, 1, ...), got " + quoted(number),
                         number.offset);
      if (term.metric != ServiceMetric::Backlog && term.metric != ServiceMetric::Lag)
        return failIndex("per partition, only backlog and lag are kept", word.offset);
      term.queue = static_cast<int>(number.number);
      ++m_next;
    }
    if (!aggregate) {
      if (!isWord(peek(), "at"))
        return failIndex("expected 'at' and a time (a series at one time), got " + quoted(peek()),
                         peek().offset);
      ++m_next;
      const auto at = time();
      if (!at) return -1;
      term.from = *at;
    } else if (isWord(peek(), "from")) {
      ++m_next;
      const auto from = time();
      if (!from) return -1;
      if (!isWord(peek(), "to"))
        return failIndex("expected 'to' and the window's end, got " + quoted(peek()),
                         peek().offset);
      ++m_next;
      const auto to = time();
      if (!to) return -1;
      if (*to <= *from)
        return failIndex("the window's end must come after its start", m_tokens[m_next - 1].offset);
      term.from = *from;
      term.to = *to;
    }
    for (std::size_t i = first; i < m_next; ++i)
      term.text += (i > first ? " " : "") + m_tokens[i].text;
    return add(std::move(term));
  }

  std::vector<Token> m_tokens;
  std::size_t m_next = 0;
  CheckError* m_error;
  CheckExpression m_check;
};
}  // namespace

std::optional<CheckExpression> parseCheck(std::string_view text, CheckError* error) {
  std::vector<Token> tokens;
  if (!tokenize(text, tokens, error)) return std::nullopt;
  return Parser(std::move(tokens), error).parse();
}

const std::vector<std::string>& seriesMetricNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const MetricName& m : kMetrics)
      out.emplace_back(m.name);
    return out;
  }();
  return names;
}

}  // namespace eventscope::core
