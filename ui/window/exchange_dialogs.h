#pragma once

#include <QString>

class QWidget;

namespace eventscope::ui {

// File > Import CloudEvents…: asks for a CloudEvents file (JSON batch or JSON Lines) and where
// to save the new recording (beside it by default), imports it under a progress dialog with
// Cancel, and shows the file's problems (FILE:LINE:COL, the first few in the message, all in
// the details). Returns the new recording's path; empty if cancelled or failed.
QString importCloudEventsInteractive(QWidget* parent);

// File > Export recording…: asks for the format (every one core writes) and the output file,
// then exports `recordingPath` under a progress dialog with Cancel. Returns the written file's
// path; empty if cancelled or failed (a failure has been shown to the person).
QString exportRecordingInteractive(QWidget* parent, const QString& recordingPath);

}  // namespace eventscope::ui
