#pragma once

#include <algorithm>
#include <exception>
#include <string>

namespace eventscope::core::store {

// SQLite's messages may span lines; ours are one line each.
inline std::string oneLine(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

// What a reader says when a query on a recording fails: the file is damaged, and how.
inline std::string damaged(const std::string& path, const std::exception& e) {
  return path + ": the recording is damaged (" + oneLine(e.what()) + ")";
}

}  // namespace eventscope::core::store
