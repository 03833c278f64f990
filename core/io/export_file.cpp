// An export into a file: a temporary beside the target, renamed over it once complete.
#include <fstream>

#include "core/io/exporters.h"
#include "core/io/replacing_file.h"

namespace eventscope::core {

ExchangeOutcome exportRecordingToFile(const store::Recording& recording, ExportFormat format,
                                      const std::string& outputPath, std::string* error,
                                      const Progress& progress) {
  bool cancelled = false;
  const Progress watched{[&](std::uint64_t done, std::uint64_t total) {
    cancelled = cancelled || !progress(done, total);
    return !cancelled;
  }};
  ReplacingFile file;
  if (!file.prepare(outputPath, error)) return ExchangeOutcome::Failed;
  {
    std::ofstream out(file.temporaryPath(), std::ios::binary | std::ios::trunc);
    if (!out) {
      *error = "cannot write " + outputPath;
      return ExchangeOutcome::Failed;
    }
    std::string exportError;
    if (!exportRecording(recording, format, out, &exportError, watched)) {
      if (cancelled) return ExchangeOutcome::Cancelled;  // `file` removes the temporary
      *error = exportError.empty() ? "cannot write " + outputPath : exportError;
      return ExchangeOutcome::Failed;
    }
    out.close();
    if (!out) {
      *error = "cannot write " + outputPath + " (is the disk full?)";
      return ExchangeOutcome::Failed;
    }
  }
  // A cancel that came as the last page was written still wins: nothing is replaced.
  if (cancelled) return ExchangeOutcome::Cancelled;
  return file.commit(error) ? ExchangeOutcome::Done : ExchangeOutcome::Failed;
}

}  // namespace eventscope::core
