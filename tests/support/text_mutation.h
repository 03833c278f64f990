#pragma once

#include <random>
#include <string>
#include <vector>

// Random damage to a text file, for robustness tests of the readers (scenarios, lessons).
namespace eventscope::testing {

inline std::vector<std::string> splitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    const std::size_t stop = end == std::string::npos ? text.size() : end + 1;
    lines.push_back(text.substr(start, stop - start));
    start = stop;
  }
  return lines;
}

// One random damage: a byte flip, a YAML-significant character, a truncation, or a line
// deleted, duplicated or swapped. Deterministic for a given generator state.
inline std::string mutate(std::string text, std::mt19937& random) {
  auto below = [&](std::size_t n) {
    return n == 0 ? 0 : std::uniform_int_distribution<std::size_t>(0, n - 1)(random);
  };
  static constexpr char kSignificant[] = ":-[]{}&*!|>#'\"\t\n, ?%@`";
  switch (below(6)) {
    case 0:
      if (!text.empty()) {
        text[below(text.size())] = static_cast<char>(below(256));
      }
      break;
    case 1:
      text.insert(below(text.size() + 1), 1, kSignificant[below(sizeof kSignificant - 1)]);
      break;
    case 2:
      text.resize(below(text.size() + 1));
      break;
    default: {
      std::vector<std::string> lines = splitLines(text);
      if (lines.empty()) {
        break;
      }
      const std::size_t i = below(lines.size());
      const std::size_t kind = below(3);
      if (kind == 0) {
        lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(i));
      } else if (kind == 1) {
        lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(i), lines[i]);
      } else {
        std::swap(lines[i], lines[below(lines.size())]);
      }
      text.clear();
      for (const std::string& line : lines) {
        text += line;
      }
    }
  }
  return text;
}

}  // namespace eventscope::testing
