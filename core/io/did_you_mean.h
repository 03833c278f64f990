#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eventscope::core {

// The candidate closest to a misspelt `word` (edit distance with transpositions, ignoring case),
// if it is close enough to be a plausible typo: at most max(1, length / 3) edits.
std::optional<std::string> closestMatch(std::string_view word,
                                        const std::vector<std::string>& candidates);

}  // namespace eventscope::core
