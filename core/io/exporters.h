#pragma once

#include <optional>
#include <ostream>
#include <string>

#include "core/io/progress.h"
#include "core/store/recording.h"

namespace eventscope::core {

enum class ExportFormat { CloudEvents, Otlp, Jaeger, Csv, Dot };

std::optional<ExportFormat> exportFormatFromName(const std::string& name);

// Writes a recording in a format other tools read (DESIGN.md §5): CloudEvents 1.0 as JSON
// Lines, OTLP/JSON traces, Jaeger's native JSON (what its UI uploads), CSV with one row per
// attempt, or the topology as Graphviz DOT. Streams page by page: memory stays small.
// `progress` hears events written of the recording's total after every page of a few
// thousand; when it returns false the export stops with kExportCancelled (export_pages.h).
bool exportRecording(const store::Recording& recording, ExportFormat format, std::ostream& out,
                     std::string* error, const Progress& progress = {});

// The same into a file: written under a temporary name beside `outputPath` and renamed over it
// once complete, so a cancel or a failure leaves no partial output and an existing file as it
// was. `error` says why on Failed.
ExchangeOutcome exportRecordingToFile(const store::Recording& recording, ExportFormat format,
                                      const std::string& outputPath, std::string* error,
                                      const Progress& progress = {});

// Each format's writer (exportRecording picks one).
bool exportCloudEvents(const store::Recording& recording, std::ostream& out, std::string* error,
                       const Progress& progress = {});
bool exportOtlp(const store::Recording& recording, std::ostream& out, std::string* error,
                const Progress& progress = {});
bool exportJaeger(const store::Recording& recording, std::ostream& out, std::string* error,
                  const Progress& progress = {});
bool exportCsv(const store::Recording& recording, std::ostream& out, std::string* error,
               const Progress& progress = {});
bool exportDot(const store::Recording& recording, std::ostream& out, std::string* error,
               const Progress& progress = {});

// Ids for traces: a correlation id as a 32-hex-digit trace id, an event id as a 16-hex-digit
// span id, and a span id for one attempt.
std::string traceIdOf(std::uint64_t correlation);
std::string spanIdOf(std::uint64_t eventId);
std::string attemptSpanIdOf(const store::RecordedSpan& span);

}  // namespace eventscope::core
