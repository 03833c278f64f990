#pragma once

#include <QGraphicsView>

namespace eventscope::ui {

class TopologyScene;

// The canvas widget: antialiased, zooms with Ctrl+wheel (or pinch) around the cursor, pans by
// dragging empty space with the middle button, and fits the model on request.
class TopologyView : public QGraphicsView {
  Q_OBJECT

 public:
  explicit TopologyView(TopologyScene* scene, QWidget* parent = nullptr);

  void fitModel();
  void zoomBy(double factor);
  double zoom() const { return transform().m11(); }

 protected:
  void wheelEvent(QWheelEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void drawBackground(QPainter* painter, const QRectF& rect) override;
  // An empty model says how to start.
  void drawForeground(QPainter* painter, const QRectF& rect) override;

 private:
  TopologyScene* m_scene;
};

}  // namespace eventscope::ui
