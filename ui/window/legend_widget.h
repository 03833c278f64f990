#pragma once

#include <QWidget>

namespace eventscope::ui {

// Explains every colour and shape of the canvas: tokens, instance states, pressure, edges.
// Painted with the same functions the canvas uses, so the two cannot disagree.
class LegendWidget : public QWidget {
  Q_OBJECT

 public:
  explicit LegendWidget(QWidget* parent = nullptr);
  QSize sizeHint() const override;

 protected:
  void paintEvent(QPaintEvent* event) override;
};

}  // namespace eventscope::ui
