#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/model/node_ref.h"
#include "core/model/scenario.h"

// Field-by-field editing of a scenario as the GUI's property editor does it: every value is the
// YAML a person would write in the file, and every edit is checked by the scenario reader
// itself, so the editor reports exactly the errors `eventscope validate` would.
namespace eventscope::core {

// What a property row edits: one node, or the scenario itself (name, seed, duration, warmup,
// faults) when node is empty.
using FieldOwner = std::optional<NodeRef>;

struct NodeField {
  std::string key;    // as in the file: `service_time`, `retry`, ...
  std::string value;  // YAML flow text as written (`{exponential: 10ms}`); empty when absent
};

// Every key DESIGN.md §2 allows for the owner, in the format's order, with its current value.
std::vector<NodeField> nodeFields(const Scenario& scenario, const FieldOwner& owner);

struct FieldEdit {
  std::optional<Scenario> scenario;  // the edited model, when the value is accepted
  std::vector<std::string> errors;   // otherwise what the reader (or the rename) said
};

// Sets one field from YAML text (empty text removes the field: its default applies). The owner
// is re-read on its own with the model's topics, so one unfinished node elsewhere does not
// block an edit here; renames go through renameNode and keep references consistent.
FieldEdit editField(const Scenario& scenario, const FieldOwner& owner, const std::string& key,
                    const std::string& value);

// The reader's complaints about the whole model, each tied to the node whose entry it is in
// (empty node: the scenario's own fields or its faults).
struct ModelProblem {
  FieldOwner node;
  std::string message;
};
std::vector<ModelProblem> modelProblems(const Scenario& scenario);

// Brings implicit dead-letter topics in line with the services: one for every dead_letter that
// names no declared topic, none that nothing names any more (as the reader would make them).
void syncImplicitTopics(Scenario& scenario);

}  // namespace eventscope::core
