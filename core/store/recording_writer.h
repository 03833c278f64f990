#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "core/store/recording_batch.h"

namespace SQLite {
class Database;
}

namespace eventscope::core::store {

// Writes batches of rows into a new recording file on its own thread (DESIGN.md §1 rule 5):
// a bounded ring of batches, one transaction per batch with prepared statements, WAL. When the
// ring is full, submit() waits: the engine slows down, the recording never drops rows.
class RecordingWriter {
 public:
  struct Options {
    bool fullSync = false;        // synchronous=FULL (survives power loss) instead of NORMAL
    std::size_t ringBatches = 4;  // batches that may wait for the writer
  };

  // Creates the file with its schema; fails (with a reason) if it exists or cannot be made.
  static std::unique_ptr<RecordingWriter> create(const std::string& path, const Options& options,
                                                 std::string* error);
  ~RecordingWriter();
  RecordingWriter(const RecordingWriter&) = delete;
  RecordingWriter& operator=(const RecordingWriter&) = delete;

  // The batch being filled (by the engine's thread).
  RecordingBatch& current() { return *m_current; }
  // Hands the current batch to the writer thread and starts a new one. False once a write has
  // failed (the rows since then are not in the file; close() says why).
  bool submit();
  // Submits what is left, waits for the writer and stops it. False (with the reason) if any
  // write failed.
  bool close(std::string* error);

  std::uint64_t batchesCommitted() const;

 private:
  struct Statements;
  RecordingWriter(std::unique_ptr<SQLite::Database> db, const Options& options);
  void run();
  void write(const RecordingBatch& batch, std::uint64_t seq);

  std::unique_ptr<SQLite::Database> m_db;
  std::unique_ptr<Statements> m_statements;
  Options m_options;
  std::unique_ptr<RecordingBatch> m_current;
  mutable std::mutex m_mutex;
  std::condition_variable m_changed;
  std::deque<std::unique_ptr<RecordingBatch>> m_full;  // waiting for the writer, in order
  std::deque<std::unique_ptr<RecordingBatch>> m_free;  // written, ready to be filled again
  std::size_t m_inFlight = 0;                          // batches handed over, not yet recycled
  bool m_closing = false;
  bool m_failed = false;
  std::string m_error;
  std::uint64_t m_committed = 0;
  std::thread m_thread;
};

}  // namespace eventscope::core::store
