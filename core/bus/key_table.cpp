#include "core/bus/key_table.h"

#include <charconv>

namespace eventscope::core {

namespace {
// "k<digits>" with no leading zeros and a value below kInternedBase is a numbered key.
bool parseNumbered(std::string_view text, std::uint32_t& number) {
  if (text.size() < 2 || text[0] != 'k' || (text[1] == '0' && text.size() > 2)) return false;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data() + 1, end, number);
  return ec == std::errc() && ptr == end && number < KeyTable::kInternedBase;
}

// Formats "k<number>" into buf without allocating; returns its length.
std::size_t formatNumbered(std::uint32_t number, char (&buf)[16]) {
  buf[0] = 'k';
  auto [ptr, ec] = std::to_chars(buf + 1, buf + sizeof buf, number);
  return static_cast<std::size_t>(ptr - buf);
}
}  // namespace

std::uint64_t KeyTable::hashText(std::string_view text) {
  std::uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a, then a finalizer to spread the low bits
  for (unsigned char c : text) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return h;
}

KeyId KeyTable::intern(std::string_view text) {
  std::uint32_t number = 0;
  if (parseNumbered(text, number)) return number;
  std::string owned(text);
  if (auto it = m_ids.find(owned); it != m_ids.end()) return it->second;
  const KeyId id = kInternedBase + static_cast<KeyId>(m_interned.size());
  m_internedHashes.push_back(hashText(owned));
  m_interned.push_back(owned);
  m_ids.emplace(std::move(owned), id);
  return id;
}

std::string KeyTable::text(KeyId key) const {
  if (key == kNoKey) return {};
  if (key >= kInternedBase) return m_interned[key - kInternedBase];
  char buf[16];
  return std::string(buf, formatNumbered(key, buf));
}

std::uint64_t KeyTable::hash(KeyId key) const {
  if (key >= kInternedBase) return m_internedHashes[key - kInternedBase];
  char buf[16];
  return hashText(std::string_view(buf, formatNumbered(key, buf)));
}

}  // namespace eventscope::core
