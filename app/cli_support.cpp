#include "cli_support.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>

namespace eventscope::app {

namespace {
double wallSeconds() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}
}  // namespace

std::string readWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void printDiagnostics(const core::Diagnostics& diagnostics) {
  for (const core::Diagnostic& d : diagnostics)
    std::cerr << d.format() << '\n';
  if (diagnostics.size() > 1) std::cerr << diagnostics.size() << " errors\n";
  if (diagnostics.size() == 1) std::cerr << "1 error\n";
}

ProgressLine::ProgressLine(bool enabled)
    : m_enabled(enabled && ::isatty(STDERR_FILENO) == 1), m_startedAt(wallSeconds()) {}

bool ProgressLine::due() {
  if (!m_enabled) return false;
  const double now = wallSeconds();
  // Only long runs get a progress line, and it is redrawn at most ten times a second.
  if (now - m_startedAt < 0.5 || now - m_lastShownAt < 0.1) return false;
  m_lastShownAt = now;
  m_shown = true;
  return true;
}

void ProgressLine::update(const char* what, std::uint64_t done, std::uint64_t total) {
  if (total == 0 || !due()) return;
  std::fprintf(stderr, "\r  %s %.0f%% ", what,
               100.0 * static_cast<double>(std::min(done, total)) / static_cast<double>(total));
  std::fflush(stderr);
}

void ProgressLine::update(double doneSeconds, double totalSeconds) {
  if (!due()) return;
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
