#include "ui/editor/scenario_document.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QUndoCommand>

#include "core/io/scenario_reader.h"
#include "core/io/scenario_writer.h"
#include "core/model/limits.h"
#include "core/store/recording.h"

namespace eventscope::ui {

namespace {
// One edit: the model before and after, so undo and redo restore either exactly.
class ReplaceScenarioCommand final : public QUndoCommand {
 public:
  ReplaceScenarioCommand(ScenarioDocument* document, core::Scenario before, core::Scenario after,
                         const QString& text)
      : QUndoCommand(text),
        m_document(document),
        m_before(std::move(before)),
        m_after(std::move(after)) {}
  void undo() override { m_document->replace(m_before); }
  void redo() override { m_document->replace(m_after); }

 private:
  ScenarioDocument* m_document;
  core::Scenario m_before, m_after;
};

QString formatErrors(const core::Diagnostics& errors) {
  QStringList lines;
  for (const auto& error : errors)
    lines << QString::fromStdString(error.format());
  return lines.join(QLatin1Char('\n'));
}
}  // namespace

ScenarioDocument::ScenarioDocument(QObject* parent) : QObject(parent) {
  newModel();
}

QString ScenarioDocument::displayName() const {
  return m_path.isEmpty() ? tr("Untitled") : QFileInfo(m_path).fileName();
}

void ScenarioDocument::reset(core::Scenario scenario, QString path, std::string text) {
  m_scenario = std::move(scenario);
  m_savedText = std::move(text);
  m_undo.clear();
  m_undo.setClean();
  const bool moved = m_path != path;
  m_path = std::move(path);
  Q_EMIT modelChanged();
  if (moved) Q_EMIT pathChanged(m_path);
}

void ScenarioDocument::newModel() {
  core::Scenario scenario;
  scenario.name = tr("Untitled").toStdString();
  reset(std::move(scenario), {}, {});
}

bool ScenarioDocument::open(const QString& path, QString* error) {
  QFile file(path);
  if (file.size() > static_cast<qint64>(core::limits::kMaxFileBytes)) {
    *error = tr("%1: error: the file is larger than %2 MiB; a scenario is a small text file")
                 .arg(path)
                 .arg(core::limits::kMaxFileBytes >> 20);
    return false;
  }
  if (!file.open(QIODevice::ReadOnly)) {
    *error = tr("%1: error: cannot read the file: %2").arg(path, file.errorString());
    return false;
  }
  const QByteArray bytes = file.readAll();
  if (bytes.startsWith(QByteArrayLiteral("SQLite format 3")))
    return openRecordingModel(path, error);
  const std::string text(bytes.constData(), static_cast<std::size_t>(bytes.size()));
  core::ScenarioReadResult read = core::parseScenario(text, path.toStdString());
  if (!read.ok()) {
    *error = formatErrors(read.errors);
    return false;
  }
  reset(std::move(*read.scenario), path, text);
  return true;
}

bool ScenarioDocument::openRecordingModel(const QString& path, QString* error) {
  std::string message;
  const auto recording = core::store::Recording::open(path.toStdString(), &message);
  if (!recording) {
    *error = tr("%1: error: %2").arg(path, QString::fromStdString(message));
    return false;
  }
  const std::string text = recording->meta("scenario");
  if (text.empty()) {
    *error = tr("%1: error: this recording was imported and holds no model to edit; "
                "inspect it with 'eventscope inspect' (recordings open in the GUI with the "
                "debugger views)")
                 .arg(path);
    return false;
  }
  core::ScenarioReadResult read = core::parseScenario(text, path.toStdString() + " (its model)");
  if (!read.ok()) {
    *error = formatErrors(read.errors);
    return false;
  }
  // The model is a copy: saving it asks for a new scenario file, never the recording.
  reset(std::move(*read.scenario), {}, text);
  m_undo.resetClean();
  return true;
}

bool ScenarioDocument::openText(const std::string& text, const QString& name, QString* error) {
  core::ScenarioReadResult read = core::parseScenario(text, name.toStdString());
  if (!read.ok()) {
    *error = formatErrors(read.errors);
    return false;
  }
  reset(std::move(*read.scenario), {}, text);
  return true;
}

bool ScenarioDocument::save(const QString& path, QString* error) {
  const std::string text = core::writeScenarioKeeping(m_scenario, m_savedText);
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly) ||
      file.write(text.data(), static_cast<qint64>(text.size())) !=
          static_cast<qint64>(text.size()) ||
      !file.commit()) {
    *error = tr("cannot save %1: %2").arg(path, file.errorString());
    return false;
  }
  m_savedText = text;
  m_undo.setClean();
  if (m_path != path) {
    m_path = path;
    Q_EMIT pathChanged(m_path);
  }
  return true;
}

void ScenarioDocument::edit(const core::Scenario& next, const QString& description) {
  m_undo.push(new ReplaceScenarioCommand(this, m_scenario, next, description));
}

void ScenarioDocument::replace(const core::Scenario& scenario) {
  m_scenario = scenario;
  Q_EMIT modelChanged();
}

}  // namespace eventscope::ui
