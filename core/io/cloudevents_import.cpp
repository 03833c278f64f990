// CloudEvents files into recordings: JSON Lines stream through in chunks of whole lines (memory
// stays small at any size); a batch array, or lines out of time order, are read whole and sorted.
#include "core/io/cloudevents_import.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "core/bus/key_table.h"
#include "core/io/cloudevents_parse.h"
#include "core/io/replacing_file.h"
#include "core/io/timestamps.h"
#include "core/metrics/time_series.h"
#include "core/store/recording_writer.h"
#include "core/store/schema.h"

namespace eventscope::core {

namespace {
constexpr std::size_t kChunkBytes = std::size_t{8} << 20;
constexpr std::size_t kMaxWholeFileBytes = std::size_t{4} << 30;
constexpr std::size_t kMaxErrors = 100;
constexpr std::size_t kMaxDistinctPayloads = 100'000;  // remembered for sharing one name
constexpr std::size_t kProgressEvents = 4096;          // events written between reports

// Turns events, in time order, into recording rows: numbers names, links each event to its
// cause and chain, and writes the topology and metadata at the end.
class RecordingBuilder {
 public:
  explicit RecordingBuilder(std::unique_ptr<store::RecordingWriter> writer)
      : m_writer(std::move(writer)) {}

  void add(IncomingEvent& e);
  bool finish(const std::string& inputPath, std::string* error);
  std::uint64_t events() const { return m_nextId - 1; }

 private:
  using Names = std::unordered_map<std::string, std::uint32_t>;
  // The name's number, given in order of first appearance.
  static std::uint32_t number(Names& table, const std::string& name) {
    return table.emplace(name, static_cast<std::uint32_t>(table.size())).first->second;
  }

