#include "ui/window/event_log_filter_bar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>

#include "core/io/units.h"

namespace eventscope::ui {

using core::store::SpanOutcome;

std::optional<core::SimTime> parseFilterTime(const QString& text, QString* error) {
  const QString trimmed = text.trimmed();
  if (trimmed.isEmpty()) return std::nullopt;
  bool number = false;
  const double seconds = trimmed.toDouble(&number);
  if (number && seconds >= 0 && seconds < core::toSeconds(core::kMaxDuration))
    return static_cast<core::SimTime>(seconds * core::kSecond + 0.5);
  std::string why;
  if (auto t = core::parseDuration(trimmed.toStdString(), &why)) return *t;
  if (error)
    *error = number ? QObject::tr("'%1' is not a time in the run").arg(trimmed)
                    : QObject::tr("'%1' is not a time (like 12.5s or 250ms): %2")
                          .arg(trimmed, QString::fromStdString(why));
  return std::nullopt;
}

namespace {
QLineEdit* lineEdit(const QString& placeholder, int width, QWidget* parent) {
  auto* edit = new QLineEdit(parent);
  edit->setPlaceholderText(placeholder);
  edit->setClearButtonEnabled(true);
  edit->setMaximumWidth(width);
  return edit;
}

void setChoicesKeeping(QComboBox* box, const QString& any, const QStringList& choices) {
  const QString current = box->currentIndex() > 0 ? box->currentText() : QString();
  const QSignalBlocker blocker(box);
  box->clear();
  box->addItem(any);
  box->addItems(choices);
  if (!current.isEmpty()) {
    if (box->findText(current) < 0) box->addItem(current);
    box->setCurrentIndex(box->findText(current));
  }
}
}  // namespace

EventLogFilterBar::EventLogFilterBar(QWidget* parent)
    : QWidget(parent),
      m_type(new QComboBox(this)),
      m_key(lineEdit(tr("key"), 110, this)),
      m_correlation(lineEdit(tr("correlation id"), 120, this)),
      m_service(new QComboBox(this)),
      m_outcome(new QComboBox(this)),
      m_from(lineEdit(tr("from (12.5s)"), 100, this)),
      m_to(lineEdit(tr("to"), 100, this)) {
  m_type->addItem(tr("any type"));
  m_service->addItem(tr("any service"));
  m_outcome->addItem(tr("any outcome"));
  for (int i = 0; i <= static_cast<int>(SpanOutcome::ZombieDone); ++i)
    m_outcome->addItem(QString::fromLatin1(core::store::spanOutcomeName(SpanOutcome(i))));
  m_type->setToolTip(tr("Only events of this type"));
  m_key->setToolTip(tr("Only events with this key"));
  m_correlation->setToolTip(tr("Only the events of one chain (its correlation id)"));
  m_service->setToolTip(tr("Only events delivered to this service"));
  m_outcome->setToolTip(tr("Only events with an attempt that ended this way"));
  m_from->setToolTip(tr("Published at or after this time (12.5s, 250ms, 2m)"));
  m_to->setToolTip(tr("Published before this time"));
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(new QLabel(tr("Filter:"), this));
  for (QWidget* w : std::initializer_list<QWidget*>{m_type, m_key, m_correlation, m_service,
                                                    m_outcome, m_from, m_to})
    layout->addWidget(w);
  layout->addStretch(1);
  for (QComboBox* box : {m_type, m_service, m_outcome})
    connect(box, &QComboBox::currentIndexChanged, this, &EventLogFilterBar::commit);
  for (QLineEdit* edit : {m_key, m_correlation, m_from, m_to}) {
    connect(edit, &QLineEdit::editingFinished, this, &EventLogFilterBar::commit);
    // The clear button empties without finishing an edit: an empty field applies at once.
    connect(edit, &QLineEdit::textChanged, this, [this](const QString& text) {
      if (text.isEmpty()) commit();
    });
  }
}

void EventLogFilterBar::setChoices(const QStringList& types, const QStringList& services) {
  setChoicesKeeping(m_type, tr("any type"), types);
  setChoicesKeeping(m_service, tr("any service"), services);
}

void EventLogFilterBar::setFilter(const EventLogFilter& filter) {
  const auto select = [](QComboBox* box, const std::optional<std::string>& value) {
    const QSignalBlocker blocker(box);
    if (!value) return box->setCurrentIndex(0);
    const QString text = QString::fromStdString(*value);
    if (box->findText(text) < 0) box->addItem(text);
    box->setCurrentIndex(box->findText(text));
  };
  select(m_type, filter.type);
  select(m_service, filter.service);
  {
    const QSignalBlocker blocker(m_outcome);
    m_outcome->setCurrentIndex(filter.outcome ? static_cast<int>(*filter.outcome) + 1 : 0);
  }
  const auto setText = [](QLineEdit* edit, const QString& text) {
    const QSignalBlocker blocker(edit);
    edit->setText(text);
  };
  setText(m_key, filter.key ? QString::fromStdString(*filter.key) : QString());
  setText(m_correlation, filter.correlation ? QString::number(*filter.correlation) : QString());
  setText(m_from,
          filter.from > 0 ? QString::fromStdString(core::formatDuration(filter.from)) : QString());
  setText(m_to, filter.to != core::kNever ? QString::fromStdString(core::formatDuration(filter.to))
                                          : QString());
  m_last = filter;
  markFields();
}

std::optional<EventLogFilter> EventLogFilterBar::filter(QString* error) const {
  EventLogFilter f;
  if (m_type->currentIndex() > 0) f.type = m_type->currentText().toStdString();
  if (m_service->currentIndex() > 0) f.service = m_service->currentText().toStdString();
  if (m_outcome->currentIndex() > 0) f.outcome = SpanOutcome(m_outcome->currentIndex() - 1);
  const QString key = m_key->text().trimmed();
  if (!key.isEmpty()) f.key = key.toStdString();
  const QString correlation = m_correlation->text().trimmed().remove(QLatin1Char('#'));
  if (!correlation.isEmpty()) {
    bool ok = false;
    f.correlation = correlation.toULongLong(&ok);
    if (!ok) {
      if (error) *error = tr("'%1' is not a correlation id (a number)").arg(correlation);
      return std::nullopt;
    }
  }
  QString why;
  const auto from = parseFilterTime(m_from->text(), &why);
  const auto to = why.isEmpty() ? parseFilterTime(m_to->text(), &why) : std::nullopt;
  if (!why.isEmpty()) {
    if (error) *error = why;
    return std::nullopt;
  }
  f.from = from.value_or(0);
  f.to = to.value_or(core::kNever);
  return f;
}

void EventLogFilterBar::markFields() {
  const auto mark = [](QLineEdit* edit, const QString& why) {
    edit->setStyleSheet(why.isEmpty() ? QString()
                                      : QStringLiteral("QLineEdit { border: 1px solid #c62828; }"));
    edit->setToolTip(why.isEmpty() ? edit->property("plainTip").toString() : why);
  };
  for (QLineEdit* edit : {m_correlation, m_from, m_to}) {
    if (!edit->property("plainTip").isValid()) edit->setProperty("plainTip", edit->toolTip());
    QString why;
    if (edit == m_correlation) {
      const QString text = edit->text().trimmed().remove(QLatin1Char('#'));
      bool ok = true;
      if (!text.isEmpty()) text.toULongLong(&ok);
      if (!ok) why = tr("'%1' is not a correlation id (a number)").arg(text);
    } else {
      parseFilterTime(edit->text(), &why);
    }
    mark(edit, why);
  }
}

void EventLogFilterBar::commit() {
  markFields();
  const auto f = filter();
  if (!f || (m_last && *m_last == *f)) return;
  m_last = f;
  Q_EMIT filterChanged(*f);
}

}  // namespace eventscope::ui
