// Import and export jobs, and the progress dialog they run under.
#include "ui/window/exchange_jobs.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QProgressDialog>

#include "core/io/cloudevents_import.h"
#include "core/store/recording.h"

namespace eventscope::ui {

QString ExportFormatChoice::filter() const {
  return label + " (*." + extension.section('.', -1) + ")";
}

const std::vector<ExportFormatChoice>& exportFormatChoices() {
  static const std::vector<ExportFormatChoice> choices = {
      {core::ExportFormat::CloudEvents, QStringLiteral("CloudEvents JSON Lines"),
       QStringLiteral("jsonl")},
      {core::ExportFormat::Otlp, QStringLiteral("OpenTelemetry OTLP JSON traces"),
       QStringLiteral("otlp.json")},
      {core::ExportFormat::Jaeger, QStringLiteral("Jaeger JSON traces for Jaeger UI"),
       QStringLiteral("jaeger.json")},
      {core::ExportFormat::Csv, QStringLiteral("CSV, one row per delivery attempt"),
       QStringLiteral("csv")},
      {core::ExportFormat::Dot, QStringLiteral("Graphviz DOT topology"), QStringLiteral("dot")},
  };
  return choices;
}

const ExportFormatChoice* exportFormatForFilter(const QString& filter) {
  for (const ExportFormatChoice& choice : exportFormatChoices()) {
    if (choice.filter() == filter) return &choice;
  }
  return nullptr;
}

QString defaultRecordingPathFor(const QString& cloudEventsPath) {
  const QFileInfo input(cloudEventsPath);
  return input.dir().filePath(input.completeBaseName() + "." + kRecordingExtension);
}

QString defaultExportPathFor(const QString& recordingPath, const ExportFormatChoice& choice) {
  const QFileInfo recording(recordingPath);
  return recording.dir().filePath(recording.completeBaseName() + "." + choice.extension);
}

BackgroundJob::Work importWork(const QString& input, const QString& output, bool replaceExisting) {
  return [from = input.toStdString(), to = output.toStdString(), replaceExisting](
             const core::Progress& progress, std::string* error) {
    const core::ImportResult result = core::importCloudEvents(
        from, to, {.progress = progress, .replaceExisting = replaceExisting});
    if (result.ok() || result.cancelled) return result.ok();
    error->clear();
    for (const core::Diagnostic& d : result.errors)
      *error += (error->empty() ? "" : "\n") + d.format();
    return false;
  };
}

BackgroundJob::Work exportWork(const QString& recordingPath, core::ExportFormat format,
                               const QString& output) {
  return [from = recordingPath.toStdString(), format, to = output.toStdString()](
             const core::Progress& progress, std::string* error) {
    // Its own connection, on this thread: recordings are never shared between threads.
    const auto recording = core::store::Recording::open(from, error);
    if (!recording) return false;
    return core::exportRecordingToFile(*recording, format, to, error, progress) ==
           core::ExchangeOutcome::Done;
  };
}

JobResult runWithProgressDialog(QWidget* parent, const QString& title, const QString& label,
                                BackgroundJob::Work work) {
  constexpr int kSteps = 1000;
  QProgressDialog dialog(label, QObject::tr("Cancel"), 0, kSteps, parent);
  dialog.setWindowTitle(title);
  dialog.setWindowModality(Qt::WindowModal);
  dialog.setMinimumDuration(400);  // a quick job never flashes a dialog
  dialog.setAutoClose(false);      // it closes when the job has really stopped
  dialog.setAutoReset(false);
  dialog.setValue(0);

  BackgroundJob job;
  JobResult result;
  QEventLoop loop;
  QObject::connect(
      &job, &BackgroundJob::progressChanged, &dialog, [&dialog](quint64 done, quint64 total) {
        if (dialog.wasCanceled()) return;
        if (total == 0) {
          dialog.setRange(0, 0);  // busy until the work knows its size
          return;
        }
        dialog.setRange(0, kSteps);
        dialog.setValue(static_cast<int>(std::min<quint64>(done, total) * kSteps / total));
      });
  QObject::connect(&dialog, &QProgressDialog::canceled, &job, [&job, &dialog] {
    dialog.setLabelText(QObject::tr("Cancelling…"));
    job.cancel();
  });
  QObject::connect(&job, &BackgroundJob::finished, &loop, [&](bool ok, const QString& error) {
    result = {ok ? JobOutcome::Done : JobOutcome::Failed, error};
    loop.quit();
  });
  QObject::connect(&job, &BackgroundJob::cancelled, &loop, [&] {
    result = {JobOutcome::Cancelled, {}};
    loop.quit();
  });
  job.start(std::move(work));
  loop.exec();
  dialog.hide();
  return result;
}

ErrorText splitErrorText(const QString& error, int firstLines) {
  const QStringList lines = error.split('\n', Qt::SkipEmptyParts);
  if (lines.size() <= firstLines) return {lines.join('\n'), {}};
  QString text = lines.mid(0, firstLines).join('\n');
  text += "\n" + QObject::tr("… and %n more (see the details)", nullptr,
                             static_cast<int>(lines.size() - firstLines));
  return {text, lines.join('\n')};
}

}  // namespace eventscope::ui
