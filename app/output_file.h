#pragma once

#include <functional>
#include <ostream>
#include <string>

#include "core/io/replacing_file.h"

namespace eventscope::app {

// Where a command writes a result: stdout ("-"); a regular file, written whole to a temporary
// file beside it and renamed over it, so an existing file is replaced complete or not at all;
// or something else that exists already (a device, a FIFO, through a symlink or not), written
// straight through. prepare() checks the destination before any long work starts.
class OutputFile {
 public:
  OutputFile() = default;
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  bool prepare(const std::string& path, std::string* error);
  bool write(const std::string& text, std::string* error);
  // Streams the result through `writer` (which returns false on its own failure).
  bool produce(const std::function<bool(std::ostream&)>& writer, std::string* error);

 private:
  enum class Kind { Stdout, Replace, Direct };
  Kind m_kind = Kind::Stdout;
  std::string m_path;               // as given, for messages
  std::string m_target;             // symlinks resolved
  core::ReplacingFile m_replacing;  // Replace: created by prepare(), renamed by produce()
};

// Writes to stdout and checks it worked (a full disk, a closed pipe), saying why not.
bool writeStdout(const std::string& text, std::string* error);

}  // namespace eventscope::app
