#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace eventscope::core {

// RFC 3339 timestamps with nanoseconds, as CloudEvents' `time` uses them, to and from
// nanoseconds since the Unix epoch. Formatting writes UTC with all nine digits
// ("2026-11-26T11:58:12.123456789Z"); parsing accepts any fraction and a Z or +hh:mm offset.
std::string formatRfc3339(std::int64_t unixNs);
std::optional<std::int64_t> parseRfc3339(std::string_view text);

// The wall-clock time now, in nanoseconds since the Unix epoch.
std::int64_t unixNowNs();

// The wall-clock time now in UTC, to the second ("2026-11-26T11:58:12Z"), for run metadata.
std::string isoTimeNow();

}  // namespace eventscope::core
