#include "core/io/units.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>

#include "core/io/did_you_mean.h"
#include "core/model/limits.h"

namespace eventscope::core {

namespace {

constexpr std::string_view kDurationExamples = "250us, 10ms, 2s, 5m or 1h";
constexpr std::string_view kRateExamples = "800/s, 30/m or 5/h";

struct Unit {
  std::string_view name;
  SimTime nanoseconds;
  // nanoseconds == mantissa * 10^exponent: lets decimals be scaled exactly, digit by digit.
  int mantissa;
  int exponent;
};

// Largest first; formatDuration lets a later (smaller) unit win a tie, so 150ms beats 0.15s.
constexpr std::array<Unit, 6> kUnits{{{"h", kHour, 36, 11},
                                      {"m", kMinute, 6, 10},
                                      {"s", kSecond, 1, 9},
                                      {"ms", kMillisecond, 1, 6},
                                      {"us", kMicrosecond, 1, 3},
                                      {"ns", kNanosecond, 1, 0}}};

bool isDigit(char c) {
  return c >= '0' && c <= '9';
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
    text.remove_suffix(1);
  }
  return text;
}

void setError(std::string* error, std::string message) {
  if (error) {
    *error = std::move(message);
  }
}

std::string quoted(std::string_view text) {
  return std::string("'").append(text).append("'");
}

const Unit* findUnit(std::string_view name) {
  // Both spellings of micro (U+00B5 and U+03BC) are common in copied text.
  if (name == "\u00b5s" || name == "\u03bcs") {
    name = "us";
  }
  for (const Unit& unit : kUnits) {
    if (unit.name == name) {
      return &unit;
    }
  }
  return nullptr;
}

std::string unknownUnitMessage(std::string_view unit, std::string_view text, std::string_view what,
                               std::string_view choices,
                               const std::vector<std::string>& candidates) {
  std::string message = "unknown unit " + quoted(unit) + " in " + std::string(what) + " " +
                        quoted(text) + "; use " + std::string(choices);
  if (auto hint = closestMatch(unit, candidates)) {
    message += " (did you mean '" + *hint + "'?)";
  }
  return message;
}

// Multiplies the decimal fraction 0.<digits> by a small integer exactly; returns the integer
// carry and rewrites `digits` to the fractional part of the product.
int multiplyFraction(std::string& digits, int factor) {
  int carry = 0;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    const int value = (*it - '0') * factor + carry;
    *it = static_cast<char>('0' + value % 10);
    carry = value / 10;
  }
  return carry;
}

// Exact value of <whole>.<fraction> * unit in nanoseconds, rounded half up; nullopt on overflow.
std::optional<SimTime> scaleExactly(std::string_view whole, std::string_view fraction,
                                    const Unit& unit) {
  // Shifting the decimal point right by the unit's power of ten splits the number into an
  // integer part (scaled by the mantissa) and a remaining fraction (rounded after scaling).
  std::string integerDigits(whole);
  std::string rest(fraction);
  const auto shift = static_cast<std::size_t>(unit.exponent);
  std::string moved = rest.substr(0, std::min(shift, rest.size()));
  moved.resize(shift, '0');
  integerDigits += moved;
  rest = rest.size() > shift ? rest.substr(shift) : std::string();

  const auto firstNonZero = integerDigits.find_first_not_of('0');
  std::int64_t integer = 0;
  if (firstNonZero != std::string::npos) {
    const std::string_view significant = std::string_view(integerDigits).substr(firstNonZero);
    if (significant.size() > 18) {
      return std::nullopt;
    }
    std::from_chars(significant.data(), significant.data() + significant.size(), integer);
  }
  std::int64_t result = 0;
  if (__builtin_mul_overflow(integer, static_cast<std::int64_t>(unit.mantissa), &result)) {
    return std::nullopt;
  }
  const std::int64_t carry = multiplyFraction(rest, unit.mantissa);
  const std::int64_t roundUp = !rest.empty() && rest.front() >= '5' ? 1 : 0;
  if (__builtin_add_overflow(result, carry + roundUp, &result)) {
    return std::nullopt;
  }
  return result;
}

// Exact decimal text of value/divisor, or nullopt if it does not terminate within 12 digits.
std::optional<std::string> exactQuotient(std::uint64_t value, std::uint64_t divisor) {
  std::string text = std::to_string(value / divisor);
  std::uint64_t remainder = value % divisor;
  if (remainder == 0) {
    return text;
  }
  text += '.';
  for (int digit = 0; digit < 12 && remainder != 0; ++digit) {
    // remainder < divisor <= 3.6e12, so remainder * 10 cannot overflow.
    remainder *= 10;
    text += static_cast<char>('0' + remainder / divisor);
    remainder %= divisor;
  }
  if (remainder != 0) {
    return std::nullopt;
  }
  return text;
}

}  // namespace

