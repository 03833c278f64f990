#pragma once

#include <filesystem>
#include <string>

#include "core/model/scenario.h"
#include "core/sim/run_scenario.h"

namespace eventscope::core::testing {

// A fresh path in a private temporary directory, removed with its files when this goes.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string file(const std::string& name) const { return (m_path / name).string(); }

 private:
  std::filesystem::path m_path;
};

// A file's bytes ("" if it cannot be read).
std::string readAll(const std::string& path);

// Runs a scenario with a recorder writing to `path`; returns the run's result. With inputs,
// a what-if replay of them (see Bus::replayInputs).
RunResult recordScenario(const Scenario& scenario, const std::string& path,
                         std::size_t batchRows = 32768, ExternalInputSource* inputs = nullptr);

}  // namespace eventscope::core::testing
