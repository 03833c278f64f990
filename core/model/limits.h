#pragma once

#include <cstdint>

// Bounds on what a scenario may ask for. They keep a hostile or mistyped file from exhausting
// memory or running for days; each is far above what a model of a real system needs.
namespace eventscope::core::limits {

inline constexpr std::uint64_t kMaxFileBytes = 16u << 20;
inline constexpr int kMaxPartitions = 4096;
inline constexpr int kMaxInstances = 4096;
inline constexpr int kMaxPrefetch = 10'000;
inline constexpr int kMaxAttempts = 1000;
inline constexpr int kMaxSchema = 65'535;  // events hold their schema version in 16 bits
inline constexpr int kMaxSubscribersPerTopic =
    32;                                         // one bit each in an event's done/processed masks
inline constexpr int kMaxEmitsPerService = 32;  // one bit each while follow-ups are published
inline constexpr std::uint64_t kMaxCapacity = 1'000'000'000;
inline constexpr std::uint64_t kMaxUniformKeys = 1'000'000'000;
inline constexpr std::uint64_t kMaxZipfKeys = 1'000'000;  // Zipf sampling keeps a table per key
inline constexpr double kMaxRatePerSecond = 1e8;
inline constexpr double kMaxSlowFactor = 1e6;
inline constexpr std::uint64_t kMaxCount = 1'000'000'000'000ULL;
inline constexpr int kMaxEntities = 10'000;  // topics, producers, services, faults: each
inline constexpr std::uint64_t kMaxEventsInFlight = 50'000'000;  // the engine stops past this

}  // namespace eventscope::core::limits
