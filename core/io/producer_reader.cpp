#include "core/io/payload_reader.h"
#include "core/io/scenario_sections.h"
#include "core/io/units.h"
#include "core/io/yaml_values.h"
#include "core/model/limits.h"

namespace eventscope::core::detail {

namespace {

const std::vector<std::string> kProducerKeys{"name",  "topic",    "event",  "schema",
                                             "rate",  "arrivals", "keys",   "count",
                                             "start", "stop",     "payload"};

std::optional<KeySpace> readKeys(ReadContext& context, const Field& field) {
  if (field.value.IsScalar()) {
    auto count = readUnsigned(context, field, 1, limits::kMaxUniformKeys);
    if (!count) {
      return std::nullopt;
    }
    return KeySpace{KeySpace::Kind::Uniform, *count, 1.0};
  }
  if (!field.value.IsMap()) {
    context.error(field.valuePos,
                  "'keys' must be a number of keys like 1000 or a map like {zipf: 1000, s: 1.1}, "
                  "got " +
                      describe(field.value));
    return std::nullopt;
  }
  const MapFields zipf(context, field.value);
  zipf.rejectUnknown({"zipf", "s"}, "in 'keys'");
  KeySpace keys{KeySpace::Kind::Zipf, 0, 1.0};
  bool ok = true;
  if (const Field* f = zipf.require("zipf", "'keys'")) {
    auto count = readUnsigned(context, *f, 1, limits::kMaxZipfKeys);
    ok = ok && count.has_value();
    keys.count = count.value_or(0);
  } else {
    ok = false;
  }
  if (const Field* f = zipf.find("s")) {
    auto exponent = readNumber(context, *f, {0.0, 1e6, true});
    ok = ok && exponent.has_value();
    keys.exponent = exponent.value_or(1.0);
  }
  if (!ok) {
    return std::nullopt;
  }
  return keys;
}

void readProducer(ReadContext& context, const MapFields& entry, std::size_t index,
                  Scenario& scenario, ValidationOptions& gaps) {
  ProducerSpec producer;
  bool named = false;
  const std::string label = readEntryName(context, entry, "producer", index, kProducerKeys,
                                          producer.name, producer.pos, named);
  gaps.producersIncomplete = gaps.producersIncomplete || !named;
  producer.topicPos = entry.position();
  if (const Field* f = entry.require("topic", label)) {
    producer.topicPos = f->valuePos;
    producer.topic = readName(context, *f).value_or("");
  }
  if (const Field* f = entry.require("event", label)) {
    producer.event = readName(context, *f).value_or("");
  }
  if (const Field* f = entry.find("schema")) {
    producer.schema = static_cast<int>(readInteger(context, *f, 1, limits::kMaxSchema).value_or(1));
  }
  if (const Field* f = entry.require("rate", label)) {
    producer.ratePerSecond = readRate(context, *f).value_or(producer.ratePerSecond);
  }
  if (const Field* f = entry.find("arrivals")) {
    const std::vector<std::pair<std::string, Arrivals>> choices{{"poisson", Arrivals::Poisson},
                                                                {"constant", Arrivals::Constant}};
    producer.arrivals = readChoice(context, *f, choices).value_or(Arrivals::Poisson);
  }
  if (const Field* f = entry.find("keys")) {
    producer.keys = readKeys(context, *f).value_or(KeySpace{});
  }
  if (const Field* f = entry.find("count")) {
    producer.count = readUnsigned(context, *f, 1, limits::kMaxCount);
  }
  const Field* start = entry.find("start");
  if (start) {
    producer.start = readDuration(context, *start, true).value_or(0);
  }
  if (const Field* stop = entry.find("stop")) {
    producer.stop = readDuration(context, *stop, true);
    if (producer.stop && *producer.stop <= producer.start) {
      context.error(stop->valuePos, "'stop' (" + formatDuration(*producer.stop) +
                                        ") must be later than 'start' (" +
                                        formatDuration(producer.start) + ")");
    }
  }
  if (const Field* f = entry.find("payload")) {
    producer.payload = readPayload(context, *f).value_or(std::string());
  }
  scenario.producers.push_back(std::move(producer));
}

}  // namespace

void readProducers(ReadContext& context, const Field& section, Scenario& scenario,
                   ValidationOptions& gaps) {
  const bool complete = forEachEntry(context, section, "producer",
                                     "'- {name: checkout, topic: orders, event: OrderPlaced, "
                                     "rate: 10/s}'",
                                     [&](const MapFields& entry, std::size_t index) {
                                       readProducer(context, entry, index, scenario, gaps);
                                     });
  gaps.producersIncomplete = gaps.producersIncomplete || !complete;
}

}  // namespace eventscope::core::detail
