// eventscope diff RECORDING_A RECORDING_B [--json]: two runs side by side, per service.
#include <iostream>
#include <memory>

#include "cli_support.h"
#include "commands.h"
#include "core/io/run_diff.h"
#include "core/store/stored_report.h"
#include "output_file.h"

namespace eventscope::app {

namespace {
struct DiffArguments {
  std::string a, b;
  bool json = false;
};

int diff(const DiffArguments& args) {
  core::RunReport a, b;
  std::string error;
  if (!core::store::readStoredReport(args.a, a, &error) ||
      !core::store::readStoredReport(args.b, b, &error)) {
    std::cerr << "eventscope diff: " << error << '\n';
    return kInvalidInput;
  }
  const core::RunDiff result = core::diffReports(a, b);
  const std::string text = args.json ? core::diffToJson(result, args.a, args.b).dump(2) + "\n"
                                     : core::formatDiff(result, args.a, args.b);
  if (!writeStdout(text, &error)) {
    std::cerr << "eventscope diff: " << error << '\n';
    return kRuntimeFailure;
  }
  return kSuccess;
}
}  // namespace

Command addDiffCommand(CLI::App& app) {
  auto args = std::make_shared<DiffArguments>();
  CLI::App* command = app.add_subcommand(
      "diff",
      "Compare two recorded runs per service: throughput, latency percentiles, backlog, "
      "dead letters, duplicates, ...");
  command->add_option("RECORDING_A", args->a, "The first run (the baseline)")->required();
  command->add_option("RECORDING_B", args->b, "The second run (the what-if)")->required();
  command->add_flag("--json", args->json, "Print the comparison as JSON");
  return [args] { return diff(*args); };
}

}  // namespace eventscope::app
