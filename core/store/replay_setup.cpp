#include "core/store/replay_setup.h"

#include <algorithm>

#include "core/io/units.h"

namespace eventscope::core::store {

namespace {
constexpr std::size_t kMaxTypes = 4096;
}  // namespace

bool prepareReplay(const Recording& recording, Scenario& scenario, std::vector<std::string>& notes,
                   std::string* error) {
  RecordingSummary summary;
  if (!recording.summary(summary, error)) return false;
  // The engine numbers event types in 16 bits and looks them up by name: a hostile or odd
  // recording with a huge number of them is refused rather than replayed for hours.
  if (const std::size_t types = recording.names(NameKind::EventType).size(); types > kMaxTypes) {
    *error = "the recording has " + std::to_string(types) +
             " event types; a replay takes at most " + std::to_string(kMaxTypes);
    return false;
  }
  std::vector<std::string> topics;
  if (!recording.externalInputTopics(topics, error)) return false;
  std::vector<std::string> missing;
  for (const std::string& topic : topics) {
    if (scenario.findTopic(topic) == nullptr) missing.push_back("'" + topic + "'");
  }
  if (!missing.empty()) {
    std::string list;
    for (const std::string& name : missing)
      list += (list.empty() ? "" : ", ") + name;
    *error = "the recording's inputs go to " +
             std::string(missing.size() == 1 ? "topic " : "topics ") + list +
             ", which the scenario does not have";
    return false;
  }
  if (summary.duration <= scenario.warmup) {
    *error = "the recording covers " + formatDuration(summary.duration) +
             ", no longer than the scenario's warmup (" + formatDuration(scenario.warmup) + ")";
    return false;
  }
  if (summary.source == "import") {
    // An import spans its first to its last event and has no seed: the scenario may run on
    // for its events to drain, with its own seed.
    scenario.duration = std::max(scenario.duration, summary.duration);
  } else {
    scenario.duration = summary.duration;
    scenario.seed = summary.seed;
  }

  const auto count = [&](FaultSpec::Kind kind) {
    return std::count_if(scenario.faults.begin(), scenario.faults.end(),
                         [&](const FaultSpec& f) { return f.kind == kind; });
  };
  if (count(FaultSpec::Kind::Inject) > 0) {
    notes.push_back(
        "the scenario's inject faults are left out: the recording's injected events are among "
        "its inputs");
  }
  if (count(FaultSpec::Kind::Pause) > 0) {
    notes.push_back("a paused producer's recorded inputs are skipped while it is paused");
  }
  if (!summary.complete()) {
    notes.push_back("the recording is incomplete: only the inputs it holds are replayed");
  }
  return true;
}

}  // namespace eventscope::core::store
