#pragma once

#include "core/model/scenario.h"
#include "ui/topology/node_item.h"

namespace eventscope::ui {

// A producer: what it emits and how fast; live, how many it published and whether it is
// paused or held back by a full topic.
class ProducerItem final : public NodeItem {
 public:
  ProducerItem(std::uint32_t index, const core::ProducerSpec& spec);
  int type() const override { return kProducerItemType; }
  void setLive(const LiveSnapshot& snapshot) override;

 protected:
  QColor accent() const override;
  QString kindLabel() const override { return QStringLiteral("PRODUCER"); }
  void paintBody(QPainter* painter, const QRectF& body) const override;

 private:
  QString m_event;  // the event type it publishes
  QString m_rate;
  ProducerView m_live;
};

}  // namespace eventscope::ui
