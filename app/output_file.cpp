#include "output_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>

namespace eventscope::app {

namespace fs = std::filesystem;

namespace {
bool writeAll(int fd, const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

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
  switch (m_kind) {
    case Kind::Stdout:
      return writeStdout(text, error);
    case Kind::Direct: {
      const int fd = ::open(m_target.c_str(), O_WRONLY | O_CLOEXEC);
      const bool ok = fd >= 0 && writeAll(fd, text);
      const std::string why = reason();
      if (fd >= 0) ::close(fd);
      if (!ok) *error = "cannot write " + m_path + ": " + why;
      return ok;
    }
    case Kind::Replace: {
      const int fd = ::open(m_temporary.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
      bool ok = fd >= 0 && writeAll(fd, text) && ::fsync(fd) == 0;
      std::string why = reason();
      if (fd >= 0 && ::close(fd) != 0 && ok) {
        ok = false;
        why = reason();
      }
      // Keep the permissions a file already there had (mkstemp made the new one 0600).
      std::error_code ec;
      const fs::perms perms = fs::exists(m_target, ec)
                                  ? fs::status(m_target, ec).permissions()
                                  : fs::perms::owner_read | fs::perms::owner_write |
                                        fs::perms::group_read | fs::perms::others_read;
      fs::permissions(m_temporary, perms, ec);
      if (ok && ::rename(m_temporary.c_str(), m_target.c_str()) != 0) {
        ok = false;
        why = reason();
      }
      if (!ok) {
        *error = "cannot write " + m_path + ": " + why;
        return false;
      }
      m_temporary.clear();
      return true;
    }
  }
  return false;
}

bool writeStdout(const std::string& text, std::string* error) {
  std::cout << text << std::flush;
  if (std::cout) return true;
  *error = "cannot write to standard output: " + reason();
  std::cout.clear();
  return false;
}

}  // namespace eventscope::app
