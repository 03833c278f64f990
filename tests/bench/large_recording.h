#pragma once

#include <filesystem>

#include "core/model/scenario.h"

// The large recordings the benchmarks read, made once in the build's bench-data directory
// (they take a while) and reused by every benchmark that needs them.
namespace eventscope::core::bench {

// Where the large recordings live between runs.
std::filesystem::path dataDir();

// A two-stage chain with keys and partitions: each order is paid for (an emitted event).
Scenario chain(double rate, SimTime duration);

// The 10 M-event recording: the chain at 5,000 orders/s for 1000 s (about 620 MB).
const std::filesystem::path& largeRecording();

}  // namespace eventscope::core::bench
