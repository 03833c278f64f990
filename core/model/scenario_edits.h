#pragma once

#include <string>

#include "core/model/node_ref.h"
#include "core/model/scenario.h"

// Structural edits of a scenario, as the GUI's editor (and lessons' actions) make them. Each
// keeps references consistent: a rename renames every mention, a removal removes every mention.
namespace eventscope::core {

// The name a node of this kind gets when added: "service-1", "service-2", ... unused so far.
std::string freshName(const Scenario& scenario, NodeKind kind);
std::string nodeName(const Scenario& scenario, NodeRef node);

// Adds a node with sensible defaults (a producer publishes to the first topic, if any) at a
// canvas position, and returns it.
NodeRef addNode(Scenario& scenario, NodeKind kind, double x, double y);

// Connects two nodes the way their kinds allow: producer -> topic sets what it publishes to,
// topic -> service subscribes the service, service -> topic adds a follow-up event. Returns an
// empty string, or why the connection is not possible (nothing changes then).
std::string connectNodes(Scenario& scenario, NodeRef from, NodeRef to);

// Removes the node and every mention of it: subscriptions, follow-ups, dead-letter settings,
// faults that name it, its layout entry. Producers of a removed topic stay, with no topic.
void removeNode(Scenario& scenario, NodeRef node);

// Renames the node and every mention. Returns an empty string, or why not (name taken, empty).
std::string renameNode(Scenario& scenario, NodeRef node, const std::string& name);

// Where the node is on the canvas; writes (or moves) its `layout:` entry.
void placeNode(Scenario& scenario, NodeRef node, double x, double y);

}  // namespace eventscope::core
