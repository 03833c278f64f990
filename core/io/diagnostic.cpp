#include "core/io/diagnostic.h"

namespace eventscope::core {

std::string Diagnostic::format() const {
  std::string out = file;
  if (line > 0) {
    out += ':' + std::to_string(line) + ':' + std::to_string(column > 0 ? column : 1);
  }
  out += ": error: ";
  out += message;
  return out;
}

}  // namespace eventscope::core
