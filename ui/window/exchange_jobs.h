#pragma once

#include <QString>
#include <vector>

#include "core/io/exporters.h"
#include "ui/controller/background_job.h"

class QWidget;

namespace eventscope::ui {

// The part of import and export that asks nothing: the work to run, the progress dialog that
// runs it, and the names the file dialogs offer (exchange_dialogs.h asks for the files).

// One export format as the export dialog offers it.
struct ExportFormatChoice {
  core::ExportFormat format;
  QString label;           // "CSV, one row per attempt"
  QString extension;       // of the proposed file name, after the recording's name: "jaeger.json"
  QString filter() const;  // for QFileDialog: "LABEL (*.csv)"
};
// Every format core exports, in the order the dialog lists them (CloudEvents first).
const std::vector<ExportFormatChoice>& exportFormatChoices();
// The choice whose filter() is `filter` (the dialog's selected name filter); null if none.
const ExportFormatChoice* exportFormatForFilter(const QString& filter);

// Recordings' file extension (README: `run --record run.evrec`).
inline constexpr const char* kRecordingExtension = "evrec";
// Where an import of `cloudEventsPath` goes unless the person says otherwise: beside it,
// with its name and the recordings' extension ("orders.jsonl" -> "orders.evrec").
QString defaultRecordingPathFor(const QString& cloudEventsPath);
// Where an export goes by default: beside the recording ("run.evrec" -> "run.jaeger.json").
QString defaultExportPathFor(const QString& recordingPath, const ExportFormatChoice& choice);

// Imports a CloudEvents file (JSON batch or JSON Lines) into a new recording at `output`,
// replacing a file there only if `replaceExisting`. The work's error lists every problem as
// FILE:LINE:COL: error: MESSAGE, one per line.
BackgroundJob::Work importWork(const QString& input, const QString& output, bool replaceExisting);
// Opens `recordingPath` on the job's own thread and exports it to `output` (replaced whole,
// only when complete).
BackgroundJob::Work exportWork(const QString& recordingPath, core::ExportFormat format,
                               const QString& output);

enum class JobOutcome { Done, Cancelled, Failed };
struct JobResult {
  JobOutcome outcome = JobOutcome::Failed;
  QString error;  // Failed: why
};
// Runs `work` in a BackgroundJob under a window-modal QProgressDialog (shown after a short
// moment, with Cancel) and returns when it has ended, the GUI staying responsive meanwhile.
JobResult runWithProgressDialog(QWidget* parent, const QString& title, const QString& label,
                                BackgroundJob::Work work);

// An error of many lines as a message box shows it: the first few lines (and how many more
// there are) as its text, every line as its details (empty when the text holds them all).
struct ErrorText {
  QString text, details;
};
ErrorText splitErrorText(const QString& error, int firstLines = 5);

}  // namespace eventscope::ui
