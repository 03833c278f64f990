#include "core/io/source_text.h"

#include <algorithm>
#include <cstdint>

namespace eventscope::core {

namespace {

unsigned byteAt(std::string_view text, std::size_t i) {
  return static_cast<unsigned char>(text[i]);
}

bool isContinuation(unsigned byte) {
  return (byte & 0xC0u) == 0x80u;
}

// Length of the valid UTF-8 sequence starting at `i`, or 0 if it is not valid.
std::size_t sequenceLength(std::string_view text, std::size_t i) {
  const unsigned lead = byteAt(text, i);
  if (lead == 0) {
    return 0;
  }
  if (lead < 0x80) {
    return 1;
  }
  std::size_t length = 0;
  std::uint32_t codePoint = 0;
  if ((lead & 0xE0u) == 0xC0u) {
    length = 2;
    codePoint = lead & 0x1Fu;
  } else if ((lead & 0xF0u) == 0xE0u) {
    length = 3;
    codePoint = lead & 0x0Fu;
  } else if ((lead & 0xF8u) == 0xF0u) {
    length = 4;
    codePoint = lead & 0x07u;
  } else {
    return 0;
  }
  if (i + length > text.size()) {
    return 0;
  }
  for (std::size_t k = 1; k < length; ++k) {
    const unsigned next = byteAt(text, i + k);
    if (!isContinuation(next)) {
      return 0;
    }
    codePoint = (codePoint << 6) | (next & 0x3Fu);
  }
  constexpr std::uint32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (codePoint < kSmallest[length]) {
    return 0;  // overlong encodings hide characters
  }
  if (codePoint >= 0xD800 && codePoint <= 0xDFFF) {
    return 0;
  }
  if (codePoint > 0x10FFFF) {
    return 0;
  }
  return length;
}

}  // namespace

std::optional<std::size_t> firstInvalidUtf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t length = sequenceLength(text, i);
    if (length == 0) {
      return i;
    }
    i += length;
  }
  return std::nullopt;
}

int columnAt(std::string_view text, std::size_t lineStart, std::size_t offset) {
  offset = std::min(offset, text.size());
  int column = 1;
  for (std::size_t i = lineStart; i < offset; ++i) {
    if (!isContinuation(byteAt(text, i))) {
      ++column;
    }
  }
  return column;
}

ColumnIndex::ColumnIndex(std::string_view text) : m_text(text) {
  // One checkpoint per stride, up to and including the end, so every offset has one.
  m_checkpoints.reserve(text.size() / kStride + 1);
  std::uint32_t count = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i % kStride == 0) {
      m_checkpoints.push_back(count);
    }
    if (i < text.size() && isContinuation(byteAt(text, i))) {
      ++count;
    }
  }
}

std::size_t ColumnIndex::continuationsBefore(std::size_t offset) const {
  const std::size_t block = offset / kStride;
  std::size_t count = m_checkpoints[block];
  for (std::size_t i = block * kStride; i < offset; ++i) {
    if (isContinuation(byteAt(m_text, i))) {
      ++count;
    }
  }
  return count;
}

int ColumnIndex::column(std::size_t lineStart, std::size_t offset) const {
  offset = std::min(offset, m_text.size());
  lineStart = std::min(lineStart, offset);
  const std::size_t characters =
      (offset - lineStart) - (continuationsBefore(offset) - continuationsBefore(lineStart));
  return static_cast<int>(characters) + 1;
}

SourcePos positionAt(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  int line = 1;
  std::size_t lineStart = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    const bool crlf = text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n';
    if ((text[i] == '\n' || text[i] == '\r') && !crlf) {
      ++line;
      lineStart = i + 1;
    }
  }
  return {line, columnAt(text, lineStart, offset)};
}

}  // namespace eventscope::core
