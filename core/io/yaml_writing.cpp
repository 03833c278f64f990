#include "core/io/yaml_writing.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/io/source_text.h"
#include "core/io/units.h"

namespace eventscope::core::detail {

namespace {

bool isLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Characters that mean nothing to YAML inside a plain scalar, in block and in flow context.
// Deliberately narrow: anything else is quoted, which is always correct.
bool isPlainSafe(char c) {
  return isLetter(c) || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.' || c == '/' ||
         c == ' ' || c == '(' || c == ')' || c == '+';
}

// Words that YAML 1.1 or 1.2 readers take as booleans or null when plain.
bool isReservedWord(std::string_view text) {
  static constexpr std::array<std::string_view, 9> kWords{"true", "false", "yes", "no",  "on",
                                                          "off",  "y",     "n",   "null"};
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  });
  return std::find(kWords.begin(), kWords.end(), lower) != kWords.end();
}

// A non-ASCII character (valid UTF-8 from `at`) that is printable in YAML and is neither a
// line break to YAML 1.1 readers (U+2028, U+2029) nor a byte order mark; sets its length.
bool isPlainSafeUnicode(std::string_view text, std::size_t at, std::size_t& length) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[at + i]) & 0x3Fu; };
  const auto lead = static_cast<unsigned char>(text[at]);
  char32_t point = 0;
  if (lead >= 0xF0) {
    length = 4;
    point = (char32_t{lead & 0x07u} << 18) | (char32_t{byte(1)} << 12) | (char32_t{byte(2)} << 6) |
            byte(3);
  } else if (lead >= 0xE0) {
    length = 3;
    point = (char32_t{lead & 0x0Fu} << 12) | (char32_t{byte(1)} << 6) | byte(2);
  } else {
    length = 2;
    point = (char32_t{lead & 0x1Fu} << 6) | byte(1);
  }
  // U+0080..U+00A0 are C1 controls and the no-break space, which is easily lost.
  return point > 0xA0 && point != 0x2028 && point != 0x2029 && point != 0xFEFF &&
         (point < 0xD800 || point > 0xDFFF) && point != 0xFFFE && point != 0xFFFF;
}

bool canBePlain(std::string_view text) {
  // Starting with a letter, `_` or a non-ASCII character rules out numbers, `.inf`, `-` and
  // every indicator.
  if (text.empty() || text.back() == ' ' || firstInvalidUtf8(text)) {
    return false;
  }
  const auto first = static_cast<unsigned char>(text.front());
  if (!(isLetter(text.front()) || text.front() == '_' || first >= 0x80)) {
    return false;
  }
  for (std::size_t at = 0; at < text.size();) {
    std::size_t length = 1;
    if (static_cast<unsigned char>(text[at]) >= 0x80) {
      if (!isPlainSafeUnicode(text, at, length)) {
        return false;
      }
    } else if (!isPlainSafe(text[at])) {
      return false;
    }
    at += length;
  }
  return !isReservedWord(text);
}

std::string jsonAsYaml(const nlohmann::json& value) {
  if (value.is_object()) {
    std::string text = "{";
    for (auto it = value.begin(); it != value.end(); ++it) {
      text +=
          (it == value.begin() ? "" : ", ") + yamlString(it.key()) + ": " + jsonAsYaml(it.value());
    }
    return text + "}";
  }
  if (value.is_array()) {
    std::string text = "[";
    for (std::size_t i = 0; i < value.size(); ++i) {
      text += (i == 0 ? "" : ", ") + jsonAsYaml(value[i]);
    }
    return text + "]";
  }
  if (value.is_string()) {
    return yamlString(value.get_ref<const std::string&>());
  }
  // null, true, false and numbers: JSON spells them the way a YAML core-schema reader reads
  // them, and dump() keeps a float a float (1.0, not 1).
  return value.dump();
}

}  // namespace

std::string yamlString(std::string_view text) {
  if (canBePlain(text)) {
    return std::string(text);
  }
  YAML::Emitter out;
  out << YAML::DoubleQuoted << std::string(text);
  return out.c_str();
}

std::string yamlDuration(SimTime duration) {
  // Not formatDuration(), which prefers the shortest text: 0.2s over 200ms.
  constexpr std::array<std::pair<std::string_view, SimTime>, 5> kUnits{
      {{"h", kHour}, {"m", kMinute}, {"s", kSecond}, {"ms", kMillisecond}, {"us", kMicrosecond}}};
  if (duration == 0) {
    return "0s";
  }
  for (const auto& [unit, nanoseconds] : kUnits) {
    if (duration % nanoseconds == 0) {
      return std::to_string(duration / nanoseconds) + std::string(unit);
    }
  }
  return std::to_string(duration) + "ns";
}

std::string yamlNumber(double value) {
  // Whole numbers in full (100000000, not 1e+08), as a person writes them; doubles hold every
  // integer below 2^53 exactly.
  constexpr double kExactIntegers = 9007199254740992.0;
  std::array<char, 32> buffer{};
  const bool whole = value == std::floor(value) && std::fabs(value) < kExactIntegers;
  const auto [end, status] =
      whole ? std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                            std::chars_format::fixed)
            : std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  return status == std::errc() ? std::string(buffer.data(), end) : std::string("0");
}

std::string yamlRate(double perSecond) {
  // Per second when that is a short decimal (800/s, 2.5/s, 0.125/s); otherwise a whole number
  // per minute or per hour reads better than a long one (1/60 is 1/m, not 0.016666666666666666/s).
  // The reader divides by 60 or 3600, so a candidate counts only if that gives the same double.
  const std::string number = yamlNumber(perSecond);
  const std::size_t dot = number.find('.');
  const bool shortDecimal = number.find('e') == std::string::npos &&
                            (dot == std::string::npos || number.size() - dot - 1 <= 3);
  if (shortDecimal) {
    return number + "/s";
  }
  constexpr std::array<std::pair<std::string_view, double>, 2> kLongerUnits{
      {{"/m", 60.0}, {"/h", 3600.0}}};
  for (const auto& [unit, seconds] : kLongerUnits) {
    const double count = std::round(perSecond * seconds);
    std::string candidate = yamlNumber(count) + std::string(unit);
    if (count > 0 && parseRate(candidate, nullptr) == perSecond) {
      return candidate;
    }
  }
  return number + "/s";
}

std::string yamlPayload(const std::string& json) {
  const nlohmann::json value = nlohmann::json::parse(json, nullptr, false);
  return value.is_discarded() ? yamlString(json) : jsonAsYaml(value);
}

std::string layoutSection(const std::vector<LayoutEntry>& layout) {
  std::string out = "layout:\n";
  for (const LayoutEntry& entry : layout) {
    out += "  " + yamlString(entry.node) + ": " +
           FlowMap().add("x", yamlNumber(entry.x)).add("y", yamlNumber(entry.y)).text() + "\n";
  }
  return out;
}

FlowMap& FlowMap::add(std::string_view key, const std::string& value) {
  if (!m_entries.empty()) {
    m_entries += ", ";
  }
  m_entries.append(key).append(": ").append(value);
  return *this;
}

}  // namespace eventscope::core::detail
