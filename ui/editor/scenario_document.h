#pragma once

#include <QObject>
#include <QString>
#include <QUndoStack>
#include <string>

#include "core/model/scenario.h"

namespace eventscope::ui {

// The model being edited: the scenario, the file it came from (and that file's text, so a save
// keeps what a person wrote), and the undo stack every edit goes through. An edit replaces
// the whole scenario and its undo restores the previous one exactly.
class ScenarioDocument : public QObject {
  Q_OBJECT

 public:
  explicit ScenarioDocument(QObject* parent = nullptr);

  const core::Scenario& scenario() const { return m_scenario; }
  const QString& path() const { return m_path; }
  // The file name without its directory, or "Untitled".
  QString displayName() const;
  bool isModified() const { return !m_undo.isClean(); }
  QUndoStack* undoStack() { return &m_undo; }

  // An empty model, not yet saved anywhere.
  void newModel();
  // Reads a scenario file, or the model of a recording. On failure nothing changes and `error`
  // holds every problem, one `FILE:LINE:COL: error: ...` line each.
  bool open(const QString& path, QString* error);
  // Reads a model from text (the demos bundled as resources); `name` labels it.
  bool openText(const std::string& text, const QString& name, QString* error);
  // Writes the model (atomically: a failed save leaves the old file as it was).
  bool save(const QString& path, QString* error);

  // An undoable edit that replaces the model.
  void edit(const core::Scenario& next, const QString& description);

  // Used by the undo command.
  void replace(const core::Scenario& scenario);

 Q_SIGNALS:
  // After every edit, undo, redo, open or new.
  void modelChanged();
  void pathChanged(const QString& path);

 private:
  // A recording made from a scenario: its model, as a new unsaved document.
  bool openRecordingModel(const QString& path, QString* error);
  void reset(core::Scenario scenario, QString path, std::string text);

  core::Scenario m_scenario;
  QString m_path;
  std::string m_savedText;  // the file's text as last read or written
  QUndoStack m_undo;
};

}  // namespace eventscope::ui
