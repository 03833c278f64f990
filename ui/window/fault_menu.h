#pragma once

#include <QMenu>
#include <optional>

#include "core/model/node_ref.h"
#include "core/model/scenario.h"
#include "ui/controller/live_snapshot.h"

namespace eventscope::ui {

class RunController;

// Fills a menu with the live faults that apply to a node (crash, recover, scale, slow down,
// pause, inject, duplicate), enabled only while a run is under way; what cannot apply says why
// in its tooltip.
void addFaultActions(QMenu* menu, RunController* controller, const core::Scenario& scenario,
                     core::NodeRef node, const LiveSnapshot* snapshot);

}  // namespace eventscope::ui
