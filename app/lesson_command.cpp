// eventscope lesson list | eventscope lesson check (NAME | --all)
#include <iostream>
#include <memory>
#include <sstream>

#include "cli_support.h"
#include "commands.h"
#include "core/io/units.h"
#include "core/lessons/lesson_library.h"
#include "core/lessons/lesson_reader.h"
#include "core/lessons/lesson_runner.h"
#include "output_file.h"

namespace eventscope::app {

namespace {

struct LessonOptions {
  std::vector<std::string> names;
  bool all = false;
};

std::optional<std::filesystem::path> directoryOrSay() {
  const auto directory = core::lessonDirectory();
  if (!directory)
    std::cerr << "eventscope lesson: no lessons found: set EVENTSCOPE_LESSONS to their directory\n";
  return directory;
}

int list() {
  const auto directory = directoryOrSay();
  if (!directory) return kRuntimeFailure;
  std::string out;
  int status = kSuccess;
  for (const std::filesystem::path& file : core::listLessonFiles(*directory)) {
    const core::LessonReadResult read = core::readLessonFile(file.string());
    if (!read.ok()) {
      printDiagnostics(read.errors);
      status = kInvalidInput;
      continue;
    }
    const core::Lesson& lesson = *read.lesson;
    out += lesson.id + "\n    " + lesson.title + " (" + lesson.conceptName + "; " +
           std::to_string(lesson.steps.size()) + " steps)\n";
  }
  std::string error;
  if (!writeStdout(out, &error)) {
    std::cerr << "eventscope lesson list: " << error << '\n';
    return kRuntimeFailure;
  }
  return status;
}

// Runs every step of one lesson, printing each check's verdict; counts into passed/failed.
bool checkLesson(const core::Lesson& lesson, std::size_t& passed, std::size_t& failed) {
  std::ostringstream out;
  out << lesson.id << ": " << lesson.title << '\n';
  bool ok = true;
  for (std::size_t i = 0; i < lesson.steps.size(); ++i) {
    const core::LessonStep& step = lesson.steps[i];
    if (!step.run) continue;
    const core::StepRun run = core::runLessonStep(lesson, i);
    out << "  step " << i + 1 << (step.title.empty() ? "" : ": " + step.title) << " (run "
        << core::formatDuration(*step.run) << ")\n";
    for (const core::Diagnostic& d : run.errors)
      out << "    error: " << d.format() << '\n';
    if (!run.errors.empty()) {
      ok = false;
      ++failed;
    }
    for (std::size_t c = 0; c < run.verdicts.size(); ++c) {
      const core::CheckVerdict& v = run.verdicts[c];
      out << (v.passed ? "    pass  " : "    FAIL  ") << step.checks[c].text << "\n          "
          << v.sentence << '\n';
      (v.passed ? passed : failed) += 1;
      ok = ok && v.passed;
    }
    if (step.contrast) {
      // The claims must depend on the step's change: without it, some check must fail.
      const core::ContrastRun contrast = core::runContrast(lesson, i);
      for (const core::Diagnostic& d : contrast.run.errors)
        out << "    error: " << d.format() << '\n';
      out << (contrast.contradicts() ? "    pass  " : "    FAIL  ") << "contrast "
          << step.contrast->summary << "\n          " << contrast.failing << " of "
          << step.checks.size() << " checks fail without the step's change"
          << (contrast.contradicts() ? ", as they should" : ": the claims do not depend on it")
          << ".\n";
      (contrast.contradicts() ? passed : failed) += 1;
      ok = ok && contrast.contradicts();
    }
  }
  std::cout << out.str() << std::flush;
  return ok;
}

int check(const LessonOptions& options) {
  std::vector<std::filesystem::path> files;
  std::optional<std::filesystem::path> directory;
  if (options.all || !options.names.empty()) directory = core::lessonDirectory();
  if (options.all) {
    if (!directory) return directoryOrSay() ? kSuccess : kRuntimeFailure;
    files = core::listLessonFiles(*directory);
    if (files.empty()) {
      std::cerr << "eventscope lesson check: no lessons in " << directory->string() << '\n';
      return kRuntimeFailure;
    }
  }
  for (const std::string& name : options.names) {
    const auto found = core::findLesson(directory.value_or("."), name);
    if (!found) {
      std::cerr << "eventscope lesson check: no lesson named '" << name
                << "'; 'eventscope lesson list' shows them\n";
      return kInvalidInput;
    }
    files.push_back(*found);
  }
  std::size_t passed = 0, failed = 0, broken = 0;
  for (const std::filesystem::path& file : files) {
    const core::LessonReadResult read = core::readLessonFile(file.string());
    if (!read.ok()) {
      printDiagnostics(read.errors);
      ++broken;
      continue;
    }
    checkLesson(*read.lesson, passed, failed);
  }
  std::cout << files.size() << (files.size() == 1 ? " lesson: " : " lessons: ") << passed
            << " checks passed, " << failed << " failed";
  if (broken > 0) std::cout << ", " << broken << " could not be read";
  std::cout << '\n';
  if (broken > 0) return kInvalidInput;
  return failed > 0 ? kRuntimeFailure : kSuccess;
}

}  // namespace

Command addLessonCommand(CLI::App& app) {
  auto options = std::make_shared<LessonOptions>();
  CLI::App* lesson = app.add_subcommand(
      "lesson", "The guided lessons: list them, or run every step headless and check its claims");
  lesson->require_subcommand(1, 1);
  lesson->footer(
      "Lessons are read from $EVENTSCOPE_LESSONS if it is set, else from share/eventscope/lessons "
      "of the prefix eventscope is installed in, else from the source tree it was built from. In "
      "the desktop GUI: Help > Lessons.");
  CLI::App* listing = lesson->add_subcommand("list", "List the lessons, in order");
  CLI::App* checking = lesson->add_subcommand(
      "check",
      "Run every step of lessons headless and print each check's verdict; exit status 1 if any "
      "check fails, 2 if a lesson file has errors (FILE:LINE:COL: error: MESSAGE)");
  checking->add_option("NAME", options->names,
                       "Lessons: an id (08-ordering), a number (8), a name (ordering) or a file");
  checking->add_flag("--all", options->all, "Check every lesson");
  checking->callback([options] {
    if (options->all == !options->names.empty())
      throw CLI::ValidationError("lesson check", "give lesson names or --all (one of the two)");
  });
  return [listing, options] { return listing->parsed() ? list() : check(*options); };
}

}  // namespace eventscope::app
