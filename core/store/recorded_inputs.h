#pragma once

#include <string>
#include <vector>

#include "core/bus/external_input.h"
#include "core/store/recording.h"

namespace eventscope::core::store {

// A recording's external inputs as a source for a what-if replay: read a page at a time, so a
// replay of a recording of any size holds only a few thousand inputs at once.
class RecordedInputs final : public ExternalInputSource {
 public:
  explicit RecordedInputs(const Recording& recording, std::size_t pageSize = 4096)
      : m_recording(recording), m_pageSize(pageSize) {}

  bool next(ExternalInput& input) override;
  const std::string& error() const override { return m_error; }
  std::uint64_t delivered() const { return m_delivered; }  // inputs handed out so far

 private:
  const Recording& m_recording;
  std::size_t m_pageSize;
  std::vector<ExternalInput> m_page;
  std::size_t m_position = 0;
  std::uint64_t m_afterId = 0;
  std::uint64_t m_delivered = 0;
  bool m_exhausted = false;
  std::string m_error;
};

}  // namespace eventscope::core::store
