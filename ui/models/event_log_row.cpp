#include "ui/models/event_log_row.h"

#include <algorithm>
#include <vector>

namespace eventscope::ui {

using core::store::SpanOutcome;

EventLogRow eventLogRow(const core::store::RecordedEvent& event,
                        std::span<const core::store::RecordedSpan> spans) {
  EventLogRow row;
  row.id = event.id;
  row.t = event.t;
  row.type = QString::fromStdString(event.type);
  row.key = event.key ? QString::fromStdString(*event.key) : QString();
  row.topic = QString::fromStdString(event.topic);
  row.partition = event.partition;
  row.correlation = event.correlation;
  // Few services per event: a small vector keeps first-attempt order without a map.
  struct Final {
    std::uint32_t service;
    QString name;
    SpanOutcome outcome;
    core::SimTime start;
  };
  std::vector<Final> finals;
  for (const auto& span : spans) {
    if (span.instance >= 0) ++row.attempts;
    auto it = std::find_if(finals.begin(), finals.end(),
                           [&](const Final& f) { return f.service == span.serviceId; });
    if (it == finals.end()) {
      finals.push_back(
          {span.serviceId, QString::fromStdString(span.service), span.outcome, span.start});
    } else if (span.start >= it->start) {
      it->outcome = span.outcome;
      it->start = span.start;
    }
  }
  bool allSame = true;
  for (const Final& f : finals) {
    if (!row.services.isEmpty()) row.services += QStringLiteral(", ");
    row.services += f.name;
    allSame = allSame && f.outcome == finals.front().outcome;
    row.troubled = row.troubled || f.outcome != SpanOutcome::Acked;
  }
  if (!finals.empty() && allSame) {
    row.outcome = QString::fromLatin1(core::store::spanOutcomeName(finals.front().outcome));
  } else {
    for (const Final& f : finals) {
      if (!row.outcome.isEmpty()) row.outcome += QStringLiteral(", ");
      row.outcome +=
          f.name + QLatin1Char(' ') + QString::fromLatin1(core::store::spanOutcomeName(f.outcome));
    }
  }
  return row;
}

QString eventLogTime(core::SimTime t) {
  return QString::number(core::toSeconds(t), 'f', 6);
}

}  // namespace eventscope::ui
