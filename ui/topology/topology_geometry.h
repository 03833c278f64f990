#pragma once

#include <QColor>
#include <QLineF>
#include <QPointF>
#include <QRectF>
#include <QSizeF>

#include "core/model/node_ref.h"

// The topology view's geometry and colour maths, kept out of paint code so it can be tested.
namespace eventscope::ui::geometry {

// A node's box on the canvas, centred on its layout position.
QSizeF nodeSize(core::NodeKind kind);
QRectF nodeRect(core::NodeKind kind, QPointF centre);

// The line an edge follows: from the sender's port (the middle of its right edge) to the
// middle of the receiver's left edge when the receiver lies to the right; otherwise where the
// line between the centres leaves the first box and enters the second.
QLineF edgeBetween(const QRectF& from, const QRectF& to);

// A point a fraction t (0..1, clamped) along an edge. A self-edge (an injected event appearing
// at its topic) is a small loop above the box.
QPointF pointAlong(const QLineF& edge, double t);

// Pressure 0 (nothing waiting) .. 1 (overwhelmed), from the backlog per working instance on a
// log scale: 1 waiting per instance is calm, 1,000 is the top of the scale. A bounded topic's
// pressure is how full its fullest partition is.
double servicePressure(std::uint64_t waiting, std::size_t instancesUp);
double topicPressure(std::uint64_t deepestPartition, std::uint64_t capacity);

// Green at 0, amber at 0.5, red at 1.
QColor pressureColor(double pressure);

// The snap grid the editor places nodes on.
inline constexpr double kGrid = 10;
QPointF snapped(QPointF position);

}  // namespace eventscope::ui::geometry
