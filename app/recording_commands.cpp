// eventscope inspect | events | trace: reading recordings from the command line.
#include <iostream>
#include <memory>

#include "cli_support.h"
#include "commands.h"
#include "core/io/recording_json.h"
#include "core/io/report_summary.h"
#include "core/io/units.h"
#include "output_file.h"

namespace eventscope::app {

namespace {
using core::store::Recording;

std::unique_ptr<Recording> openOrSay(const std::string& path, const char* command) {
  std::string error;
  auto recording = Recording::open(path, &error);
  if (!recording) std::cerr << "eventscope " << command << ": " << error << '\n';
  return recording;
}

int print(const std::string& text, const char* command) {
  std::string error;
  if (writeStdout(text, &error)) return kSuccess;
  std::cerr << "eventscope " << command << ": " << error << '\n';
  return kRuntimeFailure;
}

std::string seconds(core::SimTime t) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6f s", core::toSeconds(t));
  return buf;
}

std::string eventLine(const core::store::RecordedEvent& e) {
  std::string line = "#" + std::to_string(e.id) + "  " + seconds(e.t) + "  " + e.type + " on " +
                     e.topic + "/" + std::to_string(e.partition);
  if (e.key) line += "  key " + *e.key;
  if (e.schema != 1) line += "  schema " + std::to_string(e.schema);
  if (e.correlation != e.id) line += "  correlation #" + std::to_string(e.correlation);
  if (e.causation != 0) line += "  caused by #" + std::to_string(e.causation);
  return line + "  (" + e.origin + ")";
}

std::string spanLine(const core::store::RecordedSpan& s, core::SimTime since) {
  char buf[160];
  std::snprintf(
      buf, sizeof buf, "%-16s %-12s attempt %-3u %+10.3f ms .. %+10.3f ms  ", s.service.c_str(),
      s.instance < 0 ? "-" : ("instance " + std::to_string(s.instance)).c_str(), s.attempt,
      core::toSeconds(s.start - since) * 1e3, core::toSeconds(s.end - since) * 1e3);
  return buf + core::describeSpan(s);
}

int inspect(const std::string& path, bool json, bool check) {
  auto recording = openOrSay(path, "inspect");
  if (!recording) return kInvalidInput;
  core::store::RecordingSummary s;
  std::string error;
  if (check && !recording->verify(&error)) {
    std::cerr << "eventscope inspect: " << error << '\n';
    return kInvalidInput;
  }
  if (!recording->summary(s, &error)) {
    std::cerr << "eventscope inspect: " << error << '\n';
    return kInvalidInput;
  }
  if (json) return print(core::summaryToJson(s).dump(2) + "\n", "inspect");
  std::string out = path + ": recording of '" + s.scenarioName + "' (seed " +
                    std::to_string(s.seed) + "), " + s.source +
                    (s.origin.empty() ? "" : " of " + s.origin) + ", " +
                    (s.complete() ? "complete" : "INCOMPLETE (the run did not finish)") + "\n";
  out += "  recorded by eventscope " + s.appVersion + " at " + s.startedAt + "\n";
  out += "  " + std::to_string(s.events) + " events and " + std::to_string(s.attempts) +
         " attempts in " + std::to_string(s.batches) + " committed batches; events from " +
         seconds(s.firstEvent) + " to " + seconds(s.lastEvent) + "\n";
  if (s.source == "import") {
    out += "  imported events span " + core::formatSeconds(core::toSeconds(s.duration)) +
           ", metric buckets of " + core::formatDuration(s.bucketWidth) + "\n";
  } else {
    out += "  simulated " + core::formatDuration(s.duration) + " (warmup " +
           core::formatDuration(s.warmup) + "), metric buckets of " +
           core::formatDuration(s.bucketWidth) + "\n";
  }
  std::string list;
  for (const auto& t : s.topics)
    list += (list.empty() ? "" : ", ") + t;
  out += "  topics: " + list + "\n";
  list.clear();
  for (const auto& p : s.producers)
    list += (list.empty() ? "" : ", ") + p;
  out += "  producers: " + list + "\n";
  core::RunReport report;
  if (!s.reportJson.empty() &&
      core::reportFromJson(nlohmann::ordered_json::parse(s.reportJson, nullptr, false), report)) {
    out += "\n" + core::formatReportSummary(report);
  }
  return print(out, "inspect");
}

struct EventsArguments {
  std::string path, type, key, service, outcome, from, to;
  std::uint64_t correlation = 0, after = 0;
  std::size_t limit = 50;
  bool json = false;
};

int events(const EventsArguments& a) {
  core::store::EventQuery query;
  if (!a.type.empty()) query.type = a.type;
  if (!a.key.empty()) query.key = a.key;
  if (!a.service.empty()) query.service = a.service;
  if (a.correlation != 0) query.correlation = a.correlation;
  if (!a.outcome.empty()) {
    query.outcome = core::store::spanOutcomeFromName(a.outcome);
    if (!query.outcome) {
      std::cerr << "eventscope events: --outcome " << a.outcome
                << ": one of acked, failed, timed-out, redelivered, dead-lettered, discarded, "
                   "dropped, zombie-done\n";
      return kInvalidInput;
    }
  }
  for (const auto& [text, target] :
       {std::pair{&a.from, &query.from}, std::pair{&a.to, &query.to}}) {
    if (text->empty()) continue;
    std::string error;
    const auto t = core::parseDuration(*text, &error);
    if (!t) {
      std::cerr << "eventscope events: " << *text << ": " << error << '\n';
      return kInvalidInput;
    }
    *target = *t;
  }
  query.afterId = a.after;
  query.limit = a.limit;
  auto recording = openOrSay(a.path, "events");
  if (!recording) return kInvalidInput;
  core::store::EventPage page;
  std::string error;
  if (!recording->events(query, page, &error)) {
    std::cerr << "eventscope events: " << error << '\n';
    return kInvalidInput;
  }
  if (a.json) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    std::size_t next = 0;
    for (const auto& e : page.events) {
      nlohmann::ordered_json item = core::eventToJson(e);
      item["attempts"] = nlohmann::ordered_json::array();
      for (; next < page.spans.size() && page.spans[next].event == e.id; ++next) {
        item["attempts"].push_back(core::spanToJson(page.spans[next]));
      }
      list.push_back(item);
    }
    nlohmann::ordered_json out = {{"events", list}, {"more", page.more}};
    if (page.more) out["next_after"] = page.events.back().id;
    return print(out.dump(2) + "\n", "events");
  }
  std::string out;
  std::size_t next = 0;
  for (const auto& e : page.events) {
    out += eventLine(e) + "\n";
    for (; next < page.spans.size() && page.spans[next].event == e.id; ++next) {
      out += "    " + spanLine(page.spans[next], e.t) + "\n";
    }
  }
  if (page.events.empty()) out += "no events match\n";
  if (page.more) {
    out += "... more: add --after " + std::to_string(page.events.back().id) + "\n";
  }
  return print(out, "events");
}

