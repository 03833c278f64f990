#pragma once

#include <QGraphicsItem>
#include <QLineF>
#include <array>
#include <vector>

#include "ui/controller/live_snapshot.h"
#include "ui/topology/node_item.h"

namespace eventscope::ui {

// How each kind of token looks (the legend draws the same).
QColor tokenColor(TokenKind kind);
bool tokenIsSquare(TokenKind kind);  // drops and dead letters are squares, the rest dots
QString tokenLabel(TokenKind kind);

// Every moving token of the topology, painted by this one item (DESIGN.md §1 rule 7): a token
// travels its edge in kTokenLifetime of wall-clock time, whatever the simulation speed, and
// the layer keeps at most kMaxTokens (the oldest go first).
class TokenLayer final : public QGraphicsItem {
 public:
  static constexpr double kTokenLifetime = 0.9;  // seconds
  static constexpr std::size_t kMaxTokens = 20'000;

  TokenLayer();
  int type() const override { return kTokenLayerType; }

  // A token on the line, born at wall-clock time `born` (seconds).
  void add(const QLineF& path, TokenKind kind, double born, std::uint64_t correlation = 0);
  // Frozen tokens stay where they are (a still picture of a recording) instead of moving on.
  void setFrozen(bool frozen);
  bool frozen() const { return m_frozen; }
  // The correlation id of the token drawn nearest to scenePos within radius (0: none known).
  std::uint64_t correlationAt(QPointF scenePos, double radius) const;
  // Moves every token to wall-clock time `now` and forgets those that arrived.
  void advance(double now);
  void clear();
  std::size_t size() const { return m_tokens.size(); }

  QRectF boundingRect() const override { return m_bounds; }
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
  void setBounds(const QRectF& bounds);

 private:
  struct Moving {
    QLineF path;
    double born;
    TokenKind kind;
    std::uint64_t correlation;
  };
  std::vector<Moving> m_tokens;
  std::array<QPolygonF, kTokenKindCount> m_points;  // scratch, one batch per kind
  double m_now = 0;
  bool m_frozen = false;
  QRectF m_bounds;
};

}  // namespace eventscope::ui
