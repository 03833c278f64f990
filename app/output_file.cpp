#include "output_file.h"

#include <fcntl.h>
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

OutputFile::~OutputFile() {
  if (!m_temporary.empty()) ::unlink(m_temporary.c_str());
}

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
  std::string pattern = m_target + ".XXXXXX";
  const int fd = ::mkstemp(pattern.data());
  if (fd < 0) {
    *error = "cannot write " + path + ": " + reason();
    return false;
  }
  ::close(fd);
  m_temporary = pattern;
  return true;
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
  const std::string& path = m_kind == Kind::Direct ? m_target : m_temporary;
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
  // Durable before it replaces anything: fsync, then rename over the target.
  const int fd = ::open(m_temporary.c_str(), O_RDONLY | O_CLOEXEC);
  const bool synced = fd >= 0 && ::fsync(fd) == 0;
  if (fd >= 0) ::close(fd);
  // Keep the permissions a file already there had (mkstemp made the new one 0600).
  std::error_code ec;
  const fs::perms perms = fs::exists(m_target, ec)
                              ? fs::status(m_target, ec).permissions()
                              : fs::perms::owner_read | fs::perms::owner_write |
                                    fs::perms::group_read | fs::perms::others_read;
  fs::permissions(m_temporary, perms, ec);
  if (!synced || ::rename(m_temporary.c_str(), m_target.c_str()) != 0) {
    *error = "cannot write " + m_path + ": " + reason();
    return false;
  }
  m_temporary.clear();
  return true;
}

bool writeStdout(const std::string& text, std::string* error) {
  std::cout << text << std::flush;
  if (std::cout) return true;
  *error = "cannot write to standard output: " + reason();
  std::cout.clear();
  return false;
}

}  // namespace eventscope::app
