#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/model/scenario.h"

namespace eventscope::core {

// Offset of the first byte that makes `text` not UTF-8 text: a NUL byte, a malformed or overlong
// sequence, a surrogate or a code point past U+10FFFF. nullopt when the text is clean.
std::optional<std::size_t> firstInvalidUtf8(std::string_view text);

// The 1-based line and column of byte `offset` in `text`. Columns count characters (code
// points), not bytes, as editors do; a line ends at LF, CRLF or a lone CR, as in YAML.
SourcePos positionAt(std::string_view text, std::size_t offset);

// The 1-based column of byte `offset` when the line it is on starts at byte `lineStart`.
int columnAt(std::string_view text, std::size_t lineStart, std::size_t offset);

// columnAt() in constant time: a hostile file can put a whole model on one long line and ask
// for millions of positions on it, so counting from the line start each time is too slow.
class ColumnIndex {
 public:
  explicit ColumnIndex(std::string_view text);
  int column(std::size_t lineStart, std::size_t offset) const;

 private:
  static constexpr std::size_t kStride = 64;
  std::size_t continuationsBefore(std::size_t offset) const;

  std::string_view m_text;
  std::vector<std::uint32_t> m_checkpoints;  // UTF-8 continuation bytes before i * kStride
};

}  // namespace eventscope::core
