#include "core/io/payload_reader.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <set>

namespace eventscope::core::detail {

namespace {

constexpr std::string_view kStringTag = "tag:yaml.org,2002:str";

bool isDigits(std::string_view text) {
  if (text.empty()) {
    return false;
  }
  for (const char c : text) {
    if (c < '0' || c > '9') {
      return false;
    }
  }
  return true;
}

// [-+]? ( \.[0-9]+ | [0-9]+ ( \.[0-9]* )? ) ( [eE] [-+]? [0-9]+ )?  (YAML 1.2 core float)
bool looksLikeFloat(std::string_view text) {
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
    text.remove_prefix(1);
  }
  const std::size_t exponent = text.find_first_of("eE");
  std::string_view mantissa = text.substr(0, exponent);
  if (exponent != std::string_view::npos) {
    std::string_view power = text.substr(exponent + 1);
    if (!power.empty() && (power.front() == '+' || power.front() == '-')) {
      power.remove_prefix(1);
    }
    if (!isDigits(power)) {
      return false;
    }
  }
  const std::size_t dot = mantissa.find('.');
  if (dot == std::string_view::npos) {
    return isDigits(mantissa);
  }
  const std::string_view whole = mantissa.substr(0, dot);
  const std::string_view fraction = mantissa.substr(dot + 1);
  if (whole.empty()) {
    return isDigits(fraction);
  }
  return isDigits(whole) && (fraction.empty() || isDigits(fraction));
}

class PayloadConverter {
 public:
  PayloadConverter(ReadContext& context, const Field& field) : m_context(context), m_field(field) {}

  std::optional<nlohmann::json> convert() {
    nlohmann::json out = convert(m_field.value, m_field.valuePos, 1);
    if (m_failed) {
      return std::nullopt;
    }
    return out;
  }

 private:
  nlohmann::json convert(const YAML::Node& node, SourcePos pos, int depth) {
    if (m_failed) {
      return nullptr;
    }
    if (++m_values > kMaxPayloadValues) {
      fail(m_field.valuePos, m_field.name() + " is too large: more than " +
                                 std::to_string(kMaxPayloadValues) +
                                 " values (YAML aliases count each time they are used)");
      return nullptr;
    }
    if (depth > kMaxPayloadDepth) {
      fail(pos,
           m_field.name() + " nests deeper than " + std::to_string(kMaxPayloadDepth) + " levels");
      return nullptr;
    }
    if (!m_context.spend(pos)) {
      m_failed = true;
      return nullptr;
    }
    switch (node.Type()) {
      case YAML::NodeType::Map:
        return convertMap(node, depth);
      case YAML::NodeType::Sequence: {
        nlohmann::json array = nlohmann::json::array();
        for (const YAML::Node& item : node) {
          array.push_back(convert(item, m_context.position(item), depth + 1));
          if (m_failed) {
            break;
          }
        }
        return array;
      }
      case YAML::NodeType::Scalar:
        return convertScalar(node, pos);
      case YAML::NodeType::Null:
      case YAML::NodeType::Undefined:
        break;
    }
    return nullptr;
  }

  nlohmann::json convertMap(const YAML::Node& node, int depth) {
    nlohmann::json object = nlohmann::json::object();
    std::set<std::string> seen;
    for (auto it = node.begin(); it != node.end() && !m_failed; ++it) {
      const SourcePos keyPos = m_context.position(it->first);
      if (!it->first.IsScalar()) {
        fail(keyPos,
             "keys in " + m_field.name() + " must be plain names, got " + describe(it->first));
        break;
      }
      const std::string& key = it->first.Scalar();
      if (!seen.insert(key).second) {
        fail(keyPos, "duplicate key '" + shortened(key) + "' in " + m_field.name());
        break;
      }
      object[key] = convert(it->second, m_context.position(it->second), depth + 1);
    }
    return object;
  }

  nlohmann::json convertScalar(const YAML::Node& node, SourcePos pos) {
    const std::string& text = node.Scalar();
    const std::string& tag = node.Tag();
    // "!" marks a quoted scalar; an explicit !!str also keeps the text as it is.
    if (tag == "!" || tag == kStringTag) {
      return text;
    }
    if (text == "true" || text == "True" || text == "TRUE") {
      return true;
    }
    if (text == "false" || text == "False" || text == "FALSE") {
      return false;
    }
    if (text == "null" || text == "Null" || text == "NULL" || text == "~") {
      return nullptr;
    }
    if (text == ".inf" || text == "+.inf" || text == "-.inf" || text == ".nan" || text == ".Inf" ||
        text == ".NaN" || text == ".INF" || text == ".NAN" || text == "-.Inf" || text == "-.INF" ||
        text == "+.Inf" || text == "+.INF") {
      fail(pos, m_field.name() + " cannot hold '" + text +
                    "': JSON has no infinity or NaN; quote it to keep it as text");
      return nullptr;
    }
    const std::string_view digits = !text.empty() && (text.front() == '-' || text.front() == '+')
                                        ? std::string_view(text).substr(1)
                                        : std::string_view(text);
    if (isDigits(digits)) {
      std::int64_t signedValue = 0;
      const char* begin = text.data() + (text.front() == '+' ? 1 : 0);
      const char* end = text.data() + text.size();
      if (std::from_chars(begin, end, signedValue).ec == std::errc()) {
        return signedValue;
      }
      std::uint64_t unsignedValue = 0;
      if (text.front() != '-' && std::from_chars(begin, end, unsignedValue).ec == std::errc()) {
        return unsignedValue;
      }
    }
    if (looksLikeFloat(text)) {
      const char* begin = text.data() + (text.front() == '+' ? 1 : 0);
      double value = 0;
      const auto result = std::from_chars(begin, text.data() + text.size(), value);
      if (result.ec == std::errc() && std::isfinite(value)) {
        return value;
      }
      fail(pos, m_field.name() + " has a number JSON cannot hold: '" + shortened(text) +
                    "'; quote it to keep it as text");
      return nullptr;
    }
    return text;
  }

  void fail(SourcePos pos, std::string message) {
    m_context.error(pos, std::move(message));
    m_failed = true;
  }

  ReadContext& m_context;
  const Field& m_field;
  std::size_t m_values = 0;
  bool m_failed = false;
};

}  // namespace

std::optional<std::string> readPayload(ReadContext& context, const Field& field) {
  const std::optional<nlohmann::json> payload = PayloadConverter(context, field).convert();
  if (!payload) return std::nullopt;
  return payload->dump();
}

}  // namespace eventscope::core::detail
