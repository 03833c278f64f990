#pragma once

#include <QString>
#include <QWidget>
#include <cstdint>
#include <string>

#include "core/store/recording.h"

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace eventscope::ui {

// A payload as people read it: JSON indented by two, anything else as it is.
QString prettyPayload(const std::string& payload);
// Why an attempt ended as it did, from its reason bits ("poison", "timeout, duplicate
// processed"); "" when nothing more than its outcome.
QString attemptReason(std::int32_t reason);

// The details of one event of the log: its attributes (with the CloudEvents attributes of an
// imported event), its payload, and every delivery attempt. "Show trace" asks for its chain.
class EventDetailsView : public QWidget {
  Q_OBJECT

 public:
  enum AttemptColumn {
    ServiceColumn,
    InstanceColumn,
    StartColumn,
    DurationColumn,
    OutcomeColumn,
    AttemptNumberColumn,
    ReasonColumn,
    AttemptColumnCount
  };

  explicit EventDetailsView(QWidget* parent = nullptr);

  // Reads the event from the recording and shows it; false (showing why) when it cannot.
  bool display(const core::store::Recording& recording, std::uint64_t eventId);
  void clear();
  void showMessage(const QString& message);

  std::uint64_t eventId() const { return m_event; }
  // The value shown for an attribute ("" when absent), as tests and copy-paste read it.
  QString attribute(const QString& name) const;
  QString payloadText() const;
  QTreeWidget* attributes() const { return m_attributes; }
  QTreeWidget* attempts() const { return m_attempts; }
  QPushButton* traceButton() const { return m_trace; }

 Q_SIGNALS:
  void traceRequested(std::uint64_t correlation);

 private:
  QLabel* m_message;
  QTreeWidget* m_attributes;
  QPlainTextEdit* m_payload;
  QTreeWidget* m_attempts;
  QPushButton* m_trace;
  std::uint64_t m_event = 0, m_correlation = 0;
};

}  // namespace eventscope::ui
