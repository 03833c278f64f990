#include "ui/controller/background_job.h"

#include <algorithm>
#include <exception>

namespace eventscope::ui {

BackgroundJob::BackgroundJob(QObject* parent) : QObject(parent) {
  m_poll.setInterval(50);
  connect(&m_poll, &QTimer::timeout, this, &BackgroundJob::poll);
}

BackgroundJob::~BackgroundJob() {
  // The work's posted complete() is dropped with this object; only the thread must end.
  m_cancel = true;
  join();
}

bool BackgroundJob::start(Work work) {
  if (m_running) return false;
  join();  // a finished work whose complete() has not run yet
  m_running = true;
  m_cancel = false;
  m_done = 0;
  m_total = 0;
  m_shownDone = m_shownTotal = 0;
  m_ok = false;
  m_error.clear();
  m_thread = std::thread([this, work = std::move(work)] {
    const core::Progress progress{[this](std::uint64_t soFar, std::uint64_t all) {
      m_done.store(soFar, std::memory_order_relaxed);
      m_total.store(all, std::memory_order_relaxed);
      return !m_cancel.load(std::memory_order_relaxed);
    }};
    bool ok = false;
    std::string error;
    try {
      ok = work(progress, &error);
    } catch (const std::exception& e) {
      error = e.what();  // the work's own failure, reported like any other
    }
    m_ok = ok;
    m_error = ok ? std::string() : (error.empty() ? "the work failed" : error);
    QMetaObject::invokeMethod(this, &BackgroundJob::complete, Qt::QueuedConnection);
  });
  m_poll.start();
  return true;
}

void BackgroundJob::cancel() {
  if (m_running) m_cancel = true;
}

double BackgroundJob::fraction() const {
  const std::uint64_t all = total();
  if (all == 0) return -1;
  return std::min(1.0, static_cast<double>(done()) / static_cast<double>(all));
}

void BackgroundJob::poll() {
  const std::uint64_t d = done(), t = total();
  if (d == m_shownDone && t == m_shownTotal) return;
  m_shownDone = d;
  m_shownTotal = t;
  Q_EMIT progressChanged(d, t);
}

void BackgroundJob::complete() {
  join();
  m_poll.stop();
  poll();  // the last figures before the outcome
  m_running = false;
  // A work that failed after a cancel was asked for stopped because of it; one that got to
  // the end anyway did its job.
  if (!m_ok && m_cancel) {
    Q_EMIT cancelled();
  } else {
    Q_EMIT finished(m_ok, QString::fromStdString(m_error));
  }
}

void BackgroundJob::join() {
  if (m_thread.joinable()) m_thread.join();
}

}  // namespace eventscope::ui
