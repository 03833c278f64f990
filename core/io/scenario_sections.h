#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "core/io/map_fields.h"
#include "core/model/scenario.h"
#include "core/model/scenario_validation.h"

// The readers of each section of a scenario file. Each reports every problem it finds, keeps
// reading past them, and adds what it could read to the scenario (with defaults in place of
// bad values) so that later checks see as much of the model as possible.
namespace eventscope::core::detail {

void readTopics(ReadContext& context, const Field& section, Scenario& scenario,
                ValidationOptions& gaps);
void readProducers(ReadContext& context, const Field& section, Scenario& scenario,
                   ValidationOptions& gaps);
void readServices(ReadContext& context, const Field& section, Scenario& scenario,
                  ValidationOptions& gaps);
void readFaults(ReadContext& context, const Field& section, Scenario& scenario);
void readLayout(ReadContext& context, const Field& section, Scenario& scenario);

// Calls `read` with each entry of a list section (`- name: ...` maps). Returns false if an
// entry had to be skipped: the section was not a list, an entry was not a map, or there were
// more than limits::kMaxEntities.
bool forEachEntry(ReadContext& context, const Field& section, std::string_view entryKind,
                  std::string_view shape,
                  const std::function<void(const MapFields&, std::size_t index)>& read);

// Reads an entry's required `name` into `name` and `pos` (the name's position, or the entry's
// when it has none), reports keys not in `allowed`, and returns how messages call the entry:
// "topic 'orders'" or "topic #2". `named` is cleared when the entry has no usable name.
std::string readEntryName(ReadContext& context, const MapFields& entry, std::string_view kind,
                          std::size_t index, const std::vector<std::string>& allowed,
                          std::string& name, SourcePos& pos, bool& named);

}  // namespace eventscope::core::detail
