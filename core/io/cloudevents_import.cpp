#include "core/io/cloudevents_import.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unordered_map>

#include "core/bus/key_table.h"
#include "core/io/timestamps.h"
#include "core/metrics/time_series.h"
#include "core/store/recording_writer.h"
#include "core/store/schema.h"

namespace eventscope::core {

namespace {
constexpr std::size_t kMaxErrors = 100;

// One CloudEvent as read, before ids are assigned.
struct Incoming {
  std::size_t line = 0;
  std::int64_t time = 0;  // Unix ns; events without `time` get their predecessor's
  bool timed = false;
  std::string id, source, type, topic, key, traceparent, correlationId, causationId, payload;
  std::uint32_t partition = 0, schema = 1;
};

// A text's top-level JSON values: one per non-empty line (JSON Lines), or the elements of one
// array (a batch), each with the line and column where it starts.
struct Piece {
  std::string_view text;
  std::size_t line = 1, column = 1;
};

std::size_t lineOf(std::string_view text, std::size_t offset, std::size_t& column) {
  std::size_t line = 1, lineStart = 0;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      lineStart = i + 1;
    }
  }
  column = offset - lineStart + 1;
  return line;
}

// The end of the JSON value starting at `at` (strings and nesting honoured), or npos.
std::size_t valueEnd(std::string_view text, std::size_t at) {
  int depth = 0;
  bool inString = false;
  for (std::size_t i = at; i < text.size(); ++i) {
    const char c = text[i];
    if (inString) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        inString = false;
        if (depth == 0) return i + 1;
      }
      continue;
    }
    if (c == '"') {
      inString = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (depth == 0) return i;  // the end of a number or literal, and of its container
      if (--depth == 0) return i + 1;
    } else if (depth == 0 && (c == ',' || c == '\n' || c == ' ' || c == '\t' || c == '\r')) {
      return i;
    }
  }
  return depth == 0 && !inString ? text.size() : std::string_view::npos;
}

bool splitBatch(std::string_view text, std::vector<Piece>& pieces, Diagnostics& errors,
                const std::string& file) {
  std::size_t i = text.find('[') + 1;
  const auto skip = [&] {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])))
      ++i;
  };
  skip();
  if (i < text.size() && text[i] == ']') return true;
  while (i < text.size()) {
    skip();
    const std::size_t end = valueEnd(text, i);
    std::size_t column = 1;
    const std::size_t line = lineOf(text, i, column);
    if (end == std::string_view::npos) {
      errors.push_back({file, static_cast<int>(line), static_cast<int>(column),
                        "this event never ends (a bracket or quote is not closed)"});
      return false;
    }
    pieces.push_back({text.substr(i, end - i), line, column});
    i = end;
    skip();
    if (i >= text.size()) break;
    if (text[i] == ',') {
      ++i;
      continue;
    }
    if (i < text.size() && text[i] == ']') return true;
    std::size_t c = 1;
    const std::size_t l = lineOf(text, i, c);
    errors.push_back({file, static_cast<int>(l), static_cast<int>(c),
                      "expected ',' or ']' between the events of the batch"});
    return false;
  }
  std::size_t column = 1;
  const std::size_t line = lineOf(text, text.find('['), column);
  errors.push_back({file, static_cast<int>(line), static_cast<int>(column),
                    "the batch's '[' is never closed with ']'"});
  return false;
}

void splitLines(std::string_view text, std::vector<Piece>& pieces) {
  std::size_t line = 1, start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view piece = text.substr(start, end - start);
    const std::size_t first = piece.find_first_not_of(" \t\r");
    if (first != std::string_view::npos) pieces.push_back({piece.substr(first), line, first + 1});
    if (end == text.size()) break;
    start = end + 1;
    ++line;
  }
}

std::optional<std::string> stringAttribute(const nlohmann::json& e, const char* name,
                                           std::string& problem) {
  if (!e.contains(name)) return std::nullopt;
  const auto& v = e[name];
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return std::to_string(v.get<std::int64_t>());  // a lenient extension
  problem = std::string("'") + name + "' must be a string";
  return std::nullopt;
}

