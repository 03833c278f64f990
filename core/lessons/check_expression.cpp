#include "core/lessons/check_expression.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include "core/io/did_you_mean.h"
#include "core/io/units.h"

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

// The keys of a dotted path in a JSON object whose keys may themselves hold dots (a topic
// named orders.dlq): at each level the longest key that the path starts with.
bool splitPath(const std::string& path, const nlohmann::ordered_json& shape,
               std::vector<std::string>& keys, std::string* why) {
  const nlohmann::ordered_json* node = &shape;
  std::size_t at = 0;
  while (at < path.size()) {
    if (!node->is_object()) {
      *why = "'" + path.substr(0, at - 1) + "' is a number; '" + path.substr(at) +
             "' after it names nothing";
      return false;
    }
    std::string best;
    for (const auto& item : node->items()) {
      const std::string& key = item.key();
      if (key.size() > best.size() && path.compare(at, key.size(), key) == 0 &&
          (at + key.size() == path.size() || path[at + key.size()] == '.'))
        best = key;
    }
    if (best.empty()) {
      const std::size_t dot = path.find('.', at);
      const std::string word = path.substr(at, dot == std::string::npos ? dot : dot - at);
      std::vector<std::string> candidates;
      for (const auto& item : node->items())
        candidates.push_back(item.key());
      const auto hint = closestMatch(word, candidates);
      std::string where = at == 0 ? "the run report" : "'" + path.substr(0, at - 1) + "'";
      *why = "no '" + word + "' in " + where + (hint ? "; did you mean '" + *hint + "'?" : "");
      if (!hint && candidates.size() <= 16) {
        std::string list;
        for (const std::string& c : candidates)
          list += (list.empty() ? "" : ", ") + c;
        *why += " (it has " + list + ")";
      }
      return false;
    }
    keys.push_back(best);
    node = &(*node)[best];
    at += best.size() + 1;
  }
  if (node->is_object()) {
    *why = "'" + path + "' is a group of figures, not one; add one of its keys";
    return false;
  }
  return true;
}

// The latency statistics are null in a report of a service that acked nothing, so a shape
// made from a short run may not show their keys.
bool nullStatistic(const nlohmann::ordered_json& shape, const std::string& path) {
  for (const char* group : {".latency_s.", ".wait_s."}) {
    const std::size_t at = path.rfind(group);
    if (at == std::string::npos) continue;
    std::vector<std::string> keys;
    std::string why;
    if (!splitPath(path.substr(0, at + std::string(group).size() - 1), shape, keys, &why)) continue;
    const nlohmann::ordered_json* node = &shape;
    for (const std::string& k : keys)
      node = &(*node)[k];
    const std::string stat = path.substr(at + std::string(group).size());
    if (node->is_null() &&
        (stat == "mean" || stat == "p50" || stat == "p95" || stat == "p99" || stat == "max"))
      return true;
  }
  return false;
}

std::optional<double> seriesValue(const CheckTerm& term, const TimeSeries& series,
                                  std::string& problem) {
  const auto found =
      std::find(series.serviceNames.begin(), series.serviceNames.end(), term.service);
  const std::size_t buckets = series.bucketCount();
  if (found == series.serviceNames.end() || buckets == 0 || series.bucketWidth <= 0) {
    problem = "the run has no series of " + term.service;
    return std::nullopt;
  }
  const auto service = static_cast<std::size_t>(found - series.serviceNames.begin());
  std::vector<double> values;
  if (term.queue >= 0) {
    const auto queue = static_cast<std::size_t>(term.queue);
    if (service >= series.queues.size() || queue >= series.queues[service].size()) {
      problem = "the run has no partition " + std::to_string(term.queue) + " of " + term.service;
      return std::nullopt;
    }
    for (const QueueSample& sample : series.queues[service][queue])
      values.push_back(term.metric == ServiceMetric::Lag ? sample.lag : sample.backlog);
  } else {
    values = series.series(service, term.metric);
  }
  const auto bucketOf = [&](SimTime t) {
    return static_cast<std::size_t>(std::max<SimTime>(0, t) / series.bucketWidth);
  };
  if (term.kind == CheckTerm::Kind::SeriesAt) {
    std::size_t bucket = bucketOf(term.from);
    if (bucket >= buckets) {
      if (bucket > buckets) {
        problem = term.text + ": the run ended before that time";
        return std::nullopt;
      }
      bucket = buckets - 1;  // exactly the end: the last bucket
    }
    return values[bucket];
  }
  const std::size_t first = std::min(bucketOf(term.from), buckets);
  const std::size_t last = term.to ? std::min(bucketOf(*term.to - 1) + 1, buckets) : buckets;
  if (first >= last) {
    problem = term.text + ": the run ended before that window";
    return std::nullopt;
  }
  const auto begin = values.begin() + static_cast<std::ptrdiff_t>(first);
  const auto end = values.begin() + static_cast<std::ptrdiff_t>(last);
  if (term.kind == CheckTerm::Kind::SeriesMax) return *std::max_element(begin, end);
  if (term.kind == CheckTerm::Kind::SeriesMin) return *std::min_element(begin, end);
  double total = 0;
  for (auto it = begin; it != end; ++it)
    total += *it;
  return total / static_cast<double>(last - first);
}

