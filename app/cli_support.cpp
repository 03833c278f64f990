#include "cli_support.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace eventscope::app {

namespace {
double wallSeconds() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}
}  // namespace

bool writeOutput(const std::string& path, const std::string& text, std::string* error) {
  if (path == "-") {
    std::cout << text << std::flush;
    return static_cast<bool>(std::cout);
  }
  const std::string temporary = path + ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) {
      *error = "cannot write " + path;
      std::error_code ignored;
      std::filesystem::remove(temporary, ignored);
      return false;
    }
  }
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  if (ec) {
    *error = "cannot write " + path + ": " + ec.message();
    std::filesystem::remove(temporary, ec);
    return false;
  }
  return true;
}

ProgressLine::ProgressLine(bool enabled)
    : m_enabled(enabled && ::isatty(STDERR_FILENO) == 1), m_startedAt(wallSeconds()) {}

void ProgressLine::update(double doneSeconds, double totalSeconds) {
  if (!m_enabled) return;
  const double now = wallSeconds();
  // Only long runs get a progress line, and it is redrawn at most ten times a second.
  if (now - m_startedAt < 0.5 || now - m_lastShownAt < 0.1) return;
  m_lastShownAt = now;
  m_shown = true;
  std::fprintf(stderr, "\r  simulating %.1f s of %.1f s (%.0f%%) ", doneSeconds, totalSeconds,
               totalSeconds > 0 ? 100 * doneSeconds / totalSeconds : 100.0);
  std::fflush(stderr);
}

void ProgressLine::clear() {
  if (!m_shown) return;
  std::fprintf(stderr, "\r%60s\r", "");
  std::fflush(stderr);
  m_shown = false;
}

}  // namespace eventscope::app
