#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/io/map_fields.h"
#include "core/model/sim_time.h"

namespace eventscope::core::detail {

// Readers for one field's value. Each returns nullopt after reporting a located error that
// names the key and what it must be, e.g. "'partitions' must be an integer from 1 to 4096, got
// 'four'", so that the caller can keep its default and go on reading.

// A name or a reference to one: a non-empty scalar on one line.
std::optional<std::string> readName(ReadContext& context, const Field& field);
// Any scalar, taken as text (`key: 13` is the string "13").
std::optional<std::string> readText(ReadContext& context, const Field& field);

std::optional<std::int64_t> readInteger(ReadContext& context, const Field& field, std::int64_t min,
                                        std::int64_t max);
std::optional<std::uint64_t> readUnsigned(ReadContext& context, const Field& field,
                                          std::uint64_t min, std::uint64_t max);

// The range a number must lie in; `minExclusive` makes the lower bound "greater than".
struct NumberRange {
  double min = 0;
  double max = 0;
  bool minExclusive = false;
};
std::optional<double> readNumber(ReadContext& context, const Field& field, NumberRange range);
std::optional<double> readProbability(ReadContext& context, const Field& field);

std::optional<bool> readBool(ReadContext& context, const Field& field);

// A duration; `allowZero` false makes 0s an error.
std::optional<SimTime> readDuration(ReadContext& context, const Field& field, bool allowZero);
std::optional<double> readRate(ReadContext& context, const Field& field);

// One of a fixed set of words, with a "did you mean" hint for a near miss.
std::optional<int> readChoiceIndex(ReadContext& context, const Field& field,
                                   const std::vector<std::string>& choices);

template <typename Enum>
std::optional<Enum> readChoice(ReadContext& context, const Field& field,
                               const std::vector<std::pair<std::string, Enum>>& choices) {
  std::vector<std::string> words;
  words.reserve(choices.size());
  for (const auto& choice : choices) {
    words.push_back(choice.first);
  }
  const std::optional<int> index = readChoiceIndex(context, field, words);
  if (!index) {
    return std::nullopt;
  }
  return choices[static_cast<std::size_t>(*index)].second;
}

// A list's items with where each is written; a single scalar counts as a one-item list when
// `acceptSingle` is set. Reports a value that is neither, or an empty list.
struct Item {
  YAML::Node node;
  SourcePos pos;
};
std::optional<std::vector<Item>> readItems(ReadContext& context, const Field& field,
                                           bool acceptSingle, std::string_view itemsAre);

// A map's fields; reports a value that is not a map (`shape` shows what one looks like).
std::optional<MapFields> readMap(ReadContext& context, const Field& field, std::string_view shape);

// A field made from a list item, so items can use the same readers as map values; messages
// call it `subject`, e.g. "each entry of 'poison_keys'".
Field itemField(std::string subject, const Item& item);

// Shortest plain form of a number for messages: 4096, 0.5, 1e+06.
std::string formatNumber(double value);

}  // namespace eventscope::core::detail
