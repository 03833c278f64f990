// RunController::redrive on the worker thread: dead letters of the live run published again.
#include <map>
#include <string>

#include "core/io/report_summary.h"
#include "ui/controller/live_session.h"
#include "ui/controller/run_controller.h"

namespace eventscope::ui {

namespace {
// "3 events" / "1 event".
std::string events(std::size_t count) {
  return std::to_string(count) + (count == 1 ? " event" : " events");
}

// Up to three reasons, then how many more: a selection of thousands stays one readable line.
std::string joinReasons(const std::vector<std::string>& reasons) {
  std::string text;
  for (std::size_t i = 0; i < reasons.size() && i < 3; ++i)
    text += (i == 0 ? "" : "; ") + reasons[i];
  if (reasons.size() > 3) text += "; and " + std::to_string(reasons.size() - 3) + " more";
  return text;
}
}  // namespace

void RunController::applyRedrive(const std::vector<std::uint64_t>& ids) {
  if (!m_session) {
    refuse("Redrive needs a live run");
    return;
  }
  if (ids.empty()) {
    refuse("No dead letter selected to redrive");
    return;
  }
  if (m_session->engine->finished()) {
    refuse("The run has finished: reset it, run to the time you want, then redrive");
    return;
  }
  core::Bus& bus = m_session->engine->bus();
  DeadLetterObserver& letters = m_session->deadLetters;
  const core::SimTime now = m_session->engine->now();
  std::vector<std::string> refusals;
  std::map<std::string, std::size_t> published, waiting;  // by original topic
  for (std::uint64_t id : ids) {
    const DeadLetterEntry* entry = letters.find(id);
    if (entry == nullptr) {
      refusals.push_back(
          "event " + std::to_string(id) + " is not a dead letter of this run" +
          (letters.total() > letters.size()
               ? " (or older than the last " + std::to_string(letters.size()) + " kept)"
               : ""));
      continue;
    }
    if (entry->redrivenAt) {
      refusals.push_back("event " + std::to_string(id) + " was already redriven at " +
                         core::formatSeconds(core::toSeconds(*entry->redrivenAt)));
      continue;
    }
    const core::DeadLetter letter = entry->letter;  // publishing notifies the observer
    const core::TopicState& topic = bus.topics()[letter.topic];
    const std::uint64_t as = bus.redrive(letter);
    if (as == 0 && topic.overflow != core::Overflow::Block) {
      refusals.push_back("event " + std::to_string(id) + ": '" + topic.name +
                         "' is full and refused it");
      continue;
    }
    letters.markRedriven(id, now, as);
    ++(as != 0 ? published : waiting)[topic.name];
  }
  if (!refusals.empty()) refuse("Not redriven: " + joinReasons(refusals));
  if (published.empty() && waiting.empty()) return;
  logIntervention({.redrive = ids});
  std::string description;
  for (const auto& [topic, count] : published)
    description += (description.empty() ? "redrove " : ", ") + events(count) + " to " + topic;
  for (const auto& [topic, count] : waiting) {
    description += (description.empty() ? "redrove " : ", ") + events(count) + " to " + topic +
                   " (waiting for room: the topic is full)";
  }
  applied(description);
}

}  // namespace eventscope::ui
