#pragma once

#include <memory>
#include <string>

#include "core/metrics/metrics_collector.h"
#include "core/sim/engine_observer.h"
#include "core/store/recording_writer.h"

namespace eventscope::core::store {

// What a recording says about where it came from.
struct RecordingInfo {
  std::string source = "simulation";  // simulation | replay | import
  std::string scenarioText;           // the scenario file as written, for replays and the GUI
  std::string startedAt;              // wall-clock time, ISO 8601
  std::string origin;                 // replay: the recording whose inputs were used
  std::int64_t epochUnixNs = 0;       // wall-clock time of simulated time 0 (for exports)
};

// The engine observer that records a run (DESIGN.md §5): every event, every attempt as a span,
// metric buckets and the state at each bucket start, into a RecordingWriter. It runs on the
// engine's thread and only fills batches; the writer commits them on its own thread.
class Recorder final : public EngineObserver {
 public:
  Recorder(std::unique_ptr<RecordingWriter> writer, RecordingInfo info, SimTime warmup,
           SimTime bucketWidth, std::size_t batchRows = 32768);

  void onRunStart(const Bus& bus) override;
  SimTime onClock(SimTime now) override;
  void onPublished(SimTime now, const Event& event, const PublisherRef& by) override;
  void onRefused(SimTime now, const Event& event, Refusal why, std::int32_t service,
                 std::uint32_t queue) override;
  void onEnqueued(SimTime now, std::uint32_t service, std::uint32_t queue, const Event& event,
                  DeliveryCause cause) override;
  void onAttemptEnded(SimTime now, const AttemptInfo& attempt, const Event& event,
                      const AttemptEnd& end) override;
  void onInstanceChanged(SimTime now, std::uint32_t service, std::uint32_t instance,
                         InstanceState state) override;
  void onRunEnd(SimTime now) override;

  // After the run: stores the run's report (if given), waits for the writer. False, with the
  // reason, if the file is incomplete.
  bool finish(const RunReport* report, std::string* error);
  bool failed() const { return m_failed; }

 private:
  RecordingBatch& batch() { return m_writer->current(); }
  void maybeSubmit();
  void submit();
  void writeNewNames();
  void writeClosedBuckets();
  void writeCheckpoint(std::uint32_t bucket);
  void writeTopology();

  std::unique_ptr<RecordingWriter> m_writer;
  RecordingInfo m_info;
  MetricsCollector m_metrics;
  const Bus* m_bus = nullptr;
  std::size_t m_batchRows;
  SimTime m_now = 0;
  std::size_t m_bucketsWritten = 0;
  std::size_t m_typesWritten = 0, m_payloadsWritten = 0, m_keysWritten = 0;
  bool m_failed = false;
};

}  // namespace eventscope::core::store
