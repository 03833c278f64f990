#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/lessons/check_expression.h"
#include "core/model/scenario.h"
#include "core/model/sim_time.h"

namespace eventscope::core {

// A question the learner answers before running a step.
struct Prediction {
  std::string question;
  std::vector<std::string> choices;
  int answer = 0;       // index into choices
  std::string explain;  // why that answer is right, shown after the run
};

// A claim a step makes about its run, checked by running it.
struct LessonCheck {
  std::string text;  // as written, e.g. `services.billing.duplicates_processed > 0`
  CheckExpression expression;
  std::string explain;  // what it means, shown beside the verdict
  SourcePos pos;
};

// Published again, at `at`, every dead letter `service` gave up on until then.
struct RedriveAction {
  std::string service;
  SimTime at = 0;
};

// The same step with its key change undone or replaced: the run in which its claims must not
// hold (`lesson check` runs it too; the GUI offers it as "Try it without").
struct Contrast {
  std::string summary;  // the replacement action, one line
  std::string explain;  // what differs then
};

struct LessonStep {
  std::string title;
  std::string text;  // Markdown
  std::optional<Prediction> prediction;
  bool hasAction = false;     // the step changes the model (its scenario differs from the last)
  std::string actionSummary;  // one line per change, e.g. "set services.billing.instances: 3"
  std::optional<RedriveAction> redrive;
  std::optional<SimTime> run;  // run length; absent: a step to read, with nothing to run
  std::vector<LessonCheck> checks;
  std::optional<Contrast> contrast;
  SourcePos pos;
};

// A lesson file (format 1): a scenario and steps that change and run it. The scenario of each
// step is made on demand from the file's text (lessonScenario), so a lesson is cheap to copy.
struct Lesson {
  std::string id;  // file name without directory and extension, e.g. "01-loose-coupling"
  std::string fileName;
  std::string text;  // the whole file, kept to rebuild step scenarios with their positions
  std::string title;
  std::string conceptName;  // `concept:` in the file
  std::string narrative;    // Markdown
  std::vector<LessonStep> steps;
};

}  // namespace eventscope::core
