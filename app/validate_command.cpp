// eventscope validate SCENARIO
#include <iostream>
#include <memory>

#include "cli_support.h"
#include "commands.h"
#include "core/io/scenario_reader.h"

namespace eventscope::app {

Command addValidateCommand(CLI::App& app) {
  auto path = std::make_shared<std::string>();
  CLI::App* validate = app.add_subcommand(
      "validate", "Check a scenario file and report every problem as FILE:LINE:COL: error:");
  validate->add_option("SCENARIO", *path, "Scenario file (YAML, format 1)")->required();
  return [path] {
    const core::ScenarioReadResult read = core::readScenarioFile(*path);
    for (const core::Diagnostic& d : read.errors)
      std::cerr << d.format() << '\n';
    if (!read.ok()) {
      std::cerr << read.errors.size() << (read.errors.size() == 1 ? " error" : " errors") << '\n';
      return static_cast<int>(kInvalidInput);
    }
    const core::Scenario& s = *read.scenario;
    std::cout << *path << ": ok: '" << s.name << "', " << s.topics.size() << " topics, "
              << s.producers.size() << " producers, " << s.services.size() << " services, "
              << s.faults.size() << " faults\n";
    return static_cast<int>(kSuccess);
  };
}

}  // namespace eventscope::app
