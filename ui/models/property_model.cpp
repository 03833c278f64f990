#include "ui/models/property_model.h"

#include <QFont>
#include <QHash>

#include "core/model/scenario_edits.h"
#include "ui/editor/scenario_document.h"

namespace eventscope::ui {

QString fieldHelp(const QString& key) {
  static const QHash<QString, QString> help = {
      {"name", "The name other nodes use to refer to this one."},
      {"seed", "Seed of every random stream: the same seed gives the same run."},
      {"duration", "Simulated time to run, with a unit: 60s, 5m."},
      {"warmup", "Statistics ignore the first part of the run: 5s."},
      {"faults", "Timed interventions: [{at: 20s, crash: billing, for: 10s}]"},
      {"partitions", "Partitions of the topic; keys pick one by a stable hash."},
      {"capacity", "Events each partition holds at most; absent: unbounded."},
      {"overflow", "When full: block | drop-newest | drop-oldest | reject."},
      {"topic", "The topic this producer publishes to."},
      {"event", "The event type it publishes."},
      {"schema", "Schema version of what it emits."},
      {"rate", "Events per second (N/s), minute (N/m) or hour (N/h)."},
      {"arrivals", "poisson (random) or constant spacing."},
      {"keys", "N distinct keys, uniform; or {zipf: N, s: 1.1}; absent: no key."},
      {"count", "Stop after this many events."},
      {"start", "Start publishing at this time."},
      {"stop", "Stop publishing at this time."},
      {"payload", "A JSON-like template: {amount: 12.5}"},
      {"subscribes", "A topic or a list of topics: [orders, payments]."},
      {"delivery", "shared (competing consumers) or partitioned (one owner per partition)."},
      {"instances", "Workers of this service."},
      {"service_time",
       "{exponential: 1ms} | {constant: 1ms} | {uniform: [1ms, 3ms]} | "
       "{lognormal: {mean: 2ms, stddev: 1ms}}"},
      {"prefetch", "Shared delivery: unacked deliveries per instance."},
      {"ack_timeout", "An unacked delivery is redelivered after this."},
      {"failure_rate", "Probability that one attempt fails: 0.01."},
      {"poison_keys", "Events with these keys always fail: [k13]."},
      {"retry", "{max_attempts: 5, backoff: 100ms, multiplier: 2, max_backoff: 5s}"},
      {"dead_letter", "Topic for events that exhaust their retries; absent: discarded."},
      {"idempotent", "true: duplicates are recognised by event id and skipped."},
      {"accepts_schema", "Schema versions it understands: [1, 2]; others fail permanently."},
      {"emits", "Follow-up events: [{topic: invoices, event: InvoiceCreated}]"},
      {"autoscale", "{min: 1, max: 8, target_backlog: 100, check_every: 1s}"},
  };
  return help.value(key);
}

PropertyModel::PropertyModel(ScenarioDocument* document, QObject* parent)
    : QAbstractTableModel(parent), m_document(document) {
  connect(document, &ScenarioDocument::modelChanged, this, &PropertyModel::refresh);
  refresh();
}

void PropertyModel::setOwner(const core::FieldOwner& owner) {
  m_owner = owner;
  refresh();
}

QString PropertyModel::ownerTitle() const {
  const core::Scenario& scenario = m_document->scenario();
  if (!m_owner) return tr("scenario %1").arg(QString::fromStdString(scenario.name));
  const QString name = QString::fromStdString(core::nodeName(scenario, *m_owner));
  switch (m_owner->kind) {
    case core::NodeKind::Producer:
      return tr("producer %1").arg(name);
    case core::NodeKind::Topic:
      return tr("topic %1").arg(name);
    case core::NodeKind::Service:
      return tr("service %1").arg(name);
  }
  return name;
}

void PropertyModel::refresh() {
  beginResetModel();
  const core::Scenario& scenario = m_document->scenario();
  // The owner may be gone after an undo or a removal: fall back to the scenario.
  if (m_owner) {
    const std::size_t count = m_owner->kind == core::NodeKind::Producer ? scenario.producers.size()
                              : m_owner->kind == core::NodeKind::Topic  ? scenario.topics.size()
                                                                        : scenario.services.size();
    if (m_owner->index >= count) m_owner.reset();
  }
  m_fields = core::nodeFields(scenario, m_owner);
  endResetModel();
}

int PropertyModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(m_fields.size());
}

int PropertyModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : ColumnCount;
}

QVariant PropertyModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const core::NodeField& field = m_fields[static_cast<std::size_t>(index.row())];
  const QString key = QString::fromStdString(field.key);
  switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
      return index.column() == KeyColumn ? key : QString::fromStdString(field.value);
    case Qt::ToolTipRole:
      return fieldHelp(key);
    case Qt::FontRole:
      if (index.column() == KeyColumn && !field.value.empty()) {
        QFont bold;
        bold.setBold(true);
        return bold;
      }
      return {};
    default:
      return {};
  }
}

QVariant PropertyModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  return section == KeyColumn ? tr("Field") : tr("Value (YAML)");
}

Qt::ItemFlags PropertyModel::flags(const QModelIndex& index) const {
  if (!index.isValid()) return Qt::NoItemFlags;
  Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
  if (index.column() == ValueColumn) flags |= Qt::ItemIsEditable;
  return flags;
}

bool PropertyModel::setData(const QModelIndex& index, const QVariant& value, int role) {
  if (!index.isValid() || role != Qt::EditRole || index.column() != ValueColumn) return false;
  return setField(QString::fromStdString(m_fields[static_cast<std::size_t>(index.row())].key),
                  value.toString());
}

QStringList PropertyModel::check(const QString& key, const QString& value) const {
  QStringList errors;
  for (const auto& error :
       core::editField(m_document->scenario(), m_owner, key.toStdString(), value.toStdString())
           .errors)
    errors << QString::fromStdString(error);
  return errors;
}

bool PropertyModel::setField(const QString& key, const QString& value) {
  const std::string keyText = key.toStdString();
  for (const auto& field : m_fields)
    if (field.key == keyText && field.value == value.toStdString()) return true;  // unchanged
  const core::FieldEdit edit =
      core::editField(m_document->scenario(), m_owner, keyText, value.toStdString());
  if (!edit.scenario) {
    QStringList errors;
    for (const auto& error : edit.errors)
      errors << QString::fromStdString(error);
    Q_EMIT editRejected(errors);
    return false;
  }
  const QString title = ownerTitle();
  m_document->edit(*edit.scenario, tr("Set %1 of %2").arg(key, title));
  Q_EMIT editAccepted();
  return true;
}

}  // namespace eventscope::ui
