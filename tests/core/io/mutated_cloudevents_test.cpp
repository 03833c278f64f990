// Random damage to good CloudEvents files (JSON Lines and a batch), 400 times: the import
// either succeeds or reports located errors and writes nothing; it never crashes or hangs.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "core/io/cloudevents_import.h"
#include "support/exchange_files.h"
#include "support/record_scenario.h"

namespace eventscope::core {
namespace {

constexpr const char* kLines =
    R"({"specversion":"1.0","id":"o-1","source":"/shop","type":"OrderPlaced","time":"2026-11-26T10:00:00Z","subject":"orders","partitionkey":"c-1","data":{"total":12.5,"items":[1,2]}})"
    "\n"
    R"({"specversion":"1.0","id":"p-1","source":"/billing","type":"PaymentCaptured","time":"2026-11-26T10:00:00.2Z","correlationid":"o-1","causationid":"o-1","traceparent":"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01","schemaversion":2})"
    "\n"
    R"({"specversion":"1.0","id":"o-2","source":"/shop","type":"OrderPlaced","time":"2026-11-26T10:00:01Z","eventscopetopic":"orders","eventscopepartition":3,"data_base64":"AAEC"})"
    "\n";

std::string mutate(std::string text, std::mt19937& random) {
  const auto below = [&](std::size_t n) {
    return n == 0 ? 0 : std::uniform_int_distribution<std::size_t>(0, n - 1)(random);
  };
  static constexpr char kSignificant[] = "{}[]\":,\\\n 0-e.";
  const int damages = 1 + static_cast<int>(below(3));
  for (int d = 0; d < damages; ++d) {
    switch (below(4)) {
      case 0:
        if (!text.empty()) text[below(text.size())] = static_cast<char>(below(256));
        break;
      case 1:
        text.insert(below(text.size() + 1), 1, kSignificant[below(sizeof kSignificant - 1)]);
        break;
      case 2:
        if (!text.empty()) text.erase(below(text.size()), 1 + below(20));
        break;
      default:
        text.resize(below(text.size() + 1));
        break;
    }
  }
  return text;
}

TEST(MutatedCloudEventsTest, EveryMutationIsImportedOrReportedWithItsPosition) {
  testing::TempDir dir;
  std::string batch = std::string("[\n") + kLines;
  for (std::size_t at = batch.find("}\n{"); at != std::string::npos; at = batch.find("}\n{", at))
    batch.replace(at, 2, "},\n");
  batch.back() = '\n';
  batch += "]\n";
  std::mt19937 random(42);
  int imported = 0, refused = 0;
  for (int i = 0; i < 400; ++i) {
    const std::string input = dir.file("in-" + std::to_string(i) + ".json");
    const std::string output = dir.file("out-" + std::to_string(i) + ".evrec");
    std::ofstream(input, std::ios::binary) << mutate(i % 2 == 0 ? kLines : batch, random);
    const ImportResult result = importCloudEvents(input, output);
    if (result.ok()) {
      ++imported;
      EXPECT_GT(result.events, 0u);
      EXPECT_TRUE(std::filesystem::exists(output));
    } else {
      ++refused;
      EXPECT_FALSE(std::filesystem::exists(output)) << "nothing is written";
      EXPECT_TRUE(testing::filesNamedLike(output).empty()) << "no temporary left";
      for (const Diagnostic& d : result.errors) {
        EXPECT_EQ(d.file, input);
        EXPECT_EQ(d.message.find('\n'), std::string::npos) << d.message;
        if (d.line > 0) {
          EXPECT_GE(d.column, 1) << d.format();
        }
      }
    }
    std::filesystem::remove(output);
  }
  EXPECT_GT(imported, 20);
  EXPECT_GT(refused, 200);
}

}  // namespace
}  // namespace eventscope::core