  std::unique_ptr<store::RecordingWriter> m_writer;
  Names m_topics, m_sources, m_types, m_payloads;
  std::uint32_t m_payloadNames = 0;
  std::vector<std::uint32_t> m_topicPartitions;
  std::unordered_map<std::string, std::uint64_t> m_byId;  // CloudEvents id -> event id
  std::vector<std::uint64_t> m_correlation{0};            // event id -> its chain's root
  KeyTable m_keys;
  std::uint64_t m_nextId = 1;
  std::int64_t m_epoch = 0, m_last = 0;
};

void RecordingBuilder::add(IncomingEvent& e) {
  const std::uint64_t id = m_nextId++;
  if (id == 1) m_epoch = e.time;
  m_last = e.time;
  store::RecordingBatch& batch = m_writer->current();  // a new one after each submit
  const std::uint32_t topic = number(m_topics, e.topic);
  if (topic >= m_topicPartitions.size()) m_topicPartitions.push_back(0);
  m_topicPartitions[topic] = std::max(m_topicPartitions[topic], e.partition + 1);
  const std::uint32_t source = number(m_sources, e.source);
  const std::uint32_t type = number(m_types, e.type);
  std::uint32_t payload = 0;
  if (!e.payload.empty()) {
    // Payloads seen before share their name; past a bound, new ones are no longer remembered.
    const auto known = m_payloads.find(e.payload);
    if (known != m_payloads.end()) {
      payload = known->second;
    } else {
      payload = ++m_payloadNames;
      batch.names.push_back({static_cast<int>(store::NameKind::Payload), payload, e.payload});
      if (m_payloads.size() < kMaxDistinctPayloads) m_payloads.emplace(e.payload, payload);
    }
  }
  // The chain: a known correlation id, else the cause's chain, else a chain of its own.
  const auto cause = e.causationId.empty() ? m_byId.end() : m_byId.find(e.causationId);
  const std::uint64_t causation = cause == m_byId.end() ? 0 : cause->second;
  const auto root = e.correlationId.empty() ? m_byId.end() : m_byId.find(e.correlationId);
  std::uint64_t chain = id;
  if (root != m_byId.end()) {
    chain = root->second;
  } else if (causation != 0) {
    chain = m_correlation[causation];
  }
  m_correlation.push_back(chain);
  m_byId.emplace(e.id, id);
  batch.events.push_back(
      {.id = id,
       .t = e.time - m_epoch,
       .type = type,
       .topic = topic,
       .partition = e.partition,
       .schema = e.schema,
       .key = e.key.empty() ? -1 : static_cast<std::int64_t>(m_keys.intern(e.key)),
       .correlation = chain == id ? 0 : chain,
       .causation = causation,
       .payload = payload,
       .origin = static_cast<std::uint32_t>(store::OriginKind::Import) * 65536 + source});
  batch.cloudEvents.push_back({id, std::move(e.id), std::move(e.source), std::move(e.traceparent),
                               std::move(e.correlationId), std::move(e.causationId)});
  if (batch.rows() >= 32768) {
    batch.simTime = e.time - m_epoch;
    m_writer->submit();
  }
}

bool RecordingBuilder::finish(const std::string& inputPath, std::string* error) {
  auto& names = m_writer->current().names;
  const auto inOrder = [](const Names& table) {
    std::vector<std::string> out(table.size());
    for (const auto& [name, index] : table)
      out[index] = name;
    return out;
  };
  nlohmann::json topology = {{"topics", nlohmann::json::array()},
                             {"services", nlohmann::json::array()},
                             {"producers", nlohmann::json::array()}};
  const std::vector<std::string> topicNames = inOrder(m_topics);
  for (std::size_t t = 0; t < topicNames.size(); ++t) {
    names.push_back(
        {static_cast<int>(store::NameKind::Topic), static_cast<std::int64_t>(t), topicNames[t]});
    topology["topics"].push_back({{"name", topicNames[t]},
                                  {"partitions", m_topicPartitions[t]},
                                  {"capacity", nullptr},
                                  {"overflow", "block"},
                                  {"subscribers", nlohmann::json::array()}});
  }
  const std::vector<std::string> sourceNames = inOrder(m_sources);
  for (std::size_t s = 0; s < sourceNames.size(); ++s) {
    names.push_back({static_cast<int>(store::NameKind::Producer), static_cast<std::int64_t>(s),
                     sourceNames[s]});
    topology["producers"].push_back({{"name", sourceNames[s]}, {"topic", 0}});
  }
  for (const auto& [name, index] : m_types)
    names.push_back({static_cast<int>(store::NameKind::EventType), index, name});
  for (std::size_t k = 0; k < m_keys.internedCount(); ++k) {
    const auto keyId = static_cast<KeyId>(KeyTable::kInternedBase + k);
    names.push_back({static_cast<int>(store::NameKind::Key), keyId, m_keys.text(keyId)});
  }
  const SimTime duration = m_last - m_epoch + 1;
  auto& meta = m_writer->current().meta;
  meta.push_back({"format", std::to_string(store::kFormatVersion)});
  meta.push_back({"app_version", EVENTSCOPE_VERSION});
  meta.push_back({"source", "import"});
  meta.push_back({"origin", std::filesystem::path(inputPath).filename().string()});
  meta.push_back({"scenario_name", std::filesystem::path(inputPath).stem().string()});
  meta.push_back({"seed", "0"});
  meta.push_back({"started_at", formatRfc3339(unixNowNs())});
  meta.push_back({"epoch_unix_ns", std::to_string(m_epoch)});
  meta.push_back({"duration_ns", std::to_string(duration)});
  meta.push_back({"end_ns", std::to_string(duration)});
  meta.push_back({"warmup_ns", "0"});
  meta.push_back({"bucket_ns", std::to_string(chooseBucketWidth(duration))});
  meta.push_back({"topology", topology.dump()});
  meta.push_back({"status", "complete"});
  m_writer->current().simTime = duration;
  return m_writer->close(error);
}

// Reads a file in chunks of whole lines, each followed by the padding the JSON parser needs.
class LineChunks {
 public:
  explicit LineChunks(const std::string& path) : m_in(path, std::ios::binary) {}
  bool opened() const { return static_cast<bool>(m_in); }
  // The next chunk (empty at the end) and the number of its first line.
  std::string_view next(std::size_t& firstLine) {
    // What followed the last newline of the previous chunk comes first.
    m_buffer.erase(0, m_consumed);
    m_buffer.resize(m_buffer.size() - std::min(m_buffer.size(), m_padding));
    std::size_t end = 0;
    while (true) {
      const std::size_t carried = m_buffer.size();
      m_buffer.resize(carried + kChunkBytes);
      m_in.read(m_buffer.data() + carried, static_cast<std::streamsize>(kChunkBytes));
      const auto got = static_cast<std::size_t>(m_in.gcount());
      m_buffer.resize(carried + got);
      if (got == 0) {  // the end: the last line, with or without its newline
        end = m_buffer.size();
        break;
      }
      const std::size_t newline = m_buffer.rfind('\n');
      if (newline != std::string::npos) {
        end = newline + 1;
        break;
      }
      // A line longer than a chunk: read on.
    }
    firstLine = m_nextLine;
    m_nextLine +=
        static_cast<std::size_t>(std::count(m_buffer.data(), m_buffer.data() + end, '\n'));
    m_consumed = end;
    m_padding = kJsonPadding;
    m_buffer.append(kJsonPadding, ' ');
    return std::string_view(m_buffer.data(), end);
  }
  bool failed() const { return m_in.bad(); }

