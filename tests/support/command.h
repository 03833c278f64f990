#pragma once

#include <string>

namespace eventscope::testing {

struct CommandResult {
  int exitCode = -1;
  std::string out;
  std::string err;
};

// Runs the eventscope executable with shell-quoted arguments; captures stdout and stderr.
CommandResult runEventscope(const std::string& arguments);

// The repository's source directory (for demo scenarios and test data).
std::string sourcePath(const std::string& relative);

}  // namespace eventscope::testing
