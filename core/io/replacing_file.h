#pragma once

#include <string>

namespace eventscope::core {

// A file written under a temporary name beside its target and renamed over it only when
// complete (fsync first, the permissions of a file already there kept), so whatever stops the
// work half way — a failure, a cancel, a crash of this process before commit — leaves the
// target as it was and no temporary behind (the destructor removes it).
class ReplacingFile {
 public:
  ReplacingFile() = default;
  ReplacingFile(const ReplacingFile&) = delete;
  ReplacingFile& operator=(const ReplacingFile&) = delete;
  ~ReplacingFile();

  // Picks (and creates, empty) a unique temporary beside `target`; symlinks to the target are
  // followed, so the file they point to is the one replaced.
  bool prepare(const std::string& target, std::string* error);
  const std::string& temporaryPath() const { return m_temporary; }
  const std::string& targetPath() const { return m_target; }

  // Syncs the temporary and renames it over the target.
  bool commit(std::string* error);
  // Removes the temporary now (the destructor would).
  void discard();

 private:
  std::string m_path;       // as given, for messages
  std::string m_target;     // symlinks resolved
  std::string m_temporary;  // empty once committed or discarded
};

}  // namespace eventscope::core
