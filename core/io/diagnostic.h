#pragma once

#include <string>
#include <vector>

namespace eventscope::core {

// One problem found in an input file, printed as `FILE:LINE:COL: error: MESSAGE`.
struct Diagnostic {
  std::string file;
  int line = 0;  // 1-based; 0 when the problem has no position (the file cannot be read)
  int column = 0;
  std::string message;

  std::string format() const;
};

using Diagnostics = std::vector<Diagnostic>;

}  // namespace eventscope::core
