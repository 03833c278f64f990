#pragma once

#include <QObject>
#include <QPointF>
#include <optional>
#include <vector>

#include "core/model/node_ref.h"

namespace eventscope::ui {

class ScenarioDocument;
class TopologyScene;

// Turns what a person does on the canvas into undoable edits of the document: moving nodes,
// connecting them by dragging, adding from the palette, deleting, laying out again. The scene
// is rebuilt from the document after each edit, so the model is the only source of truth.
class ModelEditor : public QObject {
  Q_OBJECT

 public:
  ModelEditor(ScenarioDocument* document, TopologyScene* scene, QObject* parent = nullptr);

  // Adds a node at a canvas position and selects it.
  core::NodeRef addNode(core::NodeKind kind, QPointF position);
  // Adds a node in a free spot near a point (the toolbar: near the middle of the view).
  core::NodeRef addNodeNear(core::NodeKind kind, QPointF near);
  void connectNodes(core::NodeRef from, core::NodeRef to);
  void removeNodes(const std::vector<core::NodeRef>& nodes);
  void removeSelected();
  // Forgets every written position: the automatic layout places all nodes again.
  void layoutAgain();

 Q_SIGNALS:
  // Something the person tried could not be done; one sentence says why.
  void refused(const QString& reason);

 private:
  QPointF freeSpot(core::NodeKind kind, QPointF near) const;
  void moveNodes(const std::vector<std::pair<core::NodeRef, QPointF>>& moves);
  void rebuildScene();

  ScenarioDocument* m_document;
  TopologyScene* m_scene;
};

}  // namespace eventscope::ui