std::optional<double> value(const CheckExpression& check, int index,
                            const nlohmann::ordered_json& report, const TimeSeries& series,
                            std::string& problem) {
  const CheckTerm& term = check.terms[static_cast<std::size_t>(index)];
  using Kind = CheckTerm::Kind;
  switch (term.kind) {
    case Kind::Number:
      return term.number;
    case Kind::Figure: {
      const nlohmann::ordered_json* node = &report;
      for (const std::string& key : term.path) {
        if (node->is_null()) break;  // a group a service without acks does not have
        if (!node->is_object() || !node->contains(key)) {
          problem = term.text + " is not in this run's report";
          return std::nullopt;
        }
        node = &(*node)[key];
      }
      if (node->is_boolean()) return node->get<bool>() ? 1.0 : 0.0;
      if (!node->is_number()) {
        problem = term.text + " has no value in this run (nothing was acked after warmup)";
        return std::nullopt;
      }
      return node->get<double>();
    }
    case Kind::SeriesAt:
    case Kind::SeriesMax:
    case Kind::SeriesMin:
    case Kind::SeriesMean:
      return seriesValue(term, series, problem);
    case Kind::Negate: {
      const auto v = value(check, term.left, report, series, problem);
      return v ? std::optional<double>(-*v) : std::nullopt;
    }
    case Kind::Add:
    case Kind::Subtract:
    case Kind::Multiply:
    case Kind::Divide: {
      const auto a = value(check, term.left, report, series, problem);
      const auto b = value(check, term.right, report, series, problem);
      if (!a || !b) return std::nullopt;
      if (term.kind == Kind::Add) return *a + *b;
      if (term.kind == Kind::Subtract) return *a - *b;
      if (term.kind == Kind::Multiply) return *a * *b;
      if (*b == 0) {
        problem = "division by zero";
        return std::nullopt;
      }
      return *a / *b;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<CheckExpression> parseCheck(std::string_view text, CheckError* error) {
  std::vector<Token> tokens;
  if (!tokenize(text, tokens, error)) return std::nullopt;
  return Parser(std::move(tokens), error).parse();
}

bool resolveCheck(CheckExpression& check, const nlohmann::ordered_json& reportShape,
                  const CheckServices& services, CheckError* error) {
  for (CheckTerm& term : check.terms) {
    if (term.kind == CheckTerm::Kind::Figure) {
      std::string why;
      term.path.clear();
      if (!splitPath(term.text, reportShape, term.path, &why)) {
        if (nullStatistic(reportShape, term.text)) {
          // Resolved by hand: every key but the statistic splits like the rest of the report.
          term.path.clear();
          const std::size_t dot = term.text.rfind('.');
          std::string ignored;
          splitPath(term.text.substr(0, dot), reportShape, term.path, &ignored);
          term.path.push_back(term.text.substr(dot + 1));
          continue;
        }
        *error = {why, term.offset};
        return false;
      }
    } else if (term.kind == CheckTerm::Kind::SeriesAt || term.kind == CheckTerm::Kind::SeriesMax ||
               term.kind == CheckTerm::Kind::SeriesMin ||
               term.kind == CheckTerm::Kind::SeriesMean) {
      const auto found = std::find(services.names.begin(), services.names.end(), term.service);
      const std::size_t at = term.text.find(" of ") + 4;
      if (found == services.names.end()) {
        const auto hint = closestMatch(term.service, services.names);
        *error = {"no service named '" + term.service + "' in this step's scenario" +
                      (hint ? "; did you mean '" + *hint + "'?" : ""),
                  term.offset + at};
        return false;
      }
      const auto index = static_cast<std::size_t>(found - services.names.begin());
      if (term.queue >= 0 && index < services.queues.size() &&
          static_cast<std::size_t>(term.queue) >= services.queues[index]) {
        *error = {"'" + term.service + "' reads " + std::to_string(services.queues[index]) +
                      " partition(s), numbered from 0; there is no partition " +
                      std::to_string(term.queue),
                  term.offset + term.text.find(" partition ") + 1};
        return false;
      }
    }
  }
  return true;
}

CheckValues evaluateCheck(const CheckExpression& check, const nlohmann::ordered_json& report,
                          const TimeSeries& series) {
  CheckValues result;
  result.lhs = value(check, check.lhs, report, series, result.problem);
  result.rhs = value(check, check.rhs, report, series, result.problem);
  if (!result.lhs || !result.rhs) return result;
  const double a = *result.lhs, b = *result.rhs;
  switch (check.comparison) {
    case Comparison::Less:
      result.holds = a < b;
      break;
    case Comparison::LessOrEqual:
      result.holds = a <= b;
      break;
    case Comparison::Greater:
      result.holds = a > b;
      break;
    case Comparison::GreaterOrEqual:
      result.holds = a >= b;
      break;
    case Comparison::Equal:
      result.holds = a == b;
      break;
    case Comparison::NotEqual:
      result.holds = a != b;
      break;
  }
  return result;
}

const char* comparisonText(Comparison comparison) {
  switch (comparison) {
    case Comparison::Less:
      return "<";
    case Comparison::LessOrEqual:
      return "<=";
    case Comparison::Greater:
      return ">";
    case Comparison::GreaterOrEqual:
      return ">=";
    case Comparison::Equal:
      return "==";
    case Comparison::NotEqual:
      return "!=";
  }
  return "?";
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
