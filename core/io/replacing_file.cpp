#include "core/io/replacing_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace eventscope::core {

namespace fs = std::filesystem;

namespace {
std::string reason() {
  return std::strerror(errno);
}
}  // namespace

ReplacingFile::~ReplacingFile() {
  discard();
}

bool ReplacingFile::prepare(const std::string& target, std::string* error) {
  discard();
  m_path = target;
  std::error_code ec;
  m_target = fs::weakly_canonical(fs::path(target), ec).string();
  if (ec) m_target = target;
  if (fs::is_directory(m_target, ec)) {
    *error = "cannot write " + target + ": it is a directory";
    return false;
  }
  std::string pattern = m_target + ".XXXXXX";
  const int fd = ::mkstemp(pattern.data());
  if (fd < 0) {
    *error = "cannot write " + target + ": " + reason();
    return false;
  }
  ::close(fd);
  m_temporary = pattern;
  return true;
}

bool ReplacingFile::commit(std::string* error) {
  if (m_temporary.empty()) {
    *error = "cannot write " + m_path + ": nothing was prepared";
    return false;
  }
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

void ReplacingFile::discard() {
  if (m_temporary.empty()) return;
  ::unlink(m_temporary.c_str());
  m_temporary.clear();
}

}  // namespace eventscope::core
