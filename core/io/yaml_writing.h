#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/model/scenario.h"
#include "core/model/sim_time.h"

namespace eventscope::core::detail {

// Pieces of YAML text for the scenario writer. Each returns text that the scenario reader
// (and any YAML 1.2 reader) takes back as exactly the value given.

// `text` as a scalar: plain when it cannot be misread (names such as `orders.dlq` or `Order
// pipeline`), otherwise double-quoted with escapes: empty text, surrounding spaces, YAML
// indicators, words such as `yes` or `null`, anything that starts like a number.
std::string yamlString(std::string_view text);

// A duration in the largest unit that holds it as a whole number, as people write them:
// 250us, 10ms, 200ms, 1500ms, 2s, 90s, 5m, 1h; 0s for zero.
std::string yamlDuration(SimTime duration);

// Text that reads back as `value` exactly: whole numbers in full (2, 100000000), others in
// the shortest form std::to_chars finds (0.02, 1e-07).
std::string yamlNumber(double value);

// A rate that reads back exactly: `800/s` or `2.5/s`, and `1/m` or `5/h` for a whole number per
// minute or per hour that would be a long decimal per second.
std::string yamlRate(double perSecond);

// A payload template (compact JSON text) as a YAML flow value that the payload reader turns
// back into the same JSON: `{amount: 42.5, currency: EUR}`. Text that is not JSON (the model
// always holds JSON; this is a guard) is written as one string rather than lost.
std::string yamlPayload(const std::string& json);

// The `layout:` section, `layout:` line included: one `NODE: {x: 12, y: 40}` line per entry,
// indented by two spaces.
std::string layoutSection(const std::vector<LayoutEntry>& layout);

// Builds a flow mapping `{key: value, ...}` from values already written as YAML.
class FlowMap {
 public:
  FlowMap& add(std::string_view key, const std::string& value);
  std::string text() const { return "{" + m_entries + "}"; }

 private:
  std::string m_entries;
};

}  // namespace eventscope::core::detail
