#pragma once

#include <QObject>
#include <QString>
#include <QTimer>
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <thread>

#include "core/io/progress.h"

namespace eventscope::ui {

// Runs one long piece of work (an import, an export) on its own std::thread. The work reports
// through a core::Progress into atomics that a QTimer on the GUI thread polls, so nothing is
// signalled per step; cancel() makes that Progress answer false. The outcome comes back on the
// GUI thread as finished(ok, error) or cancelled(). One job object runs one work at a time.
class BackgroundJob : public QObject {
  Q_OBJECT

 public:
  // True on success, else false with a reason in `error`. It runs on the job's thread: it must
  // not touch objects living on the GUI thread (open its own files and recordings).
  using Work = std::function<bool(const core::Progress& progress, std::string* error)>;

  explicit BackgroundJob(QObject* parent = nullptr);
  ~BackgroundJob() override;  // cancels a running work and waits for it

  // False (and nothing started) while a work is still running.
  bool start(Work work);
  void cancel();
  bool isRunning() const { return m_running; }
  bool cancelRequested() const { return m_cancel.load(); }

  // What the work last reported; total 0 while it does not know.
  std::uint64_t done() const { return m_done.load(std::memory_order_relaxed); }
  std::uint64_t total() const { return m_total.load(std::memory_order_relaxed); }
  // done / total within [0, 1], or -1 while the total is unknown.
  double fraction() const;
  // How often the GUI thread looks at the progress (default 50 ms).
  void setPollInterval(int milliseconds) { m_poll.setInterval(milliseconds); }

 Q_SIGNALS:
  // The progress changed since the last poll (at most once per poll interval).
  void progressChanged(quint64 done, quint64 total);
  void finished(bool ok, const QString& error);
  void cancelled();

 private:
  void poll();
  void complete();
  void join();

  QTimer m_poll;
  std::thread m_thread;
  bool m_running = false;  // GUI thread only
  std::atomic<bool> m_cancel{false};
  std::atomic<std::uint64_t> m_done{0}, m_total{0};
  std::uint64_t m_shownDone = 0, m_shownTotal = 0;
  // Written by the work's thread before it posts complete(); read by complete() after join().
  bool m_ok = false;
  std::string m_error;
};

}  // namespace eventscope::ui