int trace(const std::string& path, std::uint64_t correlation, bool json) {
  auto recording = openOrSay(path, "trace");
  if (!recording) return kInvalidInput;
  core::store::Trace trace;
  std::string error;
  if (!recording->trace(correlation, trace, &error)) {
    std::cerr << "eventscope trace: " << error << '\n';
    return kInvalidInput;
  }
  if (trace.events.empty()) {
    // Perhaps the id of an event inside a chain: show the chain it belongs to.
    core::store::EventPage page;
    core::store::EventQuery query{.afterId = correlation - 1, .limit = 1};
    if (correlation > 0 && recording->events(query, page, &error) && !page.events.empty() &&
        page.events[0].id == correlation) {
      std::cerr << "eventscope trace: event #" << correlation << " is part of trace #"
                << page.events[0].correlation << "; showing that trace\n";
      correlation = page.events[0].correlation;
      if (!recording->trace(correlation, trace, &error)) {
        std::cerr << "eventscope trace: " << error << '\n';
        return kInvalidInput;
      }
    }
  }
  if (trace.events.empty()) {
    std::cerr << "eventscope trace: no event has correlation id " << correlation << '\n';
    return kInvalidInput;
  }
  if (json) return print(core::traceToJson(trace).dump(2) + "\n", "trace");
  const core::SimTime start = trace.events.front().t;
  core::SimTime end = start;
  for (const auto& s : trace.spans)
    end = std::max(end, s.end);
  std::string out = "trace #" + std::to_string(correlation) + ": " +
                    std::to_string(trace.events.size()) + " events, " +
                    std::to_string(trace.spans.size()) + " attempts, " +
                    core::formatSeconds(core::toSeconds(end - start)) + " from the first publish\n";
  // The causation tree, depth first from the root, with each event's attempts under it.
  std::vector<int> depth(trace.events.size(), 0);
  for (std::size_t i = 1; i < trace.events.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (trace.events[j].id == trace.events[i].causation) depth[i] = depth[j] + 1;
    }
  }
  for (std::size_t i = 0; i < trace.events.size(); ++i) {
    const std::string indent(static_cast<std::size_t>(2 + 4 * depth[i]), ' ');
    out += indent + eventLine(trace.events[i]) + "\n";
    for (const auto& s : trace.spans) {
      if (s.event == trace.events[i].id) out += indent + "    " + spanLine(s, start) + "\n";
    }
  }
  return print(out, "trace");
}
}  // namespace

