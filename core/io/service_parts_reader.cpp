#include <algorithm>

#include "core/io/payload_reader.h"
#include "core/io/service_parts.h"
#include "core/io/units.h"
#include "core/io/yaml_values.h"
#include "core/model/limits.h"

namespace eventscope::core::detail {

namespace {

constexpr std::string_view kServiceTimeShapes =
    "{exponential: 1ms}, {constant: 1ms}, {uniform: [1ms, 3ms]} or "
    "{lognormal: {mean: 2ms, stddev: 1ms}}";

std::optional<Distribution> readUniform(ReadContext& context, const Field& field) {
  if (!field.value.IsSequence() || field.value.size() != 2) {
    context.error(field.valuePos,
                  "'uniform' must be a list of two durations [low, high] like "
                  "[1ms, 3ms], got " +
                      (field.value.IsSequence() ? "a list of " + std::to_string(field.value.size())
                                                : describe(field.value)));
    return std::nullopt;
  }
  const Item low{field.value[0], context.position(field.value[0])};
  const Item high{field.value[1], context.position(field.value[1])};
  auto lowValue = readDuration(context, itemField("the low end of 'uniform'", low), true);
  auto highValue = readDuration(context, itemField("the high end of 'uniform'", high), true);
  if (!lowValue || !highValue) {
    return std::nullopt;
  }
  if (*lowValue > *highValue) {
    context.error(low.pos, "'uniform' low end (" + formatDuration(*lowValue) +
                               ") must not be above its high end (" + formatDuration(*highValue) +
                               ")");
    return std::nullopt;
  }
  return Distribution{Distribution::Kind::Uniform, *lowValue, *highValue};
}

std::optional<Distribution> readLognormal(ReadContext& context, const Field& field) {
  const std::optional<MapFields> parts = readMap(context, field, "{mean: 2ms, stddev: 1ms}");
  if (!parts) {
    return std::nullopt;
  }
  parts->rejectUnknown({"mean", "stddev"}, "in 'lognormal'");
  const Field* mean = parts->require("mean", "'lognormal'");
  const Field* stddev = parts->require("stddev", "'lognormal'");
  auto meanValue = mean ? readDuration(context, *mean, false) : std::nullopt;
  auto stddevValue = stddev ? readDuration(context, *stddev, true) : std::nullopt;
  if (!meanValue || !stddevValue) {
    return std::nullopt;
  }
  return Distribution{Distribution::Kind::Lognormal, *meanValue, *stddevValue};
}

}  // namespace

std::optional<Distribution> readServiceTime(ReadContext& context, const Field& field) {
  if (!field.value.IsMap()) {
    context.error(field.valuePos,
                  "'service_time' must be a distribution: " + std::string(kServiceTimeShapes) +
                      ", got " + describe(field.value));
    return std::nullopt;
  }
  const MapFields kinds(context, field.value);
  kinds.rejectUnknown({"exponential", "constant", "uniform", "lognormal"}, "in 'service_time'");
  const std::vector<Field>& fields = kinds.fields();
  if (fields.empty()) {
    context.error(field.valuePos,
                  "'service_time' needs one distribution: " + std::string(kServiceTimeShapes));
    return std::nullopt;
  }
  if (fields.size() > 1) {
    context.error(fields[1].keyPos, "'service_time' takes one distribution, got '" + fields[0].key +
                                        "' and '" + fields[1].key + "'");
    return std::nullopt;
  }
  const Field& kind = fields.front();
  if (kind.key == "exponential" || kind.key == "constant") {
    const bool constant = kind.key == "constant";
    // A constant time may be zero (an instant step); an exponential needs a positive mean.
    auto value = readDuration(context, kind, constant);
    if (!value) {
      return std::nullopt;
    }
    return Distribution{constant ? Distribution::Kind::Constant : Distribution::Kind::Exponential,
                        *value, 0};
  }
  if (kind.key == "uniform") {
    return readUniform(context, kind);
  }
  if (kind.key == "lognormal") {
    return readLognormal(context, kind);
  }
  return std::nullopt;  // unknown kind, reported above
}

std::optional<RetrySpec> readRetry(ReadContext& context, const Field& field) {
  const std::optional<MapFields> parts =
      readMap(context, field, "{max_attempts: 5, backoff: 100ms, multiplier: 2, max_backoff: 5s}");
  if (!parts) {
    return std::nullopt;
  }
  parts->rejectUnknown({"max_attempts", "backoff", "multiplier", "max_backoff"}, "in 'retry'");
  // Writing `retry:` at all asks for retries, hence 3 attempts rather than the absent-case 1.
  RetrySpec retry{3, 100 * kMillisecond, 2.0, 30 * kSecond};
  bool ok = true;
  if (const Field* f = parts->find("max_attempts")) {
    auto v = readInteger(context, *f, 1, limits::kMaxAttempts);
    ok = ok && v.has_value();
    retry.maxAttempts = static_cast<int>(v.value_or(retry.maxAttempts));
  }
  const Field* backoffField = parts->find("backoff");
  const auto backoff = backoffField ? readDuration(context, *backoffField, true) : retry.backoff;
  if (const Field* f = parts->find("multiplier")) {
    auto v = readNumber(context, *f, {1.0, 1000.0});
    ok = ok && v.has_value();
    retry.multiplier = v.value_or(retry.multiplier);
  }
  const Field* maxBackoffField = parts->find("max_backoff");
  // The default cap must not contradict a longer backoff the author did write.
  const auto maxBackoff = maxBackoffField ? readDuration(context, *maxBackoffField, true)
                                          : std::max(retry.maxBackoff, backoff.value_or(0));
  if (!backoff || !maxBackoff) {
    return std::nullopt;
  }
  if (*maxBackoff < *backoff) {
    context.error(maxBackoffField->valuePos, "'max_backoff' (" + formatDuration(*maxBackoff) +
                                                 ") must not be shorter than 'backoff' (" +
                                                 formatDuration(*backoff) + ")");
    return std::nullopt;
  }
  retry.backoff = *backoff;
  retry.maxBackoff = *maxBackoff;
  if (!ok) {
    return std::nullopt;
  }
  return retry;
}

std::optional<AutoscaleSpec> readAutoscale(ReadContext& context, const Field& field) {
  const std::optional<MapFields> parts =
      readMap(context, field, "{min: 1, max: 8, target_backlog: 100, check_every: 1s}");
  if (!parts) {
    return std::nullopt;
  }
  parts->rejectUnknown({"min", "max", "target_backlog", "check_every"}, "in 'autoscale'");
  AutoscaleSpec autoscale;
  bool ok = true;
  const Field* minField = parts->find("min");
  const auto min = minField ? readInteger(context, *minField, 1, limits::kMaxInstances)
                            : std::optional<std::int64_t>(1);
  const Field* maxField = parts->require("max", "'autoscale'");
  const auto max =
      maxField ? readInteger(context, *maxField, 1, limits::kMaxInstances) : std::nullopt;
  if (const Field* f = parts->find("target_backlog")) {
    auto v = readNumber(context, *f, {0.0, 1e9, true});
    ok = ok && v.has_value();
    autoscale.targetBacklog = v.value_or(autoscale.targetBacklog);
  }
  if (const Field* f = parts->find("check_every")) {
    auto v = readDuration(context, *f, false);
    ok = ok && v.has_value();
    autoscale.checkEvery = v.value_or(autoscale.checkEvery);
  }
  if (!min || !max) {
    return std::nullopt;
  }
  autoscale.min = static_cast<int>(min.value_or(1));
  autoscale.max = static_cast<int>(max.value_or(1));
  if (autoscale.min > autoscale.max) {
    context.error(maxField->valuePos, "'autoscale' max (" + std::to_string(autoscale.max) +
                                          ") must not be below its min (" +
                                          std::to_string(autoscale.min) + ")");
    return std::nullopt;
  }
  if (!ok) {
    return std::nullopt;
  }
  return autoscale;
}

std::vector<EmitSpec> readEmits(ReadContext& context, const Field& field,
                                const std::string& serviceLabel) {
  std::vector<EmitSpec> emits;
  if (field.value.IsNull()) {
    return emits;
  }
  const auto items = readItems(context, field, false,
                               "maps like {topic: invoices, event: "
                               "InvoiceCreated}");
  if (!items) {
    return emits;
  }
  if (items->size() > static_cast<std::size_t>(limits::kMaxEmitsPerService)) {
    // The engine tracks the follow-ups still to publish in one 32-bit mask per instance.
    context.error((*items)[limits::kMaxEmitsPerService].pos,
                  "a service may emit at most " + std::to_string(limits::kMaxEmitsPerService) +
                      " kinds of follow-up event; " + serviceLabel + " lists " +
                      std::to_string(items->size()));
    return emits;
  }
  for (std::size_t i = 0; i < items->size(); ++i) {
    const Item& item = (*items)[i];
    const std::string label = "emit #" + std::to_string(i + 1) + " of " + serviceLabel;
    if (!item.node.IsMap()) {
      context.error(item.pos,
                    "each entry of 'emits' must be a map like {topic: invoices, "
                    "event: InvoiceCreated}, got " +
                        describe(item.node));
      continue;
    }
    const MapFields parts(context, item.node);
    parts.rejectUnknown({"topic", "event", "probability", "schema", "payload"}, "in " + label);
    EmitSpec emit;
    emit.pos = item.pos;
    emit.topicPos = item.pos;
    if (const Field* f = parts.require("topic", label)) {
      emit.topicPos = f->valuePos;
      emit.topic = readName(context, *f).value_or("");
    }
    if (const Field* f = parts.require("event", label)) {
      emit.event = readName(context, *f).value_or("");
    }
    if (const Field* f = parts.find("probability")) {
      // An unreadable probability counts as 0, so the loop check adds no second error for it.
      emit.probability = readProbability(context, *f).value_or(0.0);
    }
    if (const Field* f = parts.find("schema")) {
      emit.schema = static_cast<int>(readInteger(context, *f, 1, limits::kMaxSchema).value_or(1));
    }
    if (const Field* f = parts.find("payload")) {
      emit.payload = readPayload(context, *f).value_or(std::string());
    }
    emits.push_back(std::move(emit));
  }
  return emits;
}

}  // namespace eventscope::core::detail
