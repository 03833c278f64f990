#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/metrics/time_series.h"
#include "core/model/sim_time.h"

namespace eventscope::core {

// One part of a check's arithmetic. Figures are paths into the run report's JSON
// (`services.billing.acked`); series read the per-bucket time series of one service
// (`backlog of billing at 40s`, `max lag of billing from 10s to 30s`).
struct CheckTerm {
  enum class Kind {
    Number,
    Figure,
    SeriesAt,
    SeriesMax,
    SeriesMin,
    SeriesMean,
    Negate,
    Add,
    Subtract,
    Multiply,
    Divide
  };
  Kind kind = Kind::Number;
  double number = 0;
  std::string text;               // as written, for messages
  std::vector<std::string> path;  // Figure: keys into the report, set by resolveCheck
  ServiceMetric metric = ServiceMetric::Backlog;
  std::string service;
  int queue = -1;    // `partition N`: that queue of the service (its topics' partitions in order)
  SimTime from = 0;  // SeriesAt: the time; the others: the window [from, to)
  std::optional<SimTime> to;  // absent: to the end of the run
  int left = -1, right = -1;  // operands, indexes into CheckExpression::terms
  std::size_t offset = 0;     // where it starts in the check's text
};

enum class Comparison { Less, LessOrEqual, Greater, GreaterOrEqual, Equal, NotEqual };

// A claim: two sides compared, e.g. `services.billing.latency_s.p95 < 2 *
// services.a.latency_s.p95`.
struct CheckExpression {
  std::vector<CheckTerm> terms;
  int lhs = -1, rhs = -1;
  Comparison comparison = Comparison::Less;
  std::size_t comparisonOffset = 0;  // where the comparison is written in the text
};

// A problem in a check's text, at a byte offset into it.
struct CheckError {
  std::string message;
  std::size_t offset = 0;
};

// Parses a check's text; names are not looked up yet.
std::optional<CheckExpression> parseCheck(std::string_view text, CheckError* error);

// The services a check may name, with how many queues (subscribed partitions) each has.
struct CheckServices {
  std::vector<std::string> names;
  std::vector<std::size_t> queues;  // parallel to names
};

// Looks up every figure and series in the shape of a report of the step's scenario (any run of
// it: the keys are what matter) and its services; fills each figure's path.
bool resolveCheck(CheckExpression& check, const nlohmann::ordered_json& reportShape,
                  const CheckServices& services, CheckError* error);

// The value of both sides in a run, or why one has none (a latency of a service that acked
// nothing is null; a series time past the run's end).
struct CheckValues {
  std::optional<double> lhs, rhs;
  std::string problem;
  bool holds = false;
};
CheckValues evaluateCheck(const CheckExpression& check, const nlohmann::ordered_json& report,
                          const TimeSeries& series);

// "<", ">=", ... as written in checks.
const char* comparisonText(Comparison comparison);

// The names series are read by in checks: backlog, lag, throughput, latency_p95, ...
const std::vector<std::string>& seriesMetricNames();

}  // namespace eventscope::core
