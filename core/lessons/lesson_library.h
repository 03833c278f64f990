#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace eventscope::core {

// Where lessons are read from: $EVENTSCOPE_LESSONS if set, else share/eventscope/lessons of
// the prefix the running program is installed in, else the source tree's resources/lessons
// (a program run from its build directory).
std::optional<std::filesystem::path> lessonDirectory();

// The lesson files of a directory (*.yaml), in order of their names ("01-...", "02-...").
std::vector<std::filesystem::path> listLessonFiles(const std::filesystem::path& directory);

// The lesson `name` stands for: a file path, an id ("08-ordering"), its number ("8") or the id
// without its number ("ordering"). Empty when nothing matches.
std::optional<std::filesystem::path> findLesson(const std::filesystem::path& directory,
                                                const std::string& name);

}  // namespace eventscope::core
