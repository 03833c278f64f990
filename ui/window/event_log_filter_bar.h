#pragma once

#include <QStringList>
#include <QWidget>
#include <optional>

#include "ui/models/event_log_filter.h"

class QComboBox;
class QLineEdit;

namespace eventscope::ui {

// A time typed into the log's filter: a duration from the run's start ("12.5s", "250ms",
// "2m") or plain seconds ("12.5"); empty text is nullopt without an error.
std::optional<core::SimTime> parseFilterTime(const QString& text, QString* error);

// The filter bar over the event log: type, key, correlation id, service, outcome and a time
// window. It says filterChanged when a field is committed (Enter, leaving it, a choice) and
// the whole filter reads; a field that does not read is marked, with the reason as tooltip.
class EventLogFilterBar : public QWidget {
  Q_OBJECT

 public:
  explicit EventLogFilterBar(QWidget* parent = nullptr);

  // The event types and services the recording has, offered in the combo boxes.
  void setChoices(const QStringList& types, const QStringList& services);
  // Shows this filter (no signal).
  void setFilter(const EventLogFilter& filter);
  // The filter the fields say; nullopt (with the first reason) when one does not read.
  std::optional<EventLogFilter> filter(QString* error = nullptr) const;

  QComboBox* typeBox() const { return m_type; }
  QLineEdit* keyEdit() const { return m_key; }
  QLineEdit* correlationEdit() const { return m_correlation; }
  QComboBox* serviceBox() const { return m_service; }
  QComboBox* outcomeBox() const { return m_outcome; }
  QLineEdit* fromEdit() const { return m_from; }
  QLineEdit* toEdit() const { return m_to; }

 Q_SIGNALS:
  void filterChanged(const eventscope::ui::EventLogFilter& filter);

 private:
  void commit();
  void markFields();

  QComboBox* m_type;
  QLineEdit* m_key;
  QLineEdit* m_correlation;
  QComboBox* m_service;
  QComboBox* m_outcome;
  QLineEdit* m_from;
  QLineEdit* m_to;
  std::optional<EventLogFilter> m_last;  // the last filter said, to say each change once
};

}  // namespace eventscope::ui