Command addInspectCommand(CLI::App& app) {
  auto path = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  auto check = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand("inspect", "Summarize a recording");
  cmd->add_option("RECORDING", *path, "Recording file")->required();
  cmd->add_flag("--json", *json, "Print JSON");
  cmd->add_flag("--check", *check,
                "Read every page to verify the file first (slow on big recordings)");
  return [path, json, check] { return inspect(*path, *json, *check); };
}

Command addEventsCommand(CLI::App& app) {
  auto a = std::make_shared<EventsArguments>();
  CLI::App* cmd = app.add_subcommand("events", "List recorded events with their attempts");
  cmd->add_option("RECORDING", a->path, "Recording file")->required();
  cmd->add_option("--type", a->type, "Only events of this type");
  cmd->add_option("--key", a->key, "Only events with this key");
  cmd->add_option("--correlation", a->correlation, "Only events of this correlation id")
      ->type_name("ID");
  cmd->add_option("--service", a->service, "Only events this service received");
  cmd->add_option("--outcome", a->outcome,
                  "Only events with an attempt that ended so: acked, failed, timed-out, "
                  "redelivered, dead-lettered, discarded, dropped, zombie-done");
  cmd->add_option("--from", a->from, "Only events published at or after this time (e.g. 10s)")
      ->type_name("TIME");
  cmd->add_option("--to", a->to, "Only events published before this time")->type_name("TIME");
  cmd->add_option("--limit", a->limit, "At most this many events (default 50)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1'000'000}));
  cmd->add_option("--after", a->after, "Start after this event id (the next page)")
      ->type_name("ID");
  cmd->add_flag("--json", a->json, "Print JSON");
  return [a] { return events(*a); };
}

Command addTraceCommand(CLI::App& app) {
  auto path = std::make_shared<std::string>();
  auto id = std::make_shared<std::uint64_t>(0);
  auto json = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand(
      "trace", "Show every event and attempt of one correlation id, as a causation tree");
  cmd->add_option("RECORDING", *path, "Recording file")->required();
  cmd->add_option("CORRELATION_ID", *id, "The correlation id (the id of the chain's first event)")
      ->required();
  cmd->add_flag("--json", *json, "Print JSON");
  return [path, id, json] { return trace(*path, *id, *json); };
}

}  // namespace eventscope::app
