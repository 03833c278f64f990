#include "core/lessons/lesson_runner.h"

#include <cmath>
#include <cstdio>

#include "core/bus/dead_letter.h"
#include "core/io/report_json.h"
#include "core/sim/engine.h"

namespace eventscope::core {

namespace {

// Keeps the dead letters of the run so a redrive can publish them again.
class DeadLetterKeeper final : public EngineObserver {
 public:
  void onDeadLettered(SimTime now, std::uint32_t service, const Event& original, FailureKind reason,
                      int attempts, std::uint64_t deadLetterId) override {
    if (deadLetterId != 0)
      letters.push_back(deadLetterOf(now, service, original, reason, attempts, deadLetterId));
  }
  std::vector<DeadLetter> letters;
};

std::string formatValue(double v) {
  if (std::isfinite(v) && v == std::round(v) && std::fabs(v) < 1e15) {
    char text[32];
    std::snprintf(text, sizeof text, "%.0f", v);
    return text;
  }
  char text[32];
  std::snprintf(text, sizeof text, "%.4g", v);
  return text;
}

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  const auto last = text.find_last_not_of(" \t");
  return first == std::string_view::npos ? std::string()
                                         : std::string(text.substr(first, last - first + 1));
}

CheckVerdict verdictOf(const LessonCheck& check, const CheckValues& values) {
  CheckVerdict verdict;
  const CheckExpression& e = check.expression;
  const std::string lhsText = trimmed(std::string_view(check.text).substr(0, e.comparisonOffset));
  const std::string op = comparisonText(e.comparison);
  const std::string rhsText =
      trimmed(std::string_view(check.text)
                  .substr(std::min(check.text.size(), e.comparisonOffset + op.size())));
  if (!values.lhs || !values.rhs) {
    verdict.sentence = "Cannot tell: " + values.problem + ".";
    return verdict;
  }
  verdict.passed = values.holds;
  const std::string rhs = formatValue(*values.rhs);
  const std::string claim =
      op + " " + rhs + (rhsText == rhs || rhsText.empty() ? "" : ", " + rhsText);
  verdict.sentence =
      lhsText + " = " + formatValue(*values.lhs) +
      (values.holds ? ", as claimed (" + claim + ")." : ", but the claim is " + claim + ".");
  return verdict;
}

}  // namespace

bool StepRun::passed() const {
  if (!errors.empty()) return false;
  for (const CheckVerdict& v : verdicts)
    if (!v.passed) return false;
  return true;
}

CheckServices checkServices(const Scenario& scenario) {
  CheckServices services;
  for (const ServiceSpec& service : scenario.services) {
    std::size_t queues = 0;
    for (const std::string& topic : service.subscribes)
      for (const TopicSpec& t : scenario.topics)
        if (t.name == topic) queues += static_cast<std::size_t>(t.partitions);
    services.names.push_back(service.name);
    services.queues.push_back(queues);
  }
  return services;
}

nlohmann::ordered_json reportShape(const Scenario& scenario) {
  Scenario moment = scenario;
  moment.duration = 1'000'000;  // 1 ms
  moment.warmup = 0;
  return reportToJson(runScenario(moment).report);
}

StepRun runLessonStep(const Lesson& lesson, std::size_t step,
                      const std::optional<ActionOverride>& override) {
  StepRun run;
  if (step >= lesson.steps.size()) {
    run.errors.push_back(
        {lesson.fileName, 0, 0, "the lesson has no step " + std::to_string(step + 1)});
    return run;
  }
  const LessonStep& spec = lesson.steps[step];
  StepScenario built = lessonScenario(lesson, step, override);
  run.errors = std::move(built.errors);
  if (!run.errors.empty() || !built.scenario) return run;
  if (!spec.run) {
    run.scenario = std::move(built.scenario);
    return run;
  }
  Scenario scenario = std::move(*built.scenario);
  scenario.duration = *spec.run;
  if (scenario.warmup >= scenario.duration) {
    run.errors.push_back({lesson.fileName, spec.pos.line, spec.pos.column,
                          "the scenario's warmup is not shorter than the step's run"});
    return run;
  }
  DeadLetterKeeper keeper;
  RunOptions options;
  options.observer = &keeper;
  for (const RedriveAction& redrive : built.redrives) {
    options.calls.push_back({redrive.at, [&keeper, name = redrive.service](Engine& engine) {
                               const auto service = engine.bus().findService(name);
                               for (const DeadLetter& letter : keeper.letters)
                                 if (service && letter.service == *service)
                                   engine.bus().redrive(letter);
                             }});
  }
  run.result = runScenario(scenario, options);
  run.report = reportToJson(run.result->report);
  const CheckServices services = checkServices(scenario);
  for (const LessonCheck& check : spec.checks) {
    // Resolved again here: an override may change what the report holds.
    CheckExpression expression = check.expression;
    CheckError error;
    if (!resolveCheck(expression, run.report, services, &error)) {
      run.verdicts.push_back({false, "Cannot tell: " + error.message + "."});
      continue;
    }
    LessonCheck resolved = check;
    resolved.expression = std::move(expression);
    run.verdicts.push_back(
        verdictOf(resolved, evaluateCheck(resolved.expression, run.report, run.result->series)));
  }
  run.scenario = std::move(scenario);
  return run;
}

ContrastRun runContrast(const Lesson& lesson, std::size_t step) {
  ContrastRun contrast;
  contrast.run = runLessonStep(lesson, step, ActionOverride{step});
  for (const CheckVerdict& v : contrast.run.verdicts)
    if (!v.passed) ++contrast.failing;
  return contrast;
}

}  // namespace eventscope::core
