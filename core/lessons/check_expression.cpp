#include "core/lessons/check_expression.h"

#include <algorithm>
#include <cmath>

#include "core/io/did_you_mean.h"

namespace eventscope::core {

namespace {

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

}  // namespace eventscope::core
