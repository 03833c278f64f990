#include "bench/large_recording.h"

#include "support/record_scenario.h"
#include "support/scenario_builders.h"

namespace eventscope::core::bench {

namespace fs = std::filesystem;

fs::path dataDir() {
  fs::path dir = EVENTSCOPE_BENCH_DATA;
  fs::create_directories(dir);
  return dir;
}

Scenario chain(double rate, SimTime duration) {
  Scenario s = testing::queueModel(rate, 1000, 8, duration, 11);
  s.topics[0].name = "orders";
  s.topics[0].partitions = 4;
  s.producers[0].topic = "orders";
  s.producers[0].event = "OrderPlaced";
  s.producers[0].keys = {.kind = KeySpace::Kind::Uniform, .count = 100'000};
  s.services[0].name = "billing";
  s.services[0].subscribes = {"orders"};
  s.services[0].emits = {EmitSpec{.topic = "payments", .event = "PaymentCaptured"}};
  s.topics.push_back(testing::topic("payments", 4));
  s.services.push_back(
      testing::service("shipping", "payments", testing::exponential(kMillisecond), 8));
  return s;
}

const fs::path& largeRecording() {
  static const fs::path path = [] {
    const fs::path file = dataDir() / "chain-10M.evrec";
    if (!fs::exists(file)) {
      const fs::path partial = dataDir() / "chain-10M.evrec.partial";
      fs::remove(partial);
      testing::recordScenario(chain(5000, 1000 * kSecond), partial.string());
      fs::rename(partial, file);
    }
    return file;
  }();
  return path;
}

}  // namespace eventscope::core::bench
