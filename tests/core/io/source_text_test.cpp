#include "core/io/source_text.h"

#include <gtest/gtest.h>

namespace eventscope::core {
namespace {

using namespace std::string_view_literals;

TEST(SourceTextTest, AcceptsUtf8Text) {
  EXPECT_FALSE(firstInvalidUtf8("").has_value());
  EXPECT_FALSE(firstInvalidUtf8("plain ascii\n").has_value());
  EXPECT_FALSE(firstInvalidUtf8("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80").has_value());
}

TEST(SourceTextTest, FindsTheFirstBadByte) {
  EXPECT_EQ(firstInvalidUtf8("ab\0cd"sv), 2u);
  EXPECT_EQ(firstInvalidUtf8("ab\xFF"), 2u);
  EXPECT_EQ(firstInvalidUtf8("\x80"), 0u);              // lone continuation byte
  EXPECT_EQ(firstInvalidUtf8("x\xC3"), 1u);             // truncated sequence
  EXPECT_EQ(firstInvalidUtf8("x\xC3(y"), 1u);           // bad continuation
  EXPECT_EQ(firstInvalidUtf8("\xC0\xAF"), 0u);          // overlong '/'
  EXPECT_EQ(firstInvalidUtf8("\xE0\x80\xAF"), 0u);      // overlong, three bytes
  EXPECT_EQ(firstInvalidUtf8("a\xED\xA0\x80"), 1u);     // UTF-16 surrogate
  EXPECT_EQ(firstInvalidUtf8("\xF4\x90\x80\x80"), 0u);  // past U+10FFFF
  EXPECT_EQ(firstInvalidUtf8("\xF8\x88\x80\x80\x80"), 0u);
}

TEST(SourceTextTest, PositionsCountLinesAndCharacters) {
  const std::string_view text =
      "ab\ncd\xC3\xA9"
      "f\r\ng\rh";
  EXPECT_EQ(positionAt(text, 0).line, 1);
  EXPECT_EQ(positionAt(text, 0).column, 1);
  EXPECT_EQ(positionAt(text, 2).column, 3);
  EXPECT_EQ(positionAt(text, 3).line, 2);
  EXPECT_EQ(positionAt(text, 3).column, 1);
  EXPECT_EQ(positionAt(text, 7).column, 4);  // after the two-byte é
  EXPECT_EQ(positionAt(text, 10).line, 3);   // CRLF is one line break
  EXPECT_EQ(positionAt(text, 12).line, 4);   // so is a lone CR
  EXPECT_EQ(positionAt(text, 12).column, 1);
  EXPECT_EQ(positionAt(text, 1000).line, 4);  // clamped to the end
}

TEST(SourceTextTest, ColumnAtCountsFromTheLineStart) {
  EXPECT_EQ(columnAt("x\xC3\xA9y", 0, 3), 3);
  EXPECT_EQ(columnAt("abc", 1, 1), 1);
}

TEST(SourceTextTest, ColumnIndexAgreesWithColumnAt) {
  // Multi-byte characters on both sides of several 64-byte checkpoints, and the very end.
  std::string text;
  for (int i = 0; i < 100; ++i) {
    text += i % 3 == 0 ? "\xC3\xA9" : i % 5 == 0 ? "\xE2\x82\xAC" : "a";
  }
  const ColumnIndex index(text);
  for (std::size_t start = 0; start <= text.size(); start += 7) {
    for (std::size_t offset = start; offset <= text.size(); ++offset) {
      ASSERT_EQ(index.column(start, offset), columnAt(text, start, offset))
          << start << ".." << offset;
    }
  }
  EXPECT_EQ(ColumnIndex("").column(0, 0), 1);
}

}  // namespace
}  // namespace eventscope::core
