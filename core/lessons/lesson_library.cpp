#include "core/lessons/lesson_library.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <system_error>

namespace eventscope::core {

namespace {

bool isDirectory(const std::filesystem::path& path) {
  std::error_code ec;
  return std::filesystem::is_directory(path, ec);
}

// "08-ordering" -> 8 and "ordering"; an id without a number gives 0 and itself.
std::pair<int, std::string> splitId(const std::string& id) {
  std::size_t digits = 0;
  while (digits < id.size() && std::isdigit(static_cast<unsigned char>(id[digits])))
    ++digits;
  if (digits == 0 || digits > 6 || digits >= id.size() || id[digits] != '-') return {0, id};
  return {std::stoi(id.substr(0, digits)), id.substr(digits + 1)};
}

}  // namespace

std::optional<std::filesystem::path> lessonDirectory() {
  if (const char* env = std::getenv("EVENTSCOPE_LESSONS"); env && *env) {
    return std::filesystem::path(env);
  }
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const std::filesystem::path installed =
        exe.parent_path().parent_path() / "share" / "eventscope" / "lessons";
    if (isDirectory(installed)) return installed;
  }
#ifdef EVENTSCOPE_SOURCE_RESOURCES
  const std::filesystem::path source =
      std::filesystem::path(EVENTSCOPE_SOURCE_RESOURCES) / "lessons";
  if (isDirectory(source)) return source;
#endif
  return std::nullopt;
}

std::vector<std::filesystem::path> listLessonFiles(const std::filesystem::path& directory) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(directory, ec), end; !ec && it != end;
       it.increment(ec)) {
    if (it->path().extension() == ".yaml" && it->is_regular_file(ec)) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::optional<std::filesystem::path> findLesson(const std::filesystem::path& directory,
                                                const std::string& name) {
  std::error_code ec;
  if (name.find('/') != std::string::npos || std::filesystem::is_regular_file(name, ec))
    return std::filesystem::path(name);
  const auto [number, word] = splitId(name);
  const bool numeric = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
  for (const std::filesystem::path& file : listLessonFiles(directory)) {
    const std::string id = file.stem().string();
    const auto [fileNumber, fileWord] = splitId(id);
    if (id == name || fileWord == name || (numeric && fileNumber == std::atoi(name.c_str())))
      return file;
  }
  return std::nullopt;
}

}  // namespace eventscope::core