 private:
  std::ifstream m_in;
  std::string m_buffer;
  std::size_t m_consumed = 0, m_padding = 0, m_nextLine = 1;
};

// The whole file, followed by the padding the JSON parser needs (a batch array is one value).
bool readWhole(const std::string& path, std::string& text, std::string* error) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  const std::streamoff size = in.tellg();
  if (!in || size < 0) {
    *error = "cannot read the file";
    return false;
  }
  if (static_cast<std::size_t>(size) > kMaxWholeFileBytes) {
    *error =
        "a batch (or out-of-order JSON Lines) larger than 4 GiB; write JSON Lines in time order";
    return false;
  }
  text.resize(static_cast<std::size_t>(size) + kJsonPadding, ' ');
  in.seekg(0);
  in.read(text.data(), size);
  if (!in) {
    *error = "cannot read the file";
    return false;
  }
  text.resize(static_cast<std::size_t>(size));
  return true;
}

bool startsWithBracket(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char c = 0;
  while (in.get(c)) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return c == '[';
  }
  return false;
}

// Events without a time take their predecessor's.
void fillTimes(std::vector<IncomingEvent>& events, std::int64_t& last) {
  for (IncomingEvent& e : events) {
    if (!e.timed) e.time = last;
    last = e.time;
  }
}

enum class Streamed { Done, OutOfOrder, Failed, Cancelled };

// JSON Lines in time order, chunk by chunk straight into the recording.
Streamed streamLines(const std::string& inputPath, RecordingBuilder& builder, ImportResult& result,
                     ProgressMeter& meter) {
  LineChunks chunks(inputPath);
  std::uint64_t bytesRead = 0;
  if (!meter.update(0)) return Streamed::Cancelled;
  std::vector<IncomingEvent> events;
  std::int64_t last = 0;
  bool ordered = true;
  std::size_t firstLine = 1;
  for (std::string_view chunk = chunks.next(firstLine); !chunk.empty();
       chunk = chunks.next(firstLine)) {
    events.clear();
    parseCloudEvents(chunk, inputPath, firstLine, events, result.errors);
    if (result.errors.size() >= kMaxErrors) break;
    if (!result.errors.empty()) continue;  // read on for more problems; write nothing more
    const std::int64_t before = last;
    fillTimes(events, last);
    ordered = ordered &&
              std::is_sorted(events.begin(), events.end(),
                             [](const auto& a, const auto& b) { return a.time < b.time; }) &&
              (events.empty() || builder.events() == 0 || events.front().time >= before);
    if (!ordered) return Streamed::OutOfOrder;
    for (IncomingEvent& e : events)
      builder.add(e);
    bytesRead += chunk.size();
    if (!meter.update(bytesRead)) return Streamed::Cancelled;
  }
  if (chunks.failed()) result.errors.push_back({inputPath, 0, 0, "cannot read the file"});
  return result.errors.empty() ? Streamed::Done : Streamed::Failed;
}

