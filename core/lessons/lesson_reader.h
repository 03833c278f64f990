#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/io/diagnostic.h"
#include "core/lessons/lesson.h"

namespace eventscope::core {

struct LessonReadResult {
  std::optional<Lesson> lesson;  // set only when there are no errors
  Diagnostics errors;            // every problem, sorted by position

  bool ok() const { return lesson.has_value() && errors.empty(); }
};

// Reads a lesson (format 1, see the README) and checks everything it refers to: each step's
// scenario (with the actions so far) must read, and each check must name figures and series
// that step's run will have. `fileName` is used in diagnostics and gives the lesson its id.
LessonReadResult parseLesson(std::string_view text, const std::string& fileName);

LessonReadResult readLessonFile(const std::string& path);

}  // namespace eventscope::core
