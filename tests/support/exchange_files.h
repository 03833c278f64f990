#pragma once

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

namespace eventscope::core::testing {

// CloudEvents JSON Lines of n events a millisecond apart, chained by threes (about 330 bytes a
// line: 30,000 lines make more than one 8 MiB chunk of the importer).
inline std::string cloudEventLines(int n) {
  std::string text;
  char line[512];
  for (int i = 0; i < n; ++i) {
    std::snprintf(line, sizeof line,
                  R"({"specversion":"1.0","id":"e-%d","source":"/load/generator","type":"Tick",)"
                  R"("time":"2026-11-26T10:%02d:%02d.%03dZ","partitionkey":"k%d",)"
                  R"("correlationid":"e-%d","data":{"n":%d,"text":"%0200d"}})"
                  "\n",
                  i, i / 60000, i / 1000 % 60, i % 1000, i % 97, i - i % 3, i, i);
    text += line;
  }
  return text;
}

// Files beside `path` whose names start with its name (temporaries, journals), and the file
// itself if `withItself`: what a cancelled or failed write must not leave behind.
inline std::vector<std::string> filesNamedLike(const std::string& path, bool withItself = true) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  const std::string stem = target.filename().string();
  std::vector<std::string> found;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(target.parent_path(), ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(stem, 0) != 0) continue;
    if (name == stem && !withItself) continue;
    found.push_back(name);
  }
  return found;
}

}  // namespace eventscope::core::testing
