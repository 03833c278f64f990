#include "ui/topology/token_layer.h"

#include <QPainter>
#include <algorithm>

#include "ui/topology/topology_geometry.h"

namespace eventscope::ui {

QColor tokenColor(TokenKind kind) {
  switch (kind) {
    case TokenKind::Publish:
      return QColor(50, 120, 220);
    case TokenKind::Deliver:
      return QColor(30, 160, 170);
    case TokenKind::Emit:
      return QColor(90, 170, 60);
    case TokenKind::Retry:
      return QColor(240, 150, 0);
    case TokenKind::Duplicate:
      return QColor(160, 80, 220);
    case TokenKind::DeadLetter:
      return QColor(190, 20, 20);
    case TokenKind::Drop:
      return QColor(60, 60, 60);
  }
  return Qt::black;
}

bool tokenIsSquare(TokenKind kind) {
  return kind == TokenKind::DeadLetter || kind == TokenKind::Drop;
}

QString tokenLabel(TokenKind kind) {
  switch (kind) {
    case TokenKind::Publish:
      return QStringLiteral("published by a producer");
    case TokenKind::Deliver:
      return QStringLiteral("delivered to a service");
    case TokenKind::Emit:
      return QStringLiteral("follow-up event a service emitted");
    case TokenKind::Retry:
      return QStringLiteral("redelivery: retry, crash or ack timeout");
    case TokenKind::Duplicate:
      return QStringLiteral("duplicate delivery by the broker");
    case TokenKind::DeadLetter:
      return QStringLiteral("sent to a dead-letter topic");
    case TokenKind::Drop:
      return QStringLiteral("dropped or rejected by a full topic");
  }
  return {};
}

TokenLayer::TokenLayer() {
  setZValue(2);
  setAcceptedMouseButtons(Qt::NoButton);
}

void TokenLayer::setBounds(const QRectF& bounds) {
  prepareGeometryChange();
  m_bounds = bounds;
}

void TokenLayer::add(const QLineF& path, TokenKind kind, double born, std::uint64_t correlation) {
  if (m_tokens.size() >= kMaxTokens) {
    // The oldest are first: drop a tenth at once so this stays amortised O(1).
    m_tokens.erase(m_tokens.begin(),
                   m_tokens.begin() + static_cast<std::ptrdiff_t>(kMaxTokens / 10));
  }
  m_tokens.push_back({path, born, kind, correlation});
}

void TokenLayer::setFrozen(bool frozen) {
  m_frozen = frozen;
}

std::uint64_t TokenLayer::correlationAt(QPointF scenePos, double radius) const {
  std::uint64_t found = 0;
  double best = radius * radius;
  for (const Moving& token : m_tokens) {
    const double t = (m_now - token.born) / kTokenLifetime;
    if (t < 0 || token.correlation == 0) continue;
    const QPointF d = geometry::pointAlong(token.path, t) - scenePos;
    const double distance = d.x() * d.x() + d.y() * d.y();
    if (distance <= best) {
      best = distance;
      found = token.correlation;
    }
  }
  return found;
}

void TokenLayer::advance(double now) {
  if (m_frozen) return;
  m_now = now;
  m_tokens.erase(
      std::remove_if(m_tokens.begin(), m_tokens.end(),
                     [&](const Moving& token) { return now - token.born >= kTokenLifetime; }),
      m_tokens.end());
  update();
}

void TokenLayer::clear() {
  m_tokens.clear();
  update();
}

void TokenLayer::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
  for (auto& points : m_points)
    points.clear();
  for (const Moving& token : m_tokens) {
    const double t = (m_now - token.born) / kTokenLifetime;
    if (t < 0) continue;
    m_points[static_cast<std::size_t>(token.kind)].append(geometry::pointAlong(token.path, t));
  }
  painter->setRenderHint(QPainter::Antialiasing, false);
  for (int k = 0; k < kTokenKindCount; ++k) {
    const auto kind = static_cast<TokenKind>(k);
    const QPolygonF& points = m_points[static_cast<std::size_t>(k)];
    if (points.isEmpty()) continue;
    // One wide pen per kind draws all its tokens in a single call.
    QPen pen(tokenColor(kind), tokenIsSquare(kind) ? 8 : 7);
    pen.setCapStyle(tokenIsSquare(kind) ? Qt::SquareCap : Qt::RoundCap);
    painter->setPen(pen);
    painter->drawPoints(points.constData(), static_cast<int>(points.size()));
  }
}

}  // namespace eventscope::ui
