#pragma once

#include <optional>
#include <string>

#include "core/model/scenario.h"
#include "core/store/recording.h"

namespace eventscope::core {

// The model a recording shows: the scenario it was recorded from, or, for an imported
// recording that holds none, a topology derived from its events (derived = true): a producer
// per source and topic of events nothing caused, a topic per topic, and a service per source
// of caused events, subscribed to its causes' topics and emitting onto its own. A model that
// does not read (written by a newer version, say) gets the derived topology too, with a note.
// nullopt (and a reason) when the file is damaged.
struct RecordedModel {
  Scenario scenario;
  bool derived = false;
  std::string note;  // why a recording that holds a model got a derived topology instead
};
std::optional<RecordedModel> recordedModel(const store::Recording& recording, std::string* error);

}  // namespace eventscope::core
