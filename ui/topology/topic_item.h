#pragma once

#include "core/model/scenario.h"
#include "ui/topology/node_item.h"

namespace eventscope::ui {

// A topic: one bar per partition showing how many events it holds (against its capacity when
// bounded, else against its deepest partition), and a badge while the broker duplicates its
// deliveries. A topic nobody reads (a dead-letter topic) keeps events: it is drawn neutral.
class TopicItem final : public NodeItem {
 public:
  // `read`: some service subscribes (else what it holds is kept, not a backlog).
  TopicItem(std::uint32_t index, const core::TopicSpec& spec, bool read);
  int type() const override { return kTopicItemType; }
  void setLive(const LiveSnapshot& snapshot) override;

 protected:
  QColor accent() const override;
  QString kindLabel() const override;
  void paintBody(QPainter* painter, const QRectF& body) const override;

 private:
  int m_partitions;
  std::uint64_t m_capacity;
  bool m_implicit;
  bool m_read;
  TopicView m_live;
};

}  // namespace eventscope::ui