std::optional<SimTime> parseDuration(std::string_view text, std::string* error) {
  const std::string_view input = trim(text);
  if (input.empty()) {
    setError(error,
             "duration is empty; write a number with a unit: " + std::string(kDurationExamples));
    return std::nullopt;
  }
  if (input.front() == '-') {
    setError(error, "duration cannot be negative: " + quoted(input));
    return std::nullopt;
  }
  std::size_t at = 0;
  while (at < input.size() && isDigit(input[at])) {
    ++at;
  }
  const std::string_view whole = input.substr(0, at);
  std::string_view fraction;
  if (at < input.size() && input[at] == '.') {
    const std::size_t start = ++at;
    while (at < input.size() && isDigit(input[at])) {
      ++at;
    }
    fraction = input.substr(start, at - start);
  }
  if (whole.empty() && fraction.empty()) {
    setError(error, quoted(input) + " is not a duration; write a number with a unit: " +
                        std::string(kDurationExamples));
    return std::nullopt;
  }
  const std::string_view unitText = trim(input.substr(at));
  if (unitText.empty()) {
    setError(error,
             "duration " + quoted(input) + " needs a unit: " + std::string(kDurationExamples));
    return std::nullopt;
  }
  const Unit* unit = findUnit(unitText);
  if (!unit) {
    if (isDigit(unitText.front()) || unitText.front() == '.' || unitText.front() == 'e' ||
        unitText.front() == 'E') {
      setError(error, quoted(input) + " is not a duration; write a plain number with a unit: " +
                          std::string(kDurationExamples));
    } else {
      setError(error, unknownUnitMessage(unitText, input, "duration", "ns, us, ms, s, m or h",
                                         {"ns", "us", "ms", "s", "m", "h"}));
    }
    return std::nullopt;
  }
  const std::optional<SimTime> value = scaleExactly(whole, fraction, *unit);
  if (!value || *value > kMaxDuration) {
    setError(error, "duration " + quoted(input) + " is too long; the longest allowed is " +
                        formatDuration(kMaxDuration));
    return std::nullopt;
  }
  return value;
}

std::optional<double> parseRate(std::string_view text, std::string* error) {
  const std::string_view input = trim(text);
  const std::size_t slash = input.find('/');
  const std::string_view number = trim(input.substr(0, slash));
  if (number.empty()) {
    setError(error, "rate " + quoted(input) + " needs a number of events per unit of time: " +
                        std::string(kRateExamples));
    return std::nullopt;
  }
  double value = 0;
  const char* end = number.data() + number.size();
  const auto [parsedEnd, status] = std::from_chars(number.data(), end, value);
  const bool outOfRange = status == std::errc::result_out_of_range && parsedEnd == end;
  // from_chars also takes "inf" and "nan", which are not rates.
  if ((status != std::errc() && !outOfRange) || parsedEnd != end || !std::isfinite(value)) {
    setError(error, quoted(input) + " is not a rate; write events per unit of time: " +
                        std::string(kRateExamples));
    return std::nullopt;
  }
  if (outOfRange) {
    // from_chars leaves the value untouched; strtod says whether it was huge or tiny.
    value = std::strtod(std::string(number).c_str(), nullptr);
  }
  if (slash == std::string_view::npos) {
    setError(error, "rate " + quoted(input) + " needs a unit: " + std::string(kRateExamples));
    return std::nullopt;
  }
  const std::string_view unitText = trim(input.substr(slash + 1));
  const Unit* unit =
      unitText == "h" || unitText == "m" || unitText == "s" ? findUnit(unitText) : nullptr;
  if (!unit) {
    setError(error, unknownUnitMessage(unitText, input, "rate", "/s, /m or /h", {"s", "m", "h"}));
    return std::nullopt;
  }
  if (value < 0) {
    setError(error, "rate cannot be negative: " + quoted(input));
    return std::nullopt;
  }
  if (value == 0) {
    setError(error, "rate must be greater than 0, got " + quoted(input) +
                        "; leave the producer out to produce nothing");
    return std::nullopt;
  }
  const double perSecond = value / toSeconds(unit->nanoseconds);
  if (!std::isfinite(perSecond) || perSecond > limits::kMaxRatePerSecond) {
    setError(error, "rate " + quoted(input) + " is too high; the highest allowed is " +
                        std::to_string(static_cast<std::int64_t>(limits::kMaxRatePerSecond)) +
                        "/s");
    return std::nullopt;
  }
  return perSecond;
}

std::string formatDuration(SimTime t) {
  if (t == 0) {
    return "0s";
  }
  // Work on the magnitude as unsigned so that the most negative value does not overflow.
  const bool negative = t < 0;
  const std::uint64_t magnitude =
      negative ? ~static_cast<std::uint64_t>(t) + 1 : static_cast<std::uint64_t>(t);
  std::string best;
  for (const Unit& unit : kUnits) {
    const auto digits = exactQuotient(magnitude, static_cast<std::uint64_t>(unit.nanoseconds));
    if (!digits) {
      continue;
    }
    std::string candidate = *digits + std::string(unit.name);
    if (best.empty() || candidate.size() <= best.size()) {
      best = std::move(candidate);
    }
  }
  return negative ? "-" + best : best;
}

}  // namespace eventscope::core
