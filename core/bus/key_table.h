#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/bus/event.h"

namespace eventscope::core {

// Event keys. Producers draw numbered keys k0..kN-1, held as the number itself; any other text
// (from poison_keys or injected events) is interned above kInternedBase. The partition of a key
// is a stable hash of its text, so `k13` lands on the same partition whoever publishes it.
class KeyTable {
 public:
  static constexpr KeyId kInternedBase = 0x80000000u;

  KeyId intern(std::string_view text);
  std::string text(KeyId key) const;
  std::uint64_t hash(KeyId key) const;
  static std::uint64_t hashText(std::string_view text);
  // Keys interned so far (their ids are kInternedBase + 0 .. internedCount() - 1).
  std::size_t internedCount() const { return m_interned.size(); }

 private:
  std::vector<std::string> m_interned;
  std::vector<std::uint64_t> m_internedHashes;
  std::unordered_map<std::string, KeyId> m_ids;
};

}  // namespace eventscope::core
