#include "ui/window/legend_widget.h"

#include <QLinearGradient>
#include <QPainter>

#include "ui/topology/service_item.h"
#include "ui/topology/token_layer.h"
#include "ui/topology/topology_geometry.h"

namespace eventscope::ui {

namespace {
constexpr int kRow = 20;
constexpr int kTokenRows = kTokenKindCount;
constexpr int kInstanceRows = 3;
constexpr int kOtherRows = 5;
}  // namespace

LegendWidget::LegendWidget(QWidget* parent) : QWidget(parent) {
  setMinimumWidth(220);
}

QSize LegendWidget::sizeHint() const {
  return {280, kRow * (kTokenRows + kInstanceRows + kOtherRows + 3) + 8};
}

void LegendWidget::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  painter.setRenderHint(QPainter::Antialiasing);
  const QColor text = palette().color(QPalette::WindowText);
  int y = 4;
  const auto heading = [&](const QString& title) {
    QFont bold = font();
    bold.setBold(true);
    painter.setFont(bold);
    painter.setPen(text);
    painter.drawText(QRect(8, y, width() - 16, kRow), Qt::AlignVCenter, title);
    painter.setFont(font());
    y += kRow;
  };
  const auto label = [&](const QString& line) {
    painter.setPen(text);
    painter.drawText(QRect(36, y, width() - 44, kRow), Qt::AlignVCenter, line);
    y += kRow;
  };

  heading(tr("Moving tokens"));
  for (int k = 0; k < kTokenKindCount; ++k) {
    const auto kind = static_cast<TokenKind>(k);
    QPen pen(tokenColor(kind), tokenIsSquare(kind) ? 8 : 7);
    pen.setCapStyle(tokenIsSquare(kind) ? Qt::SquareCap : Qt::RoundCap);
    painter.setPen(pen);
    painter.drawPoint(QPointF(20, y + kRow / 2.0));
    label(tokenLabel(kind));
  }

  heading(tr("Service instances"));
  const std::pair<core::InstanceState, QString> states[] = {
      {core::InstanceState::Busy, tr("busy: processing an event")},
      {core::InstanceState::Idle, tr("idle: waiting for work")},
      {core::InstanceState::Down, tr("crashed: its work is redelivered")}};
  for (const auto& [state, line] : states) {
    painter.setPen(Qt::NoPen);
    painter.setBrush(instanceColor(state));
    const QRectF square(14, y + 4, 12, 12);
    painter.drawRect(square);
    if (state == core::InstanceState::Down) {
      painter.setPen(QPen(Qt::white, 1.5));
      painter.drawLine(square.topLeft() + QPointF(2, 2), square.bottomRight() - QPointF(2, 2));
      painter.drawLine(square.topRight() + QPointF(-2, 2), square.bottomLeft() + QPointF(2, -2));
    }
    label(line);
  }

  heading(tr("Frames and edges"));
  QLinearGradient gradient(8, 0, 30, 0);
  gradient.setColorAt(0, geometry::pressureColor(0));
  gradient.setColorAt(0.5, geometry::pressureColor(0.5));
  gradient.setColorAt(1, geometry::pressureColor(1));
  painter.setPen(Qt::NoPen);
  painter.setBrush(gradient);
  painter.drawRoundedRect(QRectF(8, y + 5, 24, 10), 3, 3);
  label(tr("pressure: calm, filling up, overwhelmed"));
  painter.setPen(QPen(palette().color(QPalette::Mid), 1.6));
  painter.drawLine(QPointF(8, y + kRow / 2.0), QPointF(30, y + kRow / 2.0));
  label(tr("events flow (arrow: direction)"));
  painter.setPen(QPen(QColor(200, 60, 60), 1.6, Qt::DashLine));
  painter.drawLine(QPointF(8, y + kRow / 2.0), QPointF(30, y + kRow / 2.0));
  label(tr("dead-letter route"));
  painter.setPen(Qt::NoPen);
  painter.setBrush(geometry::pressureColor(0.3));
  painter.drawRect(QRectF(12, y + 3, 5, 14));
  painter.drawRect(QRectF(19, y + 9, 5, 8));
  label(tr("partitions: events held, against the capacity"));
  painter.setBrush(QColor(150, 160, 170));
  painter.setPen(Qt::NoPen);
  painter.drawRect(QRectF(12, y + 3, 5, 14));
  label(tr("grey: a topic nobody reads keeps them"));
}

}  // namespace eventscope::ui
