#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "core/store/recording_writer.h"
#include "core/store/schema.h"

namespace eventscope::ui::testing {

// A recording written in steps while a reader looks at it, as a live run's recorder does:
// events numbered densely, one millisecond apart, each with one acked attempt.
class LiveRecording {
 public:
  explicit LiveRecording(const std::string& path) {
    std::string error;
    m_writer = core::store::RecordingWriter::create(path, {}, &error);
    EXPECT_TRUE(m_writer) << error;
  }
  ~LiveRecording() { close(); }

  // Commits events first..last (none when first is 0) of this type, and waits until a reader
  // can see them.
  void write(std::uint64_t first, std::uint64_t last, const std::string& type = "Tick") {
    using core::store::NameKind;
    auto& batch = m_writer->current();
    if (m_batches == 0) {
      batch.names.push_back({static_cast<int>(NameKind::Topic), 0, "ticks"});
      batch.names.push_back({static_cast<int>(NameKind::Service), 0, "counter"});
      batch.names.push_back({static_cast<int>(NameKind::Producer), 0, "clock"});
      batch.names.push_back({static_cast<int>(NameKind::EventType), 0, "Tick"});
    }
    std::uint32_t typeId = 0;
    if (type != "Tick") {
      typeId = 1;
      if (!m_secondType) batch.names.push_back({static_cast<int>(NameKind::EventType), 1, type});
      m_secondType = true;
    }
    for (std::uint64_t id = first; first != 0 && id <= last; ++id) {
      batch.events.push_back({.id = id,
                              .t = static_cast<core::SimTime>(id) * core::kMillisecond,
                              .type = typeId,
                              .key = static_cast<std::int64_t>(id % 10)});
      batch.attempts.push_back(
          {.event = id, .start = 100, .instance = 0, .duration = 500, .attempt = 1});
    }
    m_writer->submit();
    ++m_batches;
    for (int i = 0; i < 500 && m_writer->batchesCommitted() < m_batches; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    EXPECT_EQ(m_writer->batchesCommitted(), m_batches);
  }
  void close() {
    if (!m_writer) return;
    std::string error;
    EXPECT_TRUE(m_writer->close(&error)) << error;
    m_writer.reset();
  }

 private:
  std::unique_ptr<core::store::RecordingWriter> m_writer;
  std::uint64_t m_batches = 0;
  bool m_secondType = false;
};

}  // namespace eventscope::ui::testing
