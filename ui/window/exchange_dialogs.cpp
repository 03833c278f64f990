// The file-dialog half of import and export; the work itself is in exchange_jobs.
#include "ui/window/exchange_dialogs.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>

#include "ui/window/exchange_jobs.h"

namespace eventscope::ui {

namespace {
void showFailure(QWidget* parent, const QString& title, const QString& what, const QString& error) {
  const ErrorText parts = splitErrorText(error);
  QMessageBox box(QMessageBox::Warning, title, what, QMessageBox::Ok, parent);
  box.setInformativeText(parts.text);
  box.setDetailedText(parts.details);
  box.exec();
}
}  // namespace

QString importCloudEventsInteractive(QWidget* parent) {
  const QString title = QObject::tr("Import CloudEvents");
  const QString input = QFileDialog::getOpenFileName(
      parent, title, QString(),
      QObject::tr("CloudEvents JSON or JSON Lines (*.json *.jsonl);;All files (*)"));
  if (input.isEmpty()) return {};
  QString output = QFileDialog::getSaveFileName(
      parent, QObject::tr("Save the imported recording"), defaultRecordingPathFor(input),
      QObject::tr("Eventscope recordings (*.%1)").arg(kRecordingExtension));
  if (output.isEmpty()) return {};
  if (QFileInfo(output).suffix().isEmpty()) output += QString(".") + kRecordingExtension;
  // The save dialog has asked whether to replace a file already there.
  const bool replace = QFileInfo::exists(output);
  const JobResult result = runWithProgressDialog(
      parent, title, QObject::tr("Importing %1…").arg(QFileInfo(input).fileName()),
      importWork(input, output, replace));
  if (result.outcome == JobOutcome::Done) return output;
  if (result.outcome == JobOutcome::Failed) {
    showFailure(parent, title,
                QObject::tr("%1 could not be imported; nothing was written.")
                    .arg(QFileInfo(input).fileName()),
                result.error);
  }
  return {};
}

QString exportRecordingInteractive(QWidget* parent, const QString& recordingPath) {
  const QString title = QObject::tr("Export recording");
  const auto& choices = exportFormatChoices();
  QStringList filters;
  for (const ExportFormatChoice& choice : choices)
    filters << choice.filter();
  QFileDialog dialog(parent, title);
  dialog.setAcceptMode(QFileDialog::AcceptSave);
  dialog.setFileMode(QFileDialog::AnyFile);
  dialog.setNameFilters(filters);
  dialog.selectNameFilter(choices.front().filter());
  dialog.setDefaultSuffix(choices.front().extension);
  dialog.selectFile(defaultExportPathFor(recordingPath, choices.front()));
  // Picking a format proposes its own file name (and the extension added to a bare name).
  QObject::connect(&dialog, &QFileDialog::filterSelected, &dialog,
                   [&dialog, recordingPath](const QString& filter) {
                     const ExportFormatChoice* choice = exportFormatForFilter(filter);
                     if (!choice) return;
                     dialog.setDefaultSuffix(choice->extension.section('.', -1));
                     dialog.selectFile(defaultExportPathFor(recordingPath, *choice));
                   });
  if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty()) return {};
  const ExportFormatChoice* choice = exportFormatForFilter(dialog.selectedNameFilter());
  if (!choice) choice = &choices.front();
  const QString output = dialog.selectedFiles().front();
  const JobResult result = runWithProgressDialog(
      parent, title,
      QObject::tr("Exporting %1 as %2…").arg(QFileInfo(recordingPath).fileName(), choice->label),
      exportWork(recordingPath, choice->format, output));
  if (result.outcome == JobOutcome::Done) return output;
  if (result.outcome == JobOutcome::Failed) {
    showFailure(parent, title,
                QObject::tr("%1 could not be exported; no file was written.")
                    .arg(QFileInfo(recordingPath).fileName()),
                result.error);
  }
  return {};
}

}  // namespace eventscope::ui
