#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/io/map_fields.h"
#include "core/model/scenario.h"

// Readers for the structured fields of a service (see scenario_sections.h for the contract).
namespace eventscope::core::detail {

std::optional<Distribution> readServiceTime(ReadContext& context, const Field& field);
std::optional<RetrySpec> readRetry(ReadContext& context, const Field& field);
std::optional<AutoscaleSpec> readAutoscale(ReadContext& context, const Field& field);
std::vector<EmitSpec> readEmits(ReadContext& context, const Field& field,
                                const std::string& serviceLabel);

}  // namespace eventscope::core::detail
