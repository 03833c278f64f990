#include "output_file.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace eventscope::app {

namespace fs = std::filesystem;

namespace {
std::string reason() {
  return std::strerror(errno);
}
}  // namespace

bool OutputFile::prepare(const std::string& path, std::string* error) {
  m_path = path;
  if (path == "-") {
    m_kind = Kind::Stdout;
    return true;
  }
  std::error_code ec;
  m_target = fs::weakly_canonical(fs::path(path), ec).string();
  if (ec) m_target = path;
  const fs::file_status status = fs::status(m_target, ec);
  if (fs::is_directory(status)) {
    *error = "cannot write " + path + ": it is a directory";
    return false;
  }
  if (fs::exists(status) && !fs::is_regular_file(status)) {
    m_kind = Kind::Direct;  // /dev/stdout, a FIFO...: write into it, never replace it
    if (::access(m_target.c_str(), W_OK) != 0) {
      *error = "cannot write " + path + ": " + reason();
      return false;
    }
    return true;
  }
  m_kind = Kind::Replace;
  return m_replacing.prepare(path, error);
}

bool OutputFile::write(const std::string& text, std::string* error) {
  return produce(
      [&](std::ostream& out) {
        out << text;
        return true;
      },
      error);
}

bool OutputFile::produce(const std::function<bool(std::ostream&)>& writer, std::string* error) {
  if (m_kind == Kind::Stdout) {
    std::string inner;
    if (!writer(std::cout) || !(std::cout << std::flush)) {
      *error = "cannot write to standard output: " + reason();
      std::cout.clear();
      return false;
    }
    return true;
  }
  const std::string& path = m_kind == Kind::Direct ? m_target : m_replacing.temporaryPath();
  {
    std::ofstream out(
        path, std::ios::binary | (m_kind == Kind::Replace ? std::ios::trunc : std::ios::out));
    const bool produced = out && writer(out);
    out.flush();
    if (!produced || !out) {
      *error = "cannot write " + m_path + (errno != 0 ? ": " + reason() : std::string());
      return false;
    }
  }
  if (m_kind == Kind::Direct) return true;
  return m_replacing.commit(error);
}

bool writeStdout(const std::string& text, std::string* error) {
  std::cout << text << std::flush;
  if (std::cout) return true;
  *error = "cannot write to standard output: " + reason();
  std::cout.clear();
  return false;
}

}  // namespace eventscope::app
