#include "ui/window/event_details_view.h"

#include <gtest/gtest.h>

#include <QPushButton>
#include <QSignalSpy>
#include <QTreeWidget>
#include <fstream>

#include "core/io/cloudevents_import.h"
#include "core/store/recording_batch.h"
#include "support/record_scenario.h"

namespace eventscope::ui {
namespace {

using core::store::Recording;
using core::testing::TempDir;

TEST(EventDetailsViewTest, PayloadsAreIndentedJsonOrShownAsTheyAre) {
  EXPECT_EQ(prettyPayload(R"({"amount":42.5,"items":[1,2]})"),
            QStringLiteral("{\n  \"amount\": 42.5,\n  \"items\": [\n    1,\n    2\n  ]\n}"));
  EXPECT_EQ(prettyPayload("not json {"), QStringLiteral("not json {"));
  EXPECT_EQ(prettyPayload("\"caf\xc3\xa9\""), QStringLiteral("\"caf\u00e9\""));
}

TEST(EventDetailsViewTest, ReasonsNameTheFailureAndDuplicates) {
  namespace store = core::store;
  EXPECT_EQ(attemptReason(0), QString());
  EXPECT_EQ(attemptReason(store::kReasonPoison), QStringLiteral("poison"));
  EXPECT_EQ(attemptReason(store::kReasonTimeout | store::kDuplicateProcessed),
            QStringLiteral("timeout, duplicate processed"));
}

TEST(EventDetailsViewTest, AnImportedEventShowsItsCloudEventsAttributes) {
  TempDir dir;
  std::ofstream(dir.file("in.jsonl"))
      << R"({"specversion":"1.0","id":"order-1","source":"/shop","type":"OrderPlaced",)"
      << R"("time":"2026-11-26T10:00:00Z","partitionkey":"vip-7","correlationid":"c-9",)"
      << R"("traceparent":"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",)"
      << R"("data":{"amount":3}})" << '\n';
  ASSERT_TRUE(core::importCloudEvents(dir.file("in.jsonl"), dir.file("in.evrec")).ok());
  std::string error;
  auto recording = Recording::open(dir.file("in.evrec"), &error);
  ASSERT_TRUE(recording) << error;
  EventDetailsView view;
  ASSERT_TRUE(view.display(*recording, 1));
  EXPECT_EQ(view.attribute(QStringLiteral("type")), QStringLiteral("OrderPlaced"));
  EXPECT_EQ(view.attribute(QStringLiteral("key")), QStringLiteral("vip-7"));
  EXPECT_EQ(view.attribute(QStringLiteral("CloudEvents id")), QStringLiteral("order-1"));
  EXPECT_EQ(view.attribute(QStringLiteral("CloudEvents source")), QStringLiteral("/shop"));
  EXPECT_EQ(view.attribute(QStringLiteral("correlationid")), QStringLiteral("c-9"));
  EXPECT_TRUE(view.attribute(QStringLiteral("traceparent")).startsWith(QStringLiteral("00-0af7")));
  EXPECT_EQ(view.payloadText(), QStringLiteral("{\n  \"amount\": 3\n}"));
  EXPECT_EQ(view.attempts()->topLevelItemCount(), 0);

  QSignalSpy trace(&view, &EventDetailsView::traceRequested);
  ASSERT_TRUE(view.traceButton()->isEnabled());
  view.traceButton()->click();
  ASSERT_EQ(trace.count(), 1);
  EXPECT_EQ(trace.at(0).at(0).value<std::uint64_t>(), 1u);

  EXPECT_FALSE(view.display(*recording, 99));
  EXPECT_EQ(view.eventId(), 0u);
  EXPECT_FALSE(view.traceButton()->isEnabled());
  EXPECT_TRUE(view.attribute(QStringLiteral("id")).isEmpty());
}

}  // namespace
}  // namespace eventscope::ui
