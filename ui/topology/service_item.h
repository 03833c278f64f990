#pragma once

#include "core/model/scenario.h"
#include "ui/topology/node_item.h"

namespace eventscope::ui {

// A service (consumer group): one square per instance (busy, idle, crashed), what waits for it
// and how fast it acks; the frame's colour is its pressure.
class ServiceItem final : public NodeItem {
 public:
  ServiceItem(std::uint32_t index, const core::ServiceSpec& spec);
  int type() const override { return kServiceItemType; }
  void setLive(const LiveSnapshot& snapshot) override;
  const ServiceView& live() const { return m_live; }

 protected:
  QColor accent() const override;
  QString kindLabel() const override;
  void paintBody(QPainter* painter, const QRectF& body) const override;

 private:
  bool m_partitioned;
  bool m_idempotent;
  ServiceView m_live;
};

// The colour of an instance square in each state (the legend uses the same).
QColor instanceColor(core::InstanceState state);

}  // namespace eventscope::ui
