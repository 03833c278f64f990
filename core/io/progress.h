#pragma once

#include <cstdint>
#include <functional>

namespace eventscope::core {

// How long work (an import, an export) says how far it is, and how it is asked to stop:
// `report` is called now and then (at most every few thousand events, from the working thread)
// and returns false to cancel. Units are the work's own (events, bytes); only done/total counts.
// total 0 means "not known yet".
struct Progress {
  std::function<bool(std::uint64_t done, std::uint64_t total)> report;

  // True: carry on (also when nobody listens).
  bool operator()(std::uint64_t done, std::uint64_t total) const {
    return !report || report(done, total);
  }
};

// Remembers a cancel once asked for, so deep loops and their callers agree on it.
class ProgressMeter {
 public:
  ProgressMeter(const Progress& progress, std::uint64_t total)
      : m_progress(progress), m_total(total) {}

  // Reports `done`; false once the listener asked to stop (and from then on).
  bool update(std::uint64_t done) {
    if (!m_cancelled && !m_progress(done, m_total)) m_cancelled = true;
    return !m_cancelled;
  }
  void setTotal(std::uint64_t total) { m_total = total; }
  bool cancelled() const { return m_cancelled; }

 private:
  Progress m_progress;
  std::uint64_t m_total;
  bool m_cancelled = false;
};

// What an export or import run from a file to a file came to.
enum class ExchangeOutcome { Done, Cancelled, Failed };

}  // namespace eventscope::core
