#pragma once

#include <QString>
#include <cstdint>

#include "core/model/sim_time.h"

// Short numbers and times for labels on the canvas and in the status bar.
namespace eventscope::ui {

// 950, 12.3k, 4.5M: three significant digits at most.
QString compactCount(double value);
// Simulated time as a clock: "12.345 s", "2:05.300" past a minute.
QString simClock(core::SimTime t);

}  // namespace eventscope::ui
