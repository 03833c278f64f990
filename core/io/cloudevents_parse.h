#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/io/diagnostic.h"

namespace eventscope::core {

// One CloudEvent as read from a file, before it has an event id.
struct IncomingEvent {
  std::size_t line = 0;
  std::int64_t time = 0;  // Unix ns; an event without `time` gets its predecessor's
  bool timed = false;
  std::string id, source, type, topic, key, traceparent, correlationId, causationId, payload;
  std::uint32_t partition = 0, schema = 1;
};

// Reads CloudEvents 1.0 in JSON (a batch array, or JSON Lines with one event per line) from
// `text`, in file order, with simdjson on both cores; events are appended. Lines of JSON Lines
// count from firstLine (for a file read in chunks of whole lines). Every problem goes into
// `errors` as FILE:LINE:COL (at most 100 per call). The memory after `text` must be readable
// for kJsonPadding bytes (simdjson reads ahead).
inline constexpr std::size_t kJsonPadding = 64;
void parseCloudEvents(std::string_view text, const std::string& file, std::size_t firstLine,
                      std::vector<IncomingEvent>& events, Diagnostics& errors);

}  // namespace eventscope::core
