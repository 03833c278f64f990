#include "core/lessons/lesson_reader.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <tuple>

#include "core/io/map_fields.h"
#include "core/io/scenario_map_reader.h"
#include "core/io/scenario_sections.h"
#include "core/io/source_text.h"
#include "core/io/yaml_values.h"
#include "core/lessons/lesson_runner.h"
#include "core/lessons/lesson_scenario.h"
#include "core/model/limits.h"
#include "core/model/run_size.h"

namespace eventscope::core {

namespace {

using detail::Field;
using detail::MapFields;
using detail::ReadContext;

constexpr std::size_t kMaxSteps = 50;
constexpr std::size_t kMaxChecks = 50;
// Producers may publish at most this many events in one step's run (a few seconds of engine).
constexpr double kMaxEventsPerStep = 2e7;

const std::vector<std::string> kLessonKeys{"lesson",    "title",    "concept",
                                           "narrative", "scenario", "steps"};
const std::vector<std::string> kStepKeys{"title", "text",   "predict", "action",
                                         "run",   "checks", "contrast"};
const std::vector<std::string> kContrastKeys{"action", "explain"};
const std::vector<std::string> kPredictKeys{"question", "choices", "answer", "explain"};
const std::vector<std::string> kCheckKeys{"expect", "explain"};

std::string readTextField(ReadContext& context, const MapFields& map, std::string_view key,
                          std::string_view owner, bool required) {
  const Field* f = required ? map.require(key, owner) : map.find(key);
  if (!f) return {};
  return detail::readText(context, *f).value_or("");
}

// Where a character of a scalar's text is written: a plain scalar starts at its mark, a quoted
// one a character later. Checks are one line, so columns add up.
SourcePos positionInScalar(ReadContext& context, const Field& field, std::size_t offset) {
  SourcePos pos = field.valuePos;
  const YAML::Mark mark = field.value.Mark();
  const std::size_t at = mark.pos >= 0 ? static_cast<std::size_t>(mark.pos) : 0;
  if (mark.pos >= 0 && at < context.text().size() &&
      (context.text()[at] == '"' || context.text()[at] == '\''))
    pos.column += 1;
  pos.column += static_cast<int>(offset);
  return pos;
}

void readPrediction(ReadContext& context, const Field& field, LessonStep& step) {
  const auto map =
      detail::readMap(context, field, "'predict: {question: ..., choices: [a, b], answer: 1}'");
  if (!map) return;
  map->rejectUnknown(kPredictKeys, "in 'predict'");
  Prediction p;
  p.question = readTextField(context, *map, "question", "'predict'", true);
  p.explain = readTextField(context, *map, "explain", "'predict'", false);
  if (const Field* f = map->require("choices", "'predict'")) {
    if (const auto items = detail::readItems(context, *f, false, "answers to choose from")) {
      for (const detail::Item& item : *items)
        p.choices.push_back(
            detail::readText(context, detail::itemField("each choice", item)).value_or(""));
      if (p.choices.size() < 2)
        context.error(f->valuePos, "'choices' must offer at least two answers");
    }
  }
  if (const Field* f = map->require("answer", "'predict'")) {
    const auto answer = detail::readInteger(
        context, *f, 1, std::max<std::int64_t>(1, static_cast<std::int64_t>(p.choices.size())));
    if (answer) p.answer = static_cast<int>(*answer) - 1;
  }
  step.prediction = std::move(p);
}

void readChecks(ReadContext& context, const Field& field, LessonStep& step) {
  const auto items = detail::readItems(context, field, false, "checks");
  if (!items) return;
  if (items->size() > kMaxChecks) {
    context.error(field.valuePos, "a step holds at most " + std::to_string(kMaxChecks) + " checks");
    return;
  }
  for (const detail::Item& item : *items) {
    LessonCheck check;
    check.pos = item.pos;
    std::optional<Field> expect;
    if (item.node.IsMap()) {
      const MapFields map(context, item.node);
      map.rejectUnknown(kCheckKeys, "in a check");
      if (const Field* f = map.require("expect", "each check")) expect = *f;
      check.explain = readTextField(context, map, "explain", "each check", false);
    } else {
      expect = detail::itemField("each check", item);
    }
    if (!expect) continue;
    const auto text = detail::readName(context, *expect);
    if (!text) continue;
    check.text = *text;
    CheckError error;
    auto parsed = parseCheck(check.text, &error);
    if (!parsed) {
      context.error(positionInScalar(context, *expect, error.offset), error.message);
      continue;
    }
    check.expression = std::move(*parsed);
    check.pos = positionInScalar(context, *expect, 0);
    step.checks.push_back(std::move(check));
  }
}

// A one-line summary of an action for the GUI and `lesson check`.
std::string summarize(const YAML::Node& action) {
  if (!action.IsMap() || action.size() == 0) return "no change";
  YAML::Emitter out;
  out.SetMapFormat(YAML::Flow);
  out.SetSeqFormat(YAML::Flow);
  out << action;
  return out.good() ? std::string(out.c_str()) : std::string();
}

void readStep(ReadContext& context, const MapFields& map, Lesson& lesson) {
  LessonStep step;
  step.pos = map.position();
  map.rejectUnknown(kStepKeys, "in a step");
  step.title = readTextField(context, map, "title", "each step", false);
  step.text = readTextField(context, map, "text", "each step", true);
  if (const Field* f = map.find("predict")) readPrediction(context, *f, step);
  if (const Field* f = map.find("action")) {
    step.hasAction = f->value.IsMap() && f->value.size() > 0;
    step.actionSummary = summarize(f->value);
  }
  if (const Field* f = map.find("run")) {
    step.run = detail::readDuration(context, *f, false);
  }
  if (const Field* f = map.find("checks")) {
    if (!map.find("run")) context.error(f->keyPos, "a step with checks needs 'run' (how long)");
    readChecks(context, *f, step);
  }
  if (const Field* f = map.find("contrast")) {
    if (const auto contrast =
            detail::readMap(context, *f, "'contrast: {action: {}, explain: ...}'")) {
      contrast->rejectUnknown(kContrastKeys, "in 'contrast'");
      Contrast c;
      if (const Field* action = contrast->require("action", "'contrast'"))
        c.summary = summarize(action->value);
      c.explain = readTextField(context, *contrast, "explain", "'contrast'", false);
      if (step.checks.empty())
        context.error(f->keyPos, "a contrast needs checks to contradict: add 'checks'");
      step.contrast = std::move(c);
    }
  }
  lesson.steps.push_back(std::move(step));
}

// Each step's scenario must read and its checks must name what its run will have. An error in
// the lesson's scenario would show once per step: it is reported once.
void checkSteps(Lesson& lesson, Diagnostics& errors) {
  std::set<std::tuple<int, int, std::string>> seen;
  for (std::size_t i = 0; i < lesson.steps.size(); ++i) {
    StepScenario built = lessonScenario(lesson, i);
    for (const Diagnostic& d : built.errors)
      if (seen.insert({d.line, d.column, d.message}).second) errors.push_back(d);
    if (lesson.steps[i].contrast) {
      // The contrast's action must apply too; its run is checked by `lesson check`.
      for (const Diagnostic& d : lessonScenario(lesson, i, ActionOverride{i}).errors)
        if (seen.insert({d.line, d.column, d.message}).second) errors.push_back(d);
    }
    if (!built.ok()) continue;
    LessonStep& step = lesson.steps[i];
    if (step.run) {
      // A lesson step is a short run: a run length that would take minutes is a mistake.
      Scenario sized = *built.scenario;
      sized.duration = *step.run;
      for (const Diagnostic& d : checkRunSize(sized, lesson.fileName, kMaxEventsPerStep, "run"))
        if (seen.insert({d.line, d.column, d.message}).second) errors.push_back(d);
    }
    if (step.checks.empty()) continue;
    const nlohmann::ordered_json shape = reportShape(*built.scenario);
    const CheckServices services = checkServices(*built.scenario);
    for (LessonCheck& check : step.checks) {
      CheckError error;
      if (!resolveCheck(check.expression, shape, services, &error)) {
        errors.push_back({lesson.fileName, check.pos.line,
                          check.pos.column + static_cast<int>(error.offset), error.message});
      }
    }
  }
}

}  // namespace

LessonReadResult parseLesson(std::string_view text, const std::string& fileName) {
  LessonReadResult result;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (const auto bad = firstInvalidUtf8(text)) {
    const SourcePos pos = positionAt(text, *bad);
    result.errors.push_back({fileName, pos.line, pos.column, "file is not UTF-8 text"});
    return result;
  }
  Lesson lesson;
  lesson.fileName = fileName;
  lesson.id = std::filesystem::path(fileName).stem().string();
  lesson.text = std::string(text);
  ReadContext context(lesson.text, fileName);
  const std::vector<YAML::Node> documents = detail::loadYamlDocuments(context, lesson.text);
  if (context.errorCount() == 0) {
    if (documents.empty() || !documents.front().IsMap()) {
      context.error({1, 1}, "a lesson is a map of keys that starts with 'lesson: 1'");
    } else {
      const MapFields top(context, documents.front());
      top.rejectUnknown(kLessonKeys, "");
      if (const Field* f = top.require("lesson", "the lesson (its format version)")) {
        if (detail::readInteger(context, *f, 1, 1) == std::nullopt) {
          // reported: this build reads format 1
        }
      }
      lesson.title = readTextField(context, top, "title", "the lesson", true);
      lesson.conceptName = readTextField(context, top, "concept", "the lesson", true);
      lesson.narrative = readTextField(context, top, "narrative", "the lesson", true);
      if (const Field* f = top.require("scenario", "the lesson")) {
        if (!f->value.IsMap())
          context.error(f->valuePos, "'scenario' must be a scenario map (eventscope: 1, ...)");
      }
      if (const Field* f = top.require("steps", "the lesson")) {
        detail::forEachEntry(context, *f, "step", "'- {text: ..., run: 30s, checks: [...]}'",
                             [&](const MapFields& step, std::size_t) {
                               if (lesson.steps.size() < kMaxSteps) readStep(context, step, lesson);
                             });
        if (lesson.steps.size() >= kMaxSteps)
          context.error(f->keyPos,
                        "a lesson holds at most " + std::to_string(kMaxSteps) + " steps");
      }
    }
  }
  result.errors = context.takeErrors();
  if (result.errors.empty()) checkSteps(lesson, result.errors);
  std::stable_sort(result.errors.begin(), result.errors.end(), [](const auto& a, const auto& b) {
    return std::tie(a.line, a.column) < std::tie(b.line, b.column);
  });
  if (result.errors.empty()) result.lesson = std::move(lesson);
  return result;
}

LessonReadResult readLessonFile(const std::string& path) {
  LessonReadResult result;
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    result.errors.push_back({path, 0, 0, "is a directory, not a lesson file"});
    return result;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    result.errors.push_back({path, 0, 0, "cannot open the file"});
    return result;
  }
  std::string text;
  char buffer[1 << 16];
  while (in && text.size() <= limits::kMaxFileBytes) {
    in.read(buffer, sizeof buffer);
    text.append(buffer, static_cast<std::size_t>(in.gcount()));
  }
  if (text.size() > limits::kMaxFileBytes) {
    result.errors.push_back({path, 0, 0, "the file is too large for a lesson"});
    return result;
  }
  return parseLesson(text, path);
}

}  // namespace eventscope::core
