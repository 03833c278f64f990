#pragma once

#include <cstdint>
#include <string>

#include "core/io/diagnostic.h"

// Shared pieces of the headless commands.
namespace eventscope::app {

// DESIGN.md §3: 0 success, 1 runtime failure, 2 invalid input or usage.
enum ExitCode : int { kSuccess = 0, kRuntimeFailure = 1, kInvalidInput = 2 };

// The text of a file ("" if it cannot be read): a scenario, kept inside its recording.
std::string readWholeFile(const std::string& path);

// Prints diagnostics to stderr, one per line, then how many there were.
void printDiagnostics(const core::Diagnostics& diagnostics);

// Shows "simulating 12.3 s of 60 s (20%)" (or "importing 20%") on stderr when it is a
// terminal; clear() removes it.
class ProgressLine {
 public:
  explicit ProgressLine(bool enabled);
  void update(double doneSeconds, double totalSeconds);
  // A core::Progress report: `what` and the share done (units are the work's own).
  void update(const char* what, std::uint64_t done, std::uint64_t total);
  void clear();

 private:
  bool due();

  bool m_enabled;
  bool m_shown = false;
  double m_startedAt;
  double m_lastShownAt = 0;
};

}  // namespace eventscope::app