// Reads one event; returns the problem ("" when good).
std::string readEvent(const nlohmann::json& e, Incoming& out) {
  if (!e.is_object()) return "an event must be a JSON object";
  std::string problem;
  for (const char* required : {"specversion", "id", "source", "type"}) {
    if (!e.contains(required)) return std::string("missing required attribute '") + required + "'";
  }
  const auto spec = stringAttribute(e, "specversion", problem);
  if (!problem.empty()) return problem;
  if (spec != "1.0")
    return "'specversion' is '" + spec.value_or("") + "'; this reads CloudEvents 1.0";
  for (auto [name, target] :
       {std::pair{"id", &out.id}, std::pair{"source", &out.source}, std::pair{"type", &out.type}}) {
    *target = stringAttribute(e, name, problem).value_or("");
    if (!problem.empty()) return problem;
    if (target->empty()) return std::string("'") + name + "' must not be empty";
  }
  if (const auto time = stringAttribute(e, "time", problem)) {
    const auto parsed = parseRfc3339(*time);
    if (!parsed) return "'time' is not an RFC 3339 timestamp: '" + *time + "'";
    out.time = *parsed;
    out.timed = true;
  }
  if (!problem.empty()) return problem;
  const auto topic = stringAttribute(e, "eventscopetopic", problem);
  const auto subject = stringAttribute(e, "subject", problem);
  if (!problem.empty()) return problem;
  out.topic = topic ? *topic : subject ? *subject : out.source;
  out.key = stringAttribute(e, "partitionkey", problem).value_or("");
  out.traceparent = stringAttribute(e, "traceparent", problem).value_or("");
  out.correlationId = stringAttribute(e, "correlationid", problem).value_or("");
  out.causationId = stringAttribute(e, "causationid", problem).value_or("");
  if (!problem.empty()) return problem;
  for (auto [name, target, limit] : {std::tuple{"eventscopepartition", &out.partition, 4095u},
                                     std::tuple{"schemaversion", &out.schema, 1'000'000u}}) {
    if (!e.contains(name)) continue;
    const auto& v = e[name];
    std::int64_t n = -1;
    if (v.is_number_integer()) {
      n = v.get<std::int64_t>();
    } else if (v.is_string()) {
      try {
        n = std::stoll(v.get<std::string>());
      } catch (const std::exception&) {
      }
    }
    if (n < 0 || n > limit)
      return std::string("'") + name + "' must be a whole number up to " + std::to_string(limit);
    *target = static_cast<std::uint32_t>(n);
  }
  if (e.contains("data")) {
    out.payload = e["data"].dump();
  } else if (e.contains("data_base64")) {
    out.payload = nlohmann::json{{"data_base64", e["data_base64"]}}.dump();
  }
  return {};
}
}  // namespace

