// eventscope validate SCENARIO...
#include <iostream>
#include <memory>
#include <vector>

#include "cli_support.h"
#include "commands.h"
#include "core/io/scenario_reader.h"
#include "output_file.h"

namespace eventscope::app {

Command addValidateCommand(CLI::App& app) {
  auto paths = std::make_shared<std::vector<std::string>>();
  CLI::App* validate = app.add_subcommand(
      "validate", "Check scenario files; report every problem as FILE:LINE:COL: error: MESSAGE");
  validate->add_option("SCENARIO", *paths, "Scenario files (YAML, format 1)")->required();
  return [paths] {
    int status = kSuccess;
    std::string out;
    for (const std::string& path : *paths) {
      const core::ScenarioReadResult read = core::readScenarioFile(path);
      printDiagnostics(read.errors);
      if (!read.ok()) {
        status = kInvalidInput;
        continue;
      }
      const core::Scenario& s = *read.scenario;
      out += path + ": ok: '" + s.name + "', " + std::to_string(s.topics.size()) + " topics, " +
             std::to_string(s.producers.size()) + " producers, " +
             std::to_string(s.services.size()) + " services, " + std::to_string(s.faults.size()) +
             " faults\n";
    }
    std::string error;
    if (!writeStdout(out, &error)) {
      std::cerr << "eventscope validate: " << error << '\n';
      return static_cast<int>(kRuntimeFailure);
    }
    return status;
  };
}

}  // namespace eventscope::app
