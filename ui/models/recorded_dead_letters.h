#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/store/recording.h"
#include "ui/controller/dead_letter_entry.h"

namespace eventscope::ui {

// Reads a recording's dead letters a page at a time (keyset paging by the failed event's id),
// never the whole file: each dead-lettered event (a span ending DeadLettered), with the copy
// the service published to its dead-letter topic (the event that the failed one caused on that
// topic) and, when the run redrove it, when.
class RecordedDeadLetters {
 public:
  explicit RecordedDeadLetters(std::shared_ptr<const core::store::Recording> recording);

  // Appends the next page (up to pageSize failed events, each with one entry per service that
  // gave up on it). False on a damaged file (see error()); atEnd() once everything was read.
  bool readPage(std::vector<DeadLetterEntry>& out, std::size_t pageSize = 200);
  bool atEnd() const { return m_atEnd; }
  const std::string& error() const { return m_error; }

 private:
  std::string deadLetterTopic(std::uint32_t service) const;
  void fillFromTrace(DeadLetterEntry& entry, const std::string& dlqTopic);

  std::shared_ptr<const core::store::Recording> m_recording;
  std::vector<std::string> m_deadLetterTopics;  // by service id; empty: none
  std::uint64_t m_afterId = 0;
  bool m_atEnd = false;
  std::string m_error;
  core::store::Trace m_trace;  // the trace last read (a chain may hold several dead letters)
};

}  // namespace eventscope::ui
