// Paging through a recording for the exporters, with progress and cancel between pages.
#include "core/io/export_pages.h"

namespace eventscope::core {

std::uint64_t recordedEventCount(const store::Recording& recording) {
  store::RecordingSummary summary;
  std::string ignored;  // a damaged file shows up in the export itself
  return recording.summary(summary, &ignored) ? summary.events : 0;
}

bool forEachEventReporting(const store::Recording& recording, const Progress& progress,
                           const std::function<void(const store::EventPage&)>& visit,
                           std::string* error) {
  ProgressMeter meter(progress, progress.report ? recordedEventCount(recording) : 0);
  std::uint64_t done = 0;
  if (!meter.update(done)) {
    *error = kExportCancelled;
    return false;
  }
  store::EventQuery query;
  query.limit = 2000;  // as Recording::forEachEvent
  store::EventPage page;
  do {
    if (!recording.events(query, page, error)) return false;
    if (page.events.empty()) break;
    visit(page);
    query.afterId = page.events.back().id;
    done += page.events.size();
    if (!meter.update(done)) {
      *error = kExportCancelled;
      return false;
    }
  } while (page.more);
  return true;
}

}  // namespace eventscope::core
