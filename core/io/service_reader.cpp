#include "core/io/scenario_sections.h"
#include "core/io/service_parts.h"
#include "core/io/yaml_values.h"
#include "core/model/limits.h"

namespace eventscope::core::detail {

namespace {

const std::vector<std::string> kServiceKeys{
    "name",        "subscribes",  "delivery",       "instances",   "service_time",
    "prefetch",    "ack_timeout", "failure_rate",   "poison_keys", "retry",
    "dead_letter", "idempotent",  "accepts_schema", "emits",       "autoscale"};

void readSubscribes(ReadContext& context, const Field& field, ServiceSpec& service) {
  const auto items = readItems(context, field, true, "topic names");
  if (!items) {
    return;
  }
  if (items->empty()) {
    context.error(field.valuePos, "'subscribes' must name at least one topic");
    return;
  }
  for (const Item& item : *items) {
    // Kept even when unreadable, so that positions stay parallel to names.
    service.subscribes.push_back(
        readName(context, itemField("each entry of 'subscribes'", item)).value_or(""));
    service.subscribesPos.push_back(item.pos);
  }
}

void readPoisonKeys(ReadContext& context, const Field& field, ServiceSpec& service) {
  const auto items = readItems(context, field, true, "keys");
  if (!items) {
    return;
  }
  for (const Item& item : *items) {
    if (auto key = readText(context, itemField("each entry of 'poison_keys'", item))) {
      service.poisonKeys.push_back(*key);
    }
  }
}

void readAcceptsSchema(ReadContext& context, const Field& field, ServiceSpec& service) {
  const auto items = readItems(context, field, true, "schema versions");
  if (!items) {
    return;
  }
  if (items->empty()) {
    // An empty list would mean "accepts every version", the opposite of what it looks like.
    context.error(field.valuePos,
                  "'accepts_schema' must list at least one schema version; "
                  "leave it out to accept every version");
    return;
  }
  for (const Item& item : *items) {
    if (auto version = readInteger(context, itemField("each entry of 'accepts_schema'", item), 1,
                                   limits::kMaxSchema)) {
      service.acceptsSchema.push_back(static_cast<int>(*version));
    }
  }
}

// Settings that are valid alone but would silently not apply together.
void checkSettingsApply(ReadContext& context, const MapFields& entry, const ServiceSpec& service) {
  const Field* instances = entry.find("instances");
  if (instances != nullptr && service.autoscale) {
    const AutoscaleSpec& rule = *service.autoscale;
    if (service.instances > rule.max || service.instances < rule.min) {
      context.error(instances->valuePos,
                    "'instances' (" + std::to_string(service.instances) +
                        ") is outside autoscale's range " + std::to_string(rule.min) + ".." +
                        std::to_string(rule.max) + "; the autoscaler keeps the count within it");
    }
  }
  const Field* prefetch = entry.find("prefetch");
  if (prefetch != nullptr && service.delivery == DeliveryMode::Partitioned &&
      service.prefetch != 1) {
    context.error(prefetch->valuePos,
                  "'prefetch' applies to shared delivery only: a partitioned instance takes the "
                  "events of its partitions one at a time, in order");
  }
}

void readService(ReadContext& context, const MapFields& entry, std::size_t index,
                 Scenario& scenario, ValidationOptions& gaps) {
  ServiceSpec service;
  bool named = false;
  const std::string label = readEntryName(context, entry, "service", index, kServiceKeys,
                                          service.name, service.pos, named);
  gaps.servicesIncomplete = gaps.servicesIncomplete || !named;
  if (const Field* f = entry.require("subscribes", label)) {
    readSubscribes(context, *f, service);
  }
  if (const Field* f = entry.find("delivery")) {
    const std::vector<std::pair<std::string, DeliveryMode>> choices{
        {"shared", DeliveryMode::Shared}, {"partitioned", DeliveryMode::Partitioned}};
    service.delivery = readChoice(context, *f, choices).value_or(DeliveryMode::Shared);
  }
  if (const Field* f = entry.find("instances")) {
    service.instances =
        static_cast<int>(readInteger(context, *f, 1, limits::kMaxInstances).value_or(1));
  }
  if (const Field* f = entry.find("service_time")) {
    service.serviceTime = readServiceTime(context, *f).value_or(Distribution{});
  }
  if (const Field* f = entry.find("prefetch")) {
    service.prefetch =
        static_cast<int>(readInteger(context, *f, 1, limits::kMaxPrefetch).value_or(1));
  }
  if (const Field* f = entry.find("ack_timeout")) {
    service.ackTimeout = readDuration(context, *f, false);
  }
  if (const Field* f = entry.find("failure_rate")) {
    service.failureRate = readProbability(context, *f).value_or(0.0);
  }
  if (const Field* f = entry.find("poison_keys")) {
    readPoisonKeys(context, *f, service);
  }
  if (const Field* f = entry.find("retry")) {
    service.retry = readRetry(context, *f).value_or(RetrySpec{});
  }
  if (const Field* f = entry.find("dead_letter")) {
    service.deadLetterPos = f->valuePos;
    service.deadLetter = readName(context, *f);
  }
  if (const Field* f = entry.find("idempotent")) {
    service.idempotent = readBool(context, *f).value_or(false);
  }
  if (const Field* f = entry.find("accepts_schema")) {
    readAcceptsSchema(context, *f, service);
  }
  if (const Field* f = entry.find("emits")) {
    service.emits = readEmits(context, *f, label);
  }
  if (const Field* f = entry.find("autoscale")) {
    service.autoscale = readAutoscale(context, *f);
  }
  checkSettingsApply(context, entry, service);
  scenario.services.push_back(std::move(service));
}

}  // namespace

void readServices(ReadContext& context, const Field& section, Scenario& scenario,
                  ValidationOptions& gaps) {
  const bool complete =
      forEachEntry(context, section, "service", "'- {name: billing, subscribes: orders}'",
                   [&](const MapFields& entry, std::size_t index) {
                     readService(context, entry, index, scenario, gaps);
                   });
  gaps.servicesIncomplete = gaps.servicesIncomplete || !complete;
}

}  // namespace eventscope::core::detail