// A batch array, or lines out of time order: everything in memory, sorted (stably) by time.
// Progress: reading is the first fifth of the file's size, parsing up to half, writing the rest.
Streamed readAllSorted(const std::string& inputPath, RecordingBuilder& builder,
                       ImportResult& result, ProgressMeter& meter, std::uint64_t size) {
  std::string text, error;
  if (!meter.update(0)) return Streamed::Cancelled;
  if (!readWhole(inputPath, text, &error)) {
    result.errors.push_back({inputPath, 0, 0, error});
    return Streamed::Failed;
  }
  if (!meter.update(size / 5)) return Streamed::Cancelled;
  std::vector<IncomingEvent> events;
  parseCloudEvents(text, inputPath, 1, events, result.errors);
  if (!result.errors.empty()) return Streamed::Failed;
  std::string().swap(text);
  if (!meter.update(size / 2)) return Streamed::Cancelled;
  std::int64_t last = 0;
  fillTimes(events, last);
  std::stable_sort(events.begin(), events.end(),
                   [](const auto& a, const auto& b) { return a.time < b.time; });
  for (std::size_t i = 0; i < events.size(); ++i) {
    builder.add(events[i]);
    if ((i + 1) % kProgressEvents == 0 &&
        !meter.update(size / 2 + (size - size / 2) * (i + 1) / events.size()))
      return Streamed::Cancelled;
  }
  return meter.update(size) ? Streamed::Done : Streamed::Cancelled;
}
}  // namespace

ImportResult importCloudEvents(const std::string& inputPath, const std::string& outputPath,
                               const ImportOptions& options) {
  ImportResult result;
  if (!std::ifstream(inputPath, std::ios::binary)) {
    result.errors.push_back({inputPath, 0, 0, "cannot open the file"});
    return result;
  }
  std::error_code ec;
  if (!options.replaceExisting && std::filesystem::exists(outputPath, ec)) {
    result.errors.push_back(
        {outputPath, 0, 0, "cannot import into " + outputPath + ": the file exists"});
    return result;
  }
  const std::uintmax_t measured = std::filesystem::file_size(inputPath, ec);
  const std::uint64_t size = ec ? 0 : measured;
  ProgressMeter meter(options.progress, size);
  // The recording is written beside its final name and renamed once complete, so a broken
  // input (found half way through a stream), a cancel or a failure leaves nothing behind.
  ReplacingFile file;
  std::string prepareError;
  if (!file.prepare(outputPath, &prepareError)) {
    result.errors.push_back({outputPath, 0, 0, prepareError});
    return result;
  }
  const std::string partial = file.temporaryPath();
  const auto removePartial = [&] {
    std::filesystem::remove(partial, ec);
    std::filesystem::remove(partial + "-wal", ec);
    std::filesystem::remove(partial + "-shm", ec);
  };
  const auto attempt = [&](auto&& read) {
    removePartial();  // the writer makes its file itself, and never over an existing one
    std::string error;
    auto writer = store::RecordingWriter::create(partial, {}, &error);
    if (!writer) {
      result.errors.push_back({outputPath, 0, 0, error});
      return Streamed::Failed;
    }
    RecordingBuilder builder(std::move(writer));
    const Streamed outcome = read(builder);
    if (outcome != Streamed::Done) return outcome;  // the writer's file goes below
    if (builder.events() == 0) {
      result.errors.push_back({inputPath, 1, 1, "the file holds no events"});
      return Streamed::Failed;
    }
    if (!builder.finish(inputPath, &error)) {
      result.errors.push_back({outputPath, 0, 0, error});
      return Streamed::Failed;
    }
    result.events = builder.events();
    return Streamed::Done;
  };
  const auto whole = [&](RecordingBuilder& builder) {
    return readAllSorted(inputPath, builder, result, meter, size);
  };
  Streamed outcome = Streamed::Failed;
  if (startsWithBracket(inputPath)) {
    outcome = attempt(whole);
  } else {
    outcome =
        attempt([&](RecordingBuilder& b) { return streamLines(inputPath, b, result, meter); });
    if (outcome == Streamed::OutOfOrder) outcome = attempt(whole);
  }
  if (outcome == Streamed::Done) {
    // A stale journal of a replaced recording must not be applied to the new file.
    std::filesystem::remove(file.targetPath() + "-wal", ec);
    std::filesystem::remove(file.targetPath() + "-shm", ec);
    std::string error;
    if (file.commit(&error)) return result;
    result.errors.push_back({outputPath, 0, 0, error});
  }
  result.cancelled = outcome == Streamed::Cancelled;
  removePartial();
  result.events = 0;
  return result;
}

}  // namespace eventscope::core