ImportResult importCloudEvents(const std::string& inputPath, const std::string& outputPath) {
  ImportResult result;
  std::ifstream in(inputPath, std::ios::binary);
  if (!in) {
    result.errors.push_back({inputPath, 0, 0, "cannot open the file"});
    return result;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  std::vector<Piece> pieces;
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) {
    result.errors.push_back({inputPath, 1, 1, "the file holds no events"});
    return result;
  }
  if (text[first] == '[') {
    if (!splitBatch(text, pieces, result.errors, inputPath)) return result;
  } else {
    splitLines(text, pieces);
  }
  std::vector<Incoming> incoming;
  incoming.reserve(pieces.size());
  for (const Piece& piece : pieces) {
    Incoming event;
    event.line = piece.line;
    std::string problem;
    try {
      problem = readEvent(nlohmann::json::parse(piece.text), event);
    } catch (const nlohmann::json::parse_error& e) {
      std::size_t column = 1;
      const std::size_t within = lineOf(piece.text, e.byte > 0 ? e.byte - 1 : 0, column);
      result.errors.push_back(
          {inputPath, static_cast<int>(piece.line + within - 1),
           static_cast<int>(within == 1 ? piece.column + column - 1 : column),
           "not valid JSON: " + std::string(e.what()).substr(std::string(e.what()).find(':') + 2)});
      if (result.errors.size() >= kMaxErrors) break;
      continue;
    }
    if (!problem.empty()) {
      result.errors.push_back(
          {inputPath, static_cast<int>(piece.line), static_cast<int>(piece.column), problem});
      if (result.errors.size() >= kMaxErrors) break;
      continue;
    }
    incoming.push_back(std::move(event));
  }
  if (!result.errors.empty()) return result;
  if (incoming.empty()) {
    result.errors.push_back({inputPath, 1, 1, "the file holds no events"});
    return result;
  }
  // Events without a time take their predecessor's; then all go in time order (stable).
  std::int64_t last = 0;
  for (Incoming& e : incoming) {
    if (!e.timed) e.time = last;
    last = e.time;
  }
  std::stable_sort(incoming.begin(), incoming.end(),
                   [](const Incoming& a, const Incoming& b) { return a.time < b.time; });
  const std::int64_t epoch = incoming.front().time;

  std::string error;
  auto writer = store::RecordingWriter::create(outputPath, {}, &error);
  if (!writer) {
    result.errors.push_back({outputPath, 0, 0, error});
    return result;
  }
  // Names: topics, sources (as producers), types, payloads and keys, each numbered once.
  std::map<std::string, std::uint32_t> topics, sources, types, payloads;
  std::vector<std::uint32_t> topicPartitions;
  std::unordered_map<std::string, std::uint64_t> byId;  // CloudEvents id -> event id
  KeyTable keys;
  const auto number = [](std::map<std::string, std::uint32_t>& table, const std::string& name,
                         std::uint32_t base = 0) {
    return table.emplace(name, static_cast<std::uint32_t>(table.size() + base)).first->second;
  };
  for (std::size_t i = 0; i < incoming.size(); ++i)
    byId.emplace(incoming[i].id, i + 1);
  std::vector<std::uint64_t> correlation(incoming.size() + 1, 0);
  auto& batch = writer->current();
  for (std::size_t i = 0; i < incoming.size(); ++i) {
    const Incoming& e = incoming[i];
    const std::uint64_t id = i + 1;
    const std::uint32_t topic = number(topics, e.topic);
    if (topic >= topicPartitions.size()) topicPartitions.push_back(0);
    topicPartitions[topic] = std::max(topicPartitions[topic], e.partition + 1);
    const std::uint32_t source = number(sources, e.source);
    const std::uint32_t type = number(types, e.type);
    const std::uint32_t payload = e.payload.empty() ? 0 : number(payloads, e.payload, 1);
    // The chain: a known correlation id, else the cause's chain, else a chain of its own.
    auto cause = byId.find(e.causationId);
    const std::uint64_t causation =
        e.causationId.empty() || cause == byId.end() ? 0 : cause->second;
    auto root = byId.find(e.correlationId);
    std::uint64_t chain = id;
    if (!e.correlationId.empty() && root != byId.end()) {
      chain = root->second;
    } else if (causation != 0 && causation < id) {
      chain = correlation[causation];
    }
    correlation[id] = chain;
    batch.events.push_back(
        {.id = id,
         .t = e.time - epoch,
         .type = type,
         .topic = topic,
         .partition = e.partition,
         .schema = e.schema,
         .key = e.key.empty() ? -1 : static_cast<std::int64_t>(keys.intern(e.key)),
         .correlation = chain == id ? 0 : chain,
         .causation = causation,
         .payload = payload,
         .origin = static_cast<std::uint32_t>(store::OriginKind::Import) * 65536 + source});
    batch.cloudEvents.push_back(
        {id, e.id, e.source, e.traceparent, e.correlationId, e.causationId});
    if (batch.rows() >= 32768) {
      batch.simTime = e.time - epoch;
      writer->submit();
    }
  }
  auto& names = writer->current().names;
  nlohmann::json topology = {{"topics", nlohmann::json::array()},
                             {"services", nlohmann::json::array()},
                             {"producers", nlohmann::json::array()}};
  std::vector<std::string> topicNames(topics.size());
  for (const auto& [name, index] : topics)
    topicNames[index] = name;
  for (std::size_t t = 0; t < topicNames.size(); ++t) {
    names.push_back(
        {static_cast<int>(store::NameKind::Topic), static_cast<std::int64_t>(t), topicNames[t]});
    topology["topics"].push_back({{"name", topicNames[t]},
                                  {"partitions", topicPartitions[t]},
                                  {"capacity", nullptr},
                                  {"overflow", "block"},
                                  {"subscribers", nlohmann::json::array()}});
  }
  for (const auto& [name, index] : sources) {
    names.push_back({static_cast<int>(store::NameKind::Producer), index, name});
  }
  std::vector<std::string> sourceNames(sources.size());
  for (const auto& [name, index] : sources)
    sourceNames[index] = name;
  for (const std::string& name : sourceNames)
    topology["producers"].push_back({{"name", name}, {"topic", 0}});
  for (const auto& [name, index] : types)
    names.push_back({static_cast<int>(store::NameKind::EventType), index, name});
  for (const auto& [json, index] : payloads)
    names.push_back({static_cast<int>(store::NameKind::Payload), index, json});
  for (std::size_t k = 0; k < keys.internedCount(); ++k) {
    const auto keyId = static_cast<KeyId>(KeyTable::kInternedBase + k);
    names.push_back({static_cast<int>(store::NameKind::Key), keyId, keys.text(keyId)});
  }
  const SimTime duration = incoming.back().time - epoch + 1;
  auto& meta = writer->current().meta;
  meta.push_back({"format", std::to_string(store::kFormatVersion)});
  meta.push_back({"app_version", EVENTSCOPE_VERSION});
  meta.push_back({"source", "import"});
  meta.push_back({"origin", std::filesystem::path(inputPath).filename().string()});
  meta.push_back({"scenario_name", std::filesystem::path(inputPath).stem().string()});
  meta.push_back({"seed", "0"});
  meta.push_back({"started_at", formatRfc3339(unixNowNs())});
  meta.push_back({"epoch_unix_ns", std::to_string(epoch)});
  meta.push_back({"duration_ns", std::to_string(duration)});
  meta.push_back({"end_ns", std::to_string(duration)});
  meta.push_back({"warmup_ns", "0"});
  meta.push_back({"bucket_ns", std::to_string(chooseBucketWidth(duration))});
  meta.push_back({"topology", topology.dump()});
  meta.push_back({"status", "complete"});
  writer->current().simTime = duration;
  if (!writer->close(&error)) {
    result.errors.push_back({outputPath, 0, 0, error});
    return result;
  }
  result.events = incoming.size();
  return result;
}

}  // namespace eventscope::core
