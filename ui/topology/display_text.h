#pragma once

#include <QString>
#include <cstdint>

#include "core/model/sim_time.h"

// Short numbers and times for labels on the canvas and in the status bar.
namespace eventscope::ui {

// 950, 12.3k, 4.5M: three significant digits at most.
QString compactCount(double value);
// Simulated time as a clock, in the form `scale` needs, so a time and the run's end read alike:
// "12.345 s" for runs under a minute, "2:05.300" (minutes) for longer ones.
QString simClock(core::SimTime t, core::SimTime scale);

}  // namespace eventscope::ui
