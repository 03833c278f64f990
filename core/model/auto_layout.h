#pragma once

#include <vector>

#include "core/model/scenario.h"

namespace eventscope::core {

// Spacing of the automatic layout, in canvas units (the GUI's scene coordinates).
inline constexpr double kLayoutColumnWidth = 250;
inline constexpr double kLayoutRowHeight = 130;

// Positions for every producer, topic and service of the scenario, for a canvas: left to right
// in the direction events flow (producers, the topics they publish to, the services reading
// those, the topics those emit to, ...), each column ordered to keep edges from crossing
// (barycenter sweeps) and centred on y = 0. Nodes the scenario's `layout:` places keep their
// positions; the result lists every node once, in the scenario's order (producers, topics,
// then services), and is the same for the same scenario.
std::vector<LayoutEntry> autoLayout(const Scenario& scenario);

}  // namespace eventscope::core
