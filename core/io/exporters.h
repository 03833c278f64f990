#pragma once

#include <optional>
#include <ostream>
#include <string>

#include "core/store/recording.h"

namespace eventscope::core {

enum class ExportFormat { CloudEvents, Otlp, Jaeger, Csv, Dot };

std::optional<ExportFormat> exportFormatFromName(const std::string& name);

// Writes a recording in a format other tools read (DESIGN.md §5): CloudEvents 1.0 as JSON
// Lines, OTLP/JSON traces, Jaeger's native JSON (what its UI uploads), CSV with one row per
// attempt, or the topology as Graphviz DOT. Streams page by page: memory stays small.
bool exportRecording(const store::Recording& recording, ExportFormat format, std::ostream& out,
                     std::string* error);

// Each format's writer (exportRecording picks one).
bool exportCloudEvents(const store::Recording& recording, std::ostream& out, std::string* error);
bool exportOtlp(const store::Recording& recording, std::ostream& out, std::string* error);
bool exportJaeger(const store::Recording& recording, std::ostream& out, std::string* error);
bool exportCsv(const store::Recording& recording, std::ostream& out, std::string* error);
bool exportDot(const store::Recording& recording, std::ostream& out, std::string* error);

// Ids for traces: a correlation id as a 32-hex-digit trace id, an event id as a 16-hex-digit
// span id, and a span id for one attempt.
std::string traceIdOf(std::uint64_t correlation);
std::string spanIdOf(std::uint64_t eventId);
std::string attemptSpanIdOf(const store::RecordedSpan& span);

}  // namespace eventscope::core
