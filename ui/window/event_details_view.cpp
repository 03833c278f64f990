#include "ui/window/event_details_view.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <nlohmann/json.hpp>

#include "core/store/recording_batch.h"
#include "ui/models/event_log_row.h"

namespace eventscope::ui {

namespace store = core::store;

QString prettyPayload(const std::string& payload) {
  const auto json = nlohmann::json::parse(payload, nullptr, false);
  if (json.is_discarded()) return QString::fromStdString(payload);
  // Replacement, not an exception, for bytes that are not UTF-8 inside a JSON string.
  return QString::fromStdString(json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
}

QString attemptReason(std::int32_t reason) {
  QStringList parts;
  switch (reason & store::kReasonMask) {
    case store::kReasonError:
      parts << QObject::tr("error");
      break;
    case store::kReasonPoison:
      parts << QObject::tr("poison");
      break;
    case store::kReasonSchema:
      parts << QObject::tr("schema");
      break;
    case store::kReasonTimeout:
      parts << QObject::tr("timeout");
      break;
    case store::kReasonDroppedNewest:
      parts << QObject::tr("drop-newest");
      break;
    case store::kReasonDroppedOldest:
      parts << QObject::tr("drop-oldest");
      break;
    default:
      break;
  }
  if (reason & store::kDuplicateProcessed) parts << QObject::tr("duplicate processed");
  if (reason & store::kDuplicateSkipped) parts << QObject::tr("duplicate skipped");
  if (reason & store::kDuplicateCopy) parts << QObject::tr("broker's duplicate copy");
  return parts.join(QStringLiteral(", "));
}

EventDetailsView::EventDetailsView(QWidget* parent)
    : QWidget(parent),
      m_message(new QLabel(this)),
      m_attributes(new QTreeWidget(this)),
      m_payload(new QPlainTextEdit(this)),
      m_attempts(new QTreeWidget(this)),
      m_trace(new QPushButton(tr("Show trace"), this)) {
  m_message->setWordWrap(true);
  m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_attributes->setColumnCount(2);
  m_attributes->setHeaderLabels({tr("Attribute"), tr("Value")});
  m_attributes->setRootIsDecorated(false);
  m_attributes->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
  m_payload->setReadOnly(true);
  m_payload->setPlaceholderText(tr("no payload"));
  m_payload->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  m_attempts->setColumnCount(AttemptColumnCount);
  m_attempts->setHeaderLabels({tr("Service"), tr("Instance"), tr("Start (s)"), tr("Duration (ms)"),
                               tr("Outcome"), tr("Attempt"), tr("Reason")});
  m_attempts->setRootIsDecorated(false);
  m_trace->setToolTip(tr("Show the whole chain of this event (its correlation id)"));
  m_trace->setEnabled(false);
  connect(m_trace, &QPushButton::clicked, this, [this] {
    if (m_event != 0) Q_EMIT traceRequested(m_correlation);
  });

  auto* top = new QWidget(this);
  auto* topLayout = new QVBoxLayout(top);
  topLayout->setContentsMargins(0, 0, 0, 0);
  auto* header = new QHBoxLayout;
  header->addWidget(m_message, 1);
  header->addWidget(m_trace);
  topLayout->addLayout(header);
  auto* columns = new QSplitter(Qt::Horizontal, top);
  columns->addWidget(m_attributes);
  columns->addWidget(m_payload);
  topLayout->addWidget(columns, 1);
  auto* rows = new QSplitter(Qt::Vertical, this);
  rows->addWidget(top);
  rows->addWidget(m_attempts);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(rows);
  clear();
}

void EventDetailsView::clear() {
  m_event = m_correlation = 0;
  m_attributes->clear();
  m_payload->clear();
  m_attempts->clear();
  m_trace->setEnabled(false);
  m_message->setText(tr("Select an event to see its details."));
}

void EventDetailsView::showMessage(const QString& message) {
  clear();
  m_message->setText(message);
}

bool EventDetailsView::display(const store::Recording& recording, std::uint64_t eventId) {
  store::EventPage page;
  std::string error;
  if (eventId == 0 || !recording.events({.afterId = eventId - 1, .limit = 1}, page, &error)) {
    showMessage(error.empty() ? tr("No event selected.") : QString::fromStdString(error));
    return false;
  }
  if (page.events.empty() || page.events.front().id != eventId) {
    showMessage(tr("Event #%1 is not in the recording.").arg(eventId));
    return false;
  }
  clear();
  const store::RecordedEvent& e = page.events.front();
  m_event = e.id;
  m_correlation = e.correlation;
  m_message->setText(
      tr("Event #%1: %2 at %3 s").arg(e.id).arg(QString::fromStdString(e.type), eventLogTime(e.t)));
  const auto add = [this](const QString& name, const QString& value) {
    if (!value.isEmpty()) new QTreeWidgetItem(m_attributes, {name, value});
  };
  const auto text = [](const std::string& s) { return QString::fromStdString(s); };
  add(tr("id"), QString::number(e.id));
  add(tr("time"), eventLogTime(e.t) + QStringLiteral(" s"));
  add(tr("type"), text(e.type));
  add(tr("topic"), text(e.topic));
  add(tr("partition"), QString::number(e.partition));
  add(tr("key"), e.key ? text(*e.key) : tr("(none)"));
  add(tr("schema"), QString::number(e.schema));
  add(tr("correlation"), e.correlation == e.id ? tr("%1 (starts its chain)").arg(e.correlation)
                                               : QString::number(e.correlation));
  add(tr("causation"), e.causation == 0 ? tr("(none)") : QString::number(e.causation));
  add(tr("origin"), text(e.origin));
  add(tr("source"), text(e.originUri));
  const auto cloud = recording.cloudEventAttributes(e.id);
  if (!cloud.id.empty()) {
    add(tr("CloudEvents id"), text(cloud.id));
    add(tr("CloudEvents source"), text(cloud.source));
    add(tr("traceparent"), text(cloud.traceparent));
    add(tr("correlationid"), text(cloud.correlationId));
    add(tr("causationid"), text(cloud.causationId));
  }
  m_payload->setPlainText(e.payload.empty() ? QString() : prettyPayload(e.payload));
  for (const store::RecordedSpan& s : page.spans) {
    auto* item = new QTreeWidgetItem(m_attempts);
    item->setText(ServiceColumn, text(s.service));
    item->setText(InstanceColumn, s.instance < 0 ? tr("(dropped)") : QString::number(s.instance));
    item->setText(StartColumn, eventLogTime(s.start));
    item->setText(DurationColumn, QString::number(core::toSeconds(s.end - s.start) * 1e3, 'f', 3));
    item->setText(OutcomeColumn, QString::fromLatin1(store::spanOutcomeName(s.outcome)));
    item->setText(AttemptNumberColumn, QString::number(s.attempt));
    item->setText(ReasonColumn, attemptReason(s.reason));
    for (int c : {InstanceColumn, StartColumn, DurationColumn, AttemptNumberColumn})
      item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
  }
  for (int c = 0; c < AttemptColumnCount; ++c)
    m_attempts->resizeColumnToContents(c);
  m_trace->setEnabled(true);
  return true;
}

QString EventDetailsView::attribute(const QString& name) const {
  for (int i = 0; i < m_attributes->topLevelItemCount(); ++i) {
    if (m_attributes->topLevelItem(i)->text(0) == name)
      return m_attributes->topLevelItem(i)->text(1);
  }
  return {};
}

QString EventDetailsView::payloadText() const {
  return m_payload->toPlainText();
}

}  // namespace eventscope::ui
