#include "core/model/run_size.h"

#include <algorithm>
#include <cstdio>

namespace eventscope::core {

Diagnostics checkRunSize(const Scenario& scenario, const std::string& fileName, double maxEvents,
                         const char* lengthKey) {
  double total = 0;
  const ProducerSpec* biggest = nullptr;
  double biggestCount = 0;
  for (const ProducerSpec& producer : scenario.producers) {
    const SimTime stop = std::min(producer.stop.value_or(scenario.duration), scenario.duration);
    const double window = toSeconds(std::max<SimTime>(0, stop - producer.start));
    double expected = producer.ratePerSecond * window;
    if (producer.count) expected = std::min(expected, static_cast<double>(*producer.count));
    total += expected;
    if (expected > biggestCount) {
      biggestCount = expected;
      biggest = &producer;
    }
  }
  if (total <= maxEvents || biggest == nullptr) return {};
  char message[256];
  std::snprintf(message, sizeof message,
                "producers would publish about %.2g events in this run, more than the %.0g "
                "allowed; shorten '%s' or lower the rate of '%s'",
                total, maxEvents, lengthKey, biggest->name.c_str());
  return {Diagnostic{fileName, biggest->pos.line, biggest->pos.column, message}};
}

}  // namespace eventscope::core
