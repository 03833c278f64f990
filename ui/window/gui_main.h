#pragma once

#include <QSize>
#include <QString>

#include "core/model/sim_time.h"

namespace eventscope::ui {

// Runs the desktop GUI (creates the QApplication); FILE may be empty, a scenario or a
// recording made from a scenario. Returns the exit code.
int runGui(int argc, char** argv, const QString& file);

// `eventscope snapshot`: renders the main window for a scenario (or a recording's model) at
// simulated time `at` into a PNG, on Qt's offscreen platform, so no display is needed.
// Returns the exit code (0, 1 failure, 2 invalid input) and says why on stderr.
int renderSnapshot(int argc, char** argv, const QString& file, core::SimTime at, QSize size,
                   const QString& output);

}  // namespace eventscope::ui
