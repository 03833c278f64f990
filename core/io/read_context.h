#pragma once

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <string>
#include <string_view>

#include "core/io/diagnostic.h"
#include "core/io/source_text.h"
#include "core/model/scenario.h"

namespace eventscope::core::detail {

// State shared by everything that reads one scenario file: the diagnostics found so far, the
// text (to turn yaml-cpp marks into editor positions) and a work budget. The budget exists
// because YAML aliases let a small file describe a huge tree; every value read spends from it.
class ReadContext {
 public:
  ReadContext(std::string_view text, std::string fileName);

  const std::string& fileName() const { return m_fileName; }
  std::string_view text() const { return m_text; }

  // 1-based line and character column of a yaml-cpp mark (which is 0-based and counts bytes).
  SourcePos position(const YAML::Mark& mark) const;
  // Where a node is written. An empty value has no text of its own; yaml-cpp marks the token
  // after it, so this points at the `-` or `,` before it instead.
  SourcePos position(const YAML::Node& node) const;

  void error(SourcePos pos, std::string message);

  // True for a quoted scalar whose closing quote is not on the line where it opens. YAML
  // allows that, but in a name it almost always means a quote was never closed and the rest
  // of the file was swallowed into the string.
  bool quotedAcrossLines(const YAML::Node& node) const;

  // Spends `amount` from the work budget; false (and one located error) once it is spent.
  bool spend(SourcePos pos, std::size_t amount = 1);
  bool exhausted() const { return m_exhausted; }

  // Far more than anyone reads; the cap keeps a file of a million mistakes from costing
  // gigabytes of messages. Errors past it are only counted.
  static constexpr std::size_t kMaxKeptErrors = 10'000;

  std::size_t errorCount() const { return m_errors.size() + m_droppedErrors; }
  std::size_t droppedErrors() const { return m_droppedErrors; }
  Diagnostics takeErrors() { return std::move(m_errors); }

 private:
  std::string_view m_text;
  ColumnIndex m_columns;
  std::string m_fileName;
  Diagnostics m_errors;
  std::size_t m_droppedErrors = 0;
  std::size_t m_budget;
  bool m_exhausted = false;
};

// How a value looks in a message: 'four' (shortened if long), a map, a list or nothing.
std::string describe(const YAML::Node& node);

// A scalar shortened for messages, so a pasted blob does not flood the terminal.
std::string shortened(std::string_view text);

}  // namespace eventscope::core::detail
