#include "core/io/yaml_values.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>

#include "core/io/did_you_mean.h"
#include "core/io/units.h"

namespace eventscope::core::detail {

namespace {

constexpr std::size_t kLongestName = 256;

// A whole number as written: sign and magnitude, or nothing if it is not one. Integral decimals
// such as 1e6 or 100.0 count, up to 2^53, where doubles stop being exact.
struct WholeNumber {
  bool negative = false;
  std::uint64_t magnitude = 0;
};

std::optional<WholeNumber> parseWholeNumber(std::string_view text) {
  WholeNumber number;
  std::string_view digits = text;
  if (!digits.empty() && (digits.front() == '+' || digits.front() == '-')) {
    number.negative = digits.front() == '-';
    digits.remove_prefix(1);
  }
  const char* end = digits.data() + digits.size();
  auto [parsedEnd, status] = std::from_chars(digits.data(), end, number.magnitude);
  if (!digits.empty() && status == std::errc() && parsedEnd == end) {
    return number;
  }
  double value = 0;
  auto [floatEnd, floatStatus] = std::from_chars(digits.data(), end, value);
  constexpr double kExactLimit = 9007199254740992.0;  // 2^53
  if (floatStatus != std::errc() || floatEnd != end || !std::isfinite(value) ||
      value != std::floor(value) || value > kExactLimit) {
    return std::nullopt;
  }
  number.magnitude = static_cast<std::uint64_t>(value);
  return number;
}

std::optional<double> parseNumber(std::string_view text) {
  if (!text.empty() && text.front() == '+') {
    text.remove_prefix(1);
  }
  double value = 0;
  const char* end = text.data() + text.size();
  auto [parsedEnd, status] = std::from_chars(text.data(), end, value);
  if (text.empty() || status != std::errc() || parsedEnd != end || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

std::string rangeText(NumberRange range) {
  const bool unbounded = range.max == std::numeric_limits<double>::infinity();
  if (range.minExclusive) {
    std::string text = "greater than " + formatNumber(range.min);
    return unbounded ? text : text + " and at most " + formatNumber(range.max);
  }
  if (unbounded) {
    return "of at least " + formatNumber(range.min);
  }
  return "from " + formatNumber(range.min) + " to " + formatNumber(range.max);
}

// "'warmup': unknown unit ..." but not "'duration': duration '60' needs a unit ...".
std::string withSubject(const Field& field, const std::string& problem) {
  if (!field.key.empty() && problem.rfind(field.key + " ", 0) == 0) {
    return problem;
  }
  return field.name() + ": " + problem;
}

bool isScalar(ReadContext& context, const Field& field, std::string_view mustBe) {
  if (field.value.IsScalar()) {
    return true;
  }
  context.error(field.valuePos, field.name() + " must be " + std::string(mustBe) + ", got " +
                                    describe(field.value));
  return false;
}

}  // namespace

std::string formatNumber(double value) {
  if (value == std::floor(value) && std::fabs(value) < 1e15) {
    return std::to_string(static_cast<std::int64_t>(value));
  }
  char buffer[32];
  auto [end, status] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return status == std::errc() ? std::string(buffer, end) : std::string("?");
}

std::optional<std::string> readText(ReadContext& context, const Field& field) {
  if (!isScalar(context, field, "a string")) {
    return std::nullopt;
  }
  return field.value.Scalar();
}

std::optional<std::string> readName(ReadContext& context, const Field& field) {
  if (!isScalar(context, field, "a name")) {
    return std::nullopt;
  }
  const std::string& text = field.value.Scalar();
  if (context.quotedAcrossLines(field.value)) {
    context.error(field.valuePos, "the quote that opens " + field.name() +
                                      " is not closed on its line; a name is one line");
    return std::nullopt;
  }
  if (text.empty()) {
    context.error(field.valuePos, field.name() + " must not be empty");
    return std::nullopt;
  }
  if (text.size() > kLongestName) {
    context.error(field.valuePos, field.name() + " is too long: at most " +
                                      std::to_string(kLongestName) + " bytes");
    return std::nullopt;
  }
  for (const char c : text) {
    // Names end up in reports, traces and command lines: keep them on one line.
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      context.error(field.valuePos, field.name() +
                                        " must be one line without control characters, got '" +
                                        shortened(text) + "'");
      return std::nullopt;
    }
  }
  return text;
}

std::optional<std::int64_t> readInteger(ReadContext& context, const Field& field, std::int64_t min,
                                        std::int64_t max) {
  const std::string mustBe =
      "an integer from " + std::to_string(min) + " to " + std::to_string(max);
  if (!isScalar(context, field, mustBe)) {
    return std::nullopt;
  }
  const std::optional<WholeNumber> number = parseWholeNumber(field.value.Scalar());
  if (number) {
    const auto magnitude = static_cast<std::int64_t>(number->magnitude);
    // Magnitudes past int64 are out of every range an int field has.
    if (number->magnitude <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      const std::int64_t value = number->negative ? -magnitude : magnitude;
      if (value >= min && value <= max) {
        return value;
      }
    }
  }
  context.error(field.valuePos,
                field.name() + " must be " + mustBe + ", got " + describe(field.value));
  return std::nullopt;
}

std::optional<std::uint64_t> readUnsigned(ReadContext& context, const Field& field,
                                          std::uint64_t min, std::uint64_t max) {
  const std::string mustBe =
      "an integer from " + std::to_string(min) + " to " + std::to_string(max);
  if (!isScalar(context, field, mustBe)) {
    return std::nullopt;
  }
  const std::optional<WholeNumber> number = parseWholeNumber(field.value.Scalar());
  if (number && (!number->negative || number->magnitude == 0) && number->magnitude >= min &&
      number->magnitude <= max) {
    return number->magnitude;
  }
  context.error(field.valuePos,
                field.name() + " must be " + mustBe + ", got " + describe(field.value));
  return std::nullopt;
}

std::optional<double> readNumber(ReadContext& context, const Field& field, NumberRange range) {
  const std::string mustBe = "a number " + rangeText(range);
  if (!isScalar(context, field, mustBe)) {
    return std::nullopt;
  }
  const std::optional<double> value = parseNumber(field.value.Scalar());
  if (value && *value <= range.max &&
      (range.minExclusive ? *value > range.min : *value >= range.min)) {
    return value;
  }
  context.error(field.valuePos,
                field.name() + " must be " + mustBe + ", got " + describe(field.value));
  return std::nullopt;
}

std::optional<double> readProbability(ReadContext& context, const Field& field) {
  return readNumber(context, field, {0.0, 1.0});
}

std::optional<bool> readBool(ReadContext& context, const Field& field) {
  if (!isScalar(context, field, "true or false")) {
    return std::nullopt;
  }
  std::string text = field.value.Scalar();
  for (char& c : text) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (text == "true" || text == "yes" || text == "on") {
    return true;
  }
  if (text == "false" || text == "no" || text == "off") {
    return false;
  }
  context.error(field.valuePos,
                field.name() + " must be true or false, got " + describe(field.value));
  return std::nullopt;
}

std::optional<SimTime> readDuration(ReadContext& context, const Field& field, bool allowZero) {
  if (!isScalar(context, field, "a duration like 250us, 10ms, 2s, 5m or 1h")) {
    return std::nullopt;
  }
  std::string problem;
  const std::optional<SimTime> value = parseDuration(field.value.Scalar(), &problem);
  if (!value) {
    context.error(field.valuePos, withSubject(field, problem));
    return std::nullopt;
  }
  if (!allowZero && *value == 0) {
    context.error(field.valuePos, field.name() + " must be longer than 0s");
    return std::nullopt;
  }
  return value;
}

std::optional<double> readRate(ReadContext& context, const Field& field) {
  if (!isScalar(context, field, "a rate like 800/s, 30/m or 5/h")) {
    return std::nullopt;
  }
  std::string problem;
  const std::optional<double> value = parseRate(field.value.Scalar(), &problem);
  if (!value) {
    context.error(field.valuePos, withSubject(field, problem));
  }
  return value;
}

std::optional<int> readChoiceIndex(ReadContext& context, const Field& field,
                                   const std::vector<std::string>& choices) {
  std::string list;
  for (std::size_t i = 0; i < choices.size(); ++i) {
    list += (i == 0 ? "" : i + 1 == choices.size() ? " or " : ", ") + choices[i];
  }
  if (!isScalar(context, field, list)) {
    return std::nullopt;
  }
  const std::string& text = field.value.Scalar();
  for (std::size_t i = 0; i < choices.size(); ++i) {
    if (choices[i] == text) {
      return static_cast<int>(i);
    }
  }
  std::string message = field.name() + " must be " + list + ", got " + describe(field.value);
  if (auto hint = closestMatch(text, choices)) {
    message += "; did you mean '" + *hint + "'?";
  }
  context.error(field.valuePos, message);
  return std::nullopt;
}

std::optional<std::vector<Item>> readItems(ReadContext& context, const Field& field,
                                           bool acceptSingle, std::string_view itemsAre) {
  std::vector<Item> items;
  if (acceptSingle && field.value.IsScalar()) {
    items.push_back({field.value, field.valuePos});
    return items;
  }
  if (!field.value.IsSequence()) {
    context.error(field.valuePos, field.name() + " must be " +
                                      (acceptSingle ? "one or a list of " : "a list of ") +
                                      std::string(itemsAre) + ", got " + describe(field.value));
    return std::nullopt;
  }
  for (const YAML::Node& node : field.value) {
    const SourcePos pos = context.position(node);
    if (!context.spend(pos)) {
      return std::nullopt;
    }
    items.push_back({node, pos});
  }
  return items;
}

std::optional<MapFields> readMap(ReadContext& context, const Field& field, std::string_view shape) {
  if (!field.value.IsMap()) {
    context.error(field.valuePos, field.name() + " must be a map like " + std::string(shape) +
                                      ", got " + describe(field.value));
    return std::nullopt;
  }
  return MapFields(context, field.value);
}

Field itemField(std::string subject, const Item& item) {
  return {std::string(), item.node, item.pos, item.pos, std::move(subject)};
}

}  // namespace eventscope::core::detail
