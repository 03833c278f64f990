#pragma once

#include <QCoreApplication>
#include <QElapsedTimer>
#include <functional>
#include <string>

#include "core/io/scenario_reader.h"
#include "support/demo_scenarios.h"

namespace eventscope::ui::testing {

// Processes events until the condition holds or the time is up; true if it held.
inline bool waitUntil(const std::function<bool()>& condition, int timeoutMs = 5000) {
  QElapsedTimer timer;
  timer.start();
  while (!condition()) {
    if (timer.elapsed() > timeoutMs) return false;
    QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
  }
  return true;
}

}  // namespace eventscope::ui::testing
