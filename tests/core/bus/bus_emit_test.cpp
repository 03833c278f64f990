// Follow-up events carry the correlation id of their chain and the id of their cause.
#include <gtest/gtest.h>

#include <map>

#include "core/sim/engine.h"
#include "support/event_log.h"
#include "support/scenario_builders.h"

namespace eventscope::core {
namespace {

TEST(BusEmitTest, FollowUpsInheritCorrelationAndNameTheirCause) {
  Scenario s = testing::queueModel(300, 5000, 1, kSecond);
  s.producers[0].keys = {.kind = KeySpace::Kind::Uniform, .count = 50};
  s.topics.push_back(testing::topic("invoices", 3));
  s.topics.push_back(testing::topic("ledger"));
  s.services[0].emits = {EmitSpec{.topic = "invoices", .event = "InvoiceCreated", .schema = 2}};
  s.services.push_back(
      testing::service("billing", "invoices", testing::exponential(kMillisecond / 5)));
  s.services[1].emits = {EmitSpec{.topic = "ledger", .event = "Posted", .probability = 0.5}};
  testing::EventLog log;
  Engine engine(s, &log);
  engine.run();

  std::map<std::uint64_t, Event> byId;
  for (const auto& p : log.published)
    byId[p.event.id] = p.event;
  int invoices = 0, postings = 0, producerEvents = 0;
  for (const auto& [id, e] : byId) {
    const std::string& type = engine.bus().eventType(e.type);
    if (e.causationId == 0) {
      ++producerEvents;
      EXPECT_EQ(e.correlationId, e.id);  // a new chain starts with its own id
      continue;
    }
    const Event& cause = byId.at(e.causationId);
    EXPECT_EQ(e.correlationId, cause.correlationId);
    EXPECT_EQ(e.key, cause.key);  // keys travel with the chain: per-key order downstream
    EXPECT_GE(e.publishedAt, cause.publishedAt);
    if (type == "InvoiceCreated") {
      ++invoices;
      EXPECT_EQ(e.schema, 2);
      EXPECT_EQ(e.partition, engine.bus().keys().hash(e.key) % 3);
    } else {
      EXPECT_EQ(type, "Posted");
      EXPECT_EQ(engine.bus().eventType(cause.type), "InvoiceCreated");
      ++postings;
    }
  }
  EXPECT_NEAR(invoices, producerEvents, 3);
  EXPECT_NEAR(static_cast<double>(postings) / invoices, 0.5, 0.08);
}

}  // namespace
}  // namespace eventscope::core
