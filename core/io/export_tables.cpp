// Flat exports: CSV (one row per attempt) and the topology as Graphviz DOT.
#include <nlohmann/json.hpp>

#include "core/io/export_pages.h"
#include "core/io/exporters.h"
#include "core/io/recording_json.h"

namespace eventscope::core {

namespace {
// RFC 4180: quote a field when it holds a comma, quote or line break; double inner quotes.
std::string csvField(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text)
    out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string seconds(SimTime t) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.9f", toSeconds(t));
  return buf;
}

// A DOT identifier: any name, quoted and escaped.
std::string dotId(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c == '\n' ? ' ' : c;
  }
  return out + "\"";
}
}  // namespace

bool exportCsv(const store::Recording& recording, std::ostream& out, std::string* error,
               const Progress& progress) {
  out << "event_id,time_s,type,topic,partition,schema,key,correlation_id,causation_id,origin,"
         "service,instance,attempt,start_s,end_s,outcome,detail\n";
  return forEachEventReporting(
      recording, progress,
      [&](const store::EventPage& page) {
        std::size_t next = 0;
        for (const store::RecordedEvent& e : page.events) {
          const std::string eventFields =
              std::to_string(e.id) + "," + seconds(e.t) + "," + csvField(e.type) + "," +
              csvField(e.topic) + "," + std::to_string(e.partition) + "," +
              std::to_string(e.schema) + "," + csvField(e.key.value_or("")) + "," +
              std::to_string(e.correlation) + "," +
              (e.causation == 0 ? std::string() : std::to_string(e.causation)) + "," +
              csvField(e.origin);
          bool any = false;
          for (; next < page.spans.size() && page.spans[next].event == e.id; ++next) {
            const store::RecordedSpan& s = page.spans[next];
            out << eventFields << "," << csvField(s.service) << ","
                << (s.instance < 0 ? std::string() : std::to_string(s.instance)) << "," << s.attempt
                << "," << seconds(s.start) << "," << seconds(s.end) << ","
                << store::spanOutcomeName(s.outcome) << "," << csvField(describeSpan(s)) << '\n';
            any = true;
          }
          if (!any) out << eventFields << ",,,,,,,\n";
        }
      },
      error);
}

bool exportDot(const store::Recording& recording, std::ostream& out, std::string* error,
               const Progress& progress) {
  // The topology is small: one step, though it may still be cancelled before it starts.
  if (!progress(0, 1)) {
    *error = kExportCancelled;
    return false;
  }
  const auto topology = nlohmann::json::parse(recording.meta("topology"), nullptr, false);
  if (!topology.is_object()) {
    *error = recording.path() + ": the recording has no topology to draw";
    return false;
  }
  try {
    const auto& topics = topology.value("topics", nlohmann::json::array());
    const auto& services = topology.value("services", nlohmann::json::array());
    const auto& producers = topology.value("producers", nlohmann::json::array());
    const auto topicName = [&](const nlohmann::json& index) {
      const auto i = index.get<std::size_t>();
      return "topic " +
             (i < topics.size() ? topics[i]["name"].get<std::string>() : std::to_string(i));
    };
    out << "digraph eventscope {\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n";
    for (const auto& p : producers) {
      out << "  " << dotId("producer " + p["name"].get<std::string>())
          << " [shape=box, label=" << dotId(p["name"].get<std::string>()) << ", style=rounded];\n";
    }
    for (const auto& t : topics) {
      const std::string name = t["name"].get<std::string>();
      out << "  " << dotId("topic " + name) << " [shape=cds, label="
          << dotId(name + "\n" + std::to_string(t.value("partitions", 1)) + " partition(s)")
          << "];\n";
    }
    for (const auto& s : services) {
      const std::string name = s["name"].get<std::string>();
      out << "  " << dotId("service " + name) << " [shape=box3d, label="
          << dotId(name + "\n" + s.value("delivery", std::string("shared")) + ", " +
                   std::to_string(s.value("instances", 1)) + " instance(s)")
          << "];\n";
    }
    for (const auto& p : producers) {
      out << "  " << dotId("producer " + p["name"].get<std::string>()) << " -> "
          << dotId(topicName(p["topic"])) << ";\n";
    }
    for (std::size_t t = 0; t < topics.size(); ++t) {
      for (const auto& sub : topics[t].value("subscribers", nlohmann::json::array())) {
        const auto s = sub.get<std::size_t>();
        if (s >= services.size()) continue;
        out << "  " << dotId(topicName(t)) << " -> "
            << dotId("service " + services[s]["name"].get<std::string>()) << ";\n";
      }
    }
    for (const auto& s : services) {
      const std::string from = dotId("service " + s["name"].get<std::string>());
      for (const auto& emit : s.value("emits", nlohmann::json::array())) {
        out << "  " << from << " -> " << dotId(topicName(emit)) << " [label=\"emits\"];\n";
      }
      if (s.contains("dead_letter") && !s["dead_letter"].is_null()) {
        out << "  " << from << " -> " << dotId(topicName(s["dead_letter"]))
            << " [style=dashed, color=firebrick, label=\"dead letters\"];\n";
      }
    }
    out << "}\n";
    progress(1, 1);
    return true;
  } catch (const nlohmann::json::exception& e) {
    *error = recording.path() + ": the recording's topology is damaged (" + e.what() + ")";
    return false;
  }
}

std::optional<ExportFormat> exportFormatFromName(const std::string& name) {
  if (name == "cloudevents") return ExportFormat::CloudEvents;
  if (name == "otlp") return ExportFormat::Otlp;
  if (name == "jaeger") return ExportFormat::Jaeger;
  if (name == "csv") return ExportFormat::Csv;
  if (name == "dot") return ExportFormat::Dot;
  return std::nullopt;
}

bool exportRecording(const store::Recording& recording, ExportFormat format, std::ostream& out,
                     std::string* error, const Progress& progress) {
  bool ok = false;
  switch (format) {
    case ExportFormat::CloudEvents:
      ok = exportCloudEvents(recording, out, error, progress);
      break;
    case ExportFormat::Otlp:
      ok = exportOtlp(recording, out, error, progress);
      break;
    case ExportFormat::Jaeger:
      ok = exportJaeger(recording, out, error, progress);
      break;
    case ExportFormat::Csv:
      ok = exportCsv(recording, out, error, progress);
      break;
    case ExportFormat::Dot:
      ok = exportDot(recording, out, error, progress);
      break;
  }
  out.flush();
  if (ok && !out) {
    *error = "cannot write the export";
    return false;
  }
  return ok;
}

}  // namespace eventscope::core
