#pragma once

#include <cstdint>
#include <vector>

#include "core/bus/bus.h"
#include "core/sim/engine_observer.h"
#include "ui/controller/live_snapshot.h"

namespace eventscope::ui {

// Engine observer that turns what happens into tokens for the topology view. It keeps at most
// a fixed number per snapshot: ordinary tokens by reservoir sampling (uniform over the
// window), the rare kinds (retries, duplicates, dead letters, drops) first come first kept,
// so a fault stays visible at any event rate. Runs on the engine thread; O(1) per event.
class TokenSampler final : public core::EngineObserver {
 public:
  static constexpr std::size_t kCommonPerWindow = 400;
  static constexpr std::size_t kRarePerWindow = 200;

  void onRunStart(const core::Bus& bus) override { m_bus = &bus; }
  void onPublished(core::SimTime now, const core::Event& event,
                   const core::PublisherRef& by) override;
  void onRefused(core::SimTime now, const core::Event& event, core::Refusal why,
                 std::int32_t service, std::uint32_t queue) override;
  void onEnqueued(core::SimTime now, std::uint32_t service, std::uint32_t queue,
                  const core::Event& event, core::DeliveryCause cause) override;

  // Hands over the tokens of the window since the last call and starts a new window.
  std::vector<Token> takeWindow(std::uint64_t* seen);

 private:
  void add(const Token& token);

  const core::Bus* m_bus = nullptr;
  std::vector<Token> m_common, m_rare;
  std::uint64_t m_commonSeen = 0, m_seen = 0;
  std::uint64_t m_random = 0x9E3779B97F4A7C15ull;  // xorshift state: sampling needs no quality
};

}  // namespace eventscope::ui
