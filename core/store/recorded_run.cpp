#include "core/store/recorded_run.h"

#include <unistd.h>

#include <filesystem>
#include <memory>

#include "core/io/timestamps.h"

namespace eventscope::core::store {

namespace {
// Where a recording goes: straight into the file, or (to replace one) into a temporary file
// beside it that takes its place once the run is complete.
struct RecordingTarget {
  std::string path, writing;
};

std::unique_ptr<Recorder> startRecording(const RecordedRunOptions& options,
                                         const Scenario& scenario, SimTime bucket,
                                         RecordingTarget& target, std::string* error) {
  namespace fs = std::filesystem;
  target.path = options.record;
  target.writing = options.record;
  std::error_code ec;
  if (fs::exists(options.record, ec)) {
    if (!options.overwrite) {
      *error = "cannot record to " + options.record + ": the file exists";
      return nullptr;
    }
    target.writing = options.record + ".recording-" + std::to_string(::getpid());
  }
  auto writer = RecordingWriter::create(target.writing, {.fullSync = options.fullSync}, error);
  if (!writer) return nullptr;
  RecordingInfo info = options.info;
  info.startedAt = isoTimeNow();
  info.epochUnixNs = unixNowNs();
  return std::make_unique<Recorder>(std::move(writer), std::move(info), scenario.warmup, bucket);
}

bool finishRecording(Recorder& recorder, const RunReport& report, const RecordingTarget& target,
                     std::string* error) {
  if (!recorder.finish(&report, error)) {
    *error = "the recording " + target.writing + " is incomplete: " + *error;
    return false;
  }
  if (target.writing != target.path) {
    std::error_code ec;
    std::filesystem::rename(target.writing, target.path, ec);
    if (ec) {
      *error = "cannot replace " + target.path + ": " + ec.message() + " (the new recording is " +
               target.writing + ")";
      return false;
    }
  }
  return true;
}
}  // namespace

void removeRecordingFiles(const std::string& path) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"})
    std::filesystem::remove(path + suffix, ec);
}

RecordedRun runRecorded(const Scenario& scenario, const RecordedRunOptions& options) {
  RecordedRun out;
  const SimTime bucket = chooseBucketWidth(scenario.duration);
  RecordingTarget target;
  std::unique_ptr<Recorder> recorder;
  if (!options.record.empty()) {
    recorder = startRecording(options, scenario, bucket, target, &out.error);
    if (!recorder) return out;
  }
  out.started = true;
  RunOptions run;
  run.bucketWidth = bucket;
  run.observer = recorder.get();
  run.inputs = options.inputs;
  run.progress = options.progress;
  run.cancelled = options.cancelled;
  out.result = runScenario(scenario, run);
  // A cancelled or cut-short run would mislead whoever opens its recording: none is kept.
  const auto discard = [&] {
    recorder.reset();  // closes the writer
    if (!target.writing.empty()) removeRecordingFiles(target.writing);
  };
  if (out.result.cancelled) {
    out.cancelled = true;
    discard();
    return out;
  }
  if (options.inputs != nullptr && !options.inputs->error().empty()) {
    out.error = "the replay stopped: " + options.inputs->error();
    discard();
    return out;
  }
  if (recorder && !finishRecording(*recorder, out.result.report, target, &out.error)) return out;
  out.ok = true;
  return out;
}

}  // namespace eventscope::core::store
