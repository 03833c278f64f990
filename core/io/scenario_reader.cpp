#include "core/io/scenario_reader.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <set>
#include <tuple>

#include "core/io/read_context.h"
#include "core/io/scenario_map_reader.h"
#include "core/io/scenario_sections.h"
#include "core/io/source_text.h"
#include "core/io/yaml_prescan.h"
#include "core/io/yaml_syntax_error.h"
#include "core/io/yaml_values.h"
#include "core/model/limits.h"
#include "core/model/run_size.h"
#include "core/model/scenario_validation.h"

namespace eventscope::core {

namespace {

using detail::Field;
using detail::MapFields;
using detail::ReadContext;

// Past this many, more errors only bury the first ones, which often cause the rest.
constexpr std::size_t kMaxShownErrors = 100;

const std::vector<std::string> kTopLevelKeys{"eventscope", "name",   "seed",      "duration",
                                             "warmup",     "topics", "producers", "services",
                                             "faults",     "layout"};

bool sameOrder(const Diagnostic& a, const Diagnostic& b) {
  return std::tie(a.line, a.column) < std::tie(b.line, b.column);
}

std::string defaultName(const std::string& fileName) {
  std::string stem = std::filesystem::path(fileName).stem().string();
  return stem.empty() ? "scenario" : stem;
}

// Reads `eventscope:`; false when the version is one this build cannot read, in which case
// nothing else is worth reporting (other versions may have other keys).
bool readVersion(ReadContext& context, const MapFields& top) {
  const Field* field = top.find("eventscope");
  if (!field) {
    return true;  // reported with the other keys, unless it is just misspelt
  }
  const std::string text = field->value.IsScalar() ? field->value.Scalar() : std::string();
  long long version = 0;
  const char* end = text.data() + text.size();
  const auto parsed = std::from_chars(text.data(), end, version);
  if (!text.empty() && parsed.ec == std::errc() && parsed.ptr == end) {
    if (version == 1) {
      return true;
    }
    context.error(field->valuePos,
                  "unsupported format version " + text + "; this build reads format 1");
    return false;
  }
  context.error(field->valuePos,
                "'eventscope' must be the format version 1, got " + detail::describe(field->value));
  return true;
}

void readTopLevel(ReadContext& context, const MapFields& top, const std::string& fileName,
                  Scenario& scenario, ValidationOptions& gaps) {
  top.rejectUnknown(kTopLevelKeys, "");
  if (!top.find("eventscope") && !top.suggested("eventscope")) {
    context.error(top.position(),
                  "missing required key 'eventscope' (the format version); "
                  "start the file with 'eventscope: 1'");
  }
  scenario.name = defaultName(fileName);
  if (const Field* f = top.find("name")) {
    scenario.name = detail::readName(context, *f).value_or(scenario.name);
  }
  if (const Field* f = top.find("seed")) {
    scenario.seed = detail::readUnsigned(context, *f, 0, std::numeric_limits<std::uint64_t>::max())
                        .value_or(scenario.seed);
  }
  if (const Field* f = top.find("duration")) {
    scenario.duration = detail::readDuration(context, *f, false).value_or(scenario.duration);
  }
  if (const Field* f = top.find("warmup")) {
    scenario.warmupPos = f->valuePos;
    scenario.warmup = detail::readDuration(context, *f, true).value_or(0);
  }
  // Sections are read even after errors above: all problems are reported at once.
  if (const Field* f = top.find("topics")) {
    detail::readTopics(context, *f, scenario, gaps);
  }
  if (const Field* f = top.find("producers")) {
    detail::readProducers(context, *f, scenario, gaps);
  }
  if (const Field* f = top.find("services")) {
    detail::readServices(context, *f, scenario, gaps);
  }
  if (const Field* f = top.find("faults")) {
    detail::readFaults(context, *f, scenario);
  }
  if (const Field* f = top.find("layout")) {
    detail::readLayout(context, *f, scenario);
  }
}

// A dead-letter topic need not be declared: the engine needs it, so it is added here.
void addImplicitDeadLetterTopics(Scenario& scenario) {
  std::set<std::string> known;
  for (const TopicSpec& topic : scenario.topics) {
    known.insert(topic.name);
  }
  for (const ServiceSpec& service : scenario.services) {
    if (!service.deadLetter || !known.insert(*service.deadLetter).second) {
      continue;
    }
    TopicSpec topic;
    topic.name = *service.deadLetter;
    topic.implicit = true;
    topic.pos = service.deadLetterPos;
    scenario.topics.push_back(std::move(topic));
  }
}

// All errors by position; past kMaxShownErrors, one line says how many more there are.
Diagnostics merge(Diagnostics errors, const Diagnostics& checks, std::size_t dropped) {
  errors.insert(errors.end(), checks.begin(), checks.end());
  std::stable_sort(errors.begin(), errors.end(), sameOrder);
  if (errors.size() > kMaxShownErrors) {
    Diagnostic more = errors[kMaxShownErrors];
    more.message = std::to_string(errors.size() - kMaxShownErrors + dropped) +
                   " more errors not shown; fix the ones above first";
    errors.resize(kMaxShownErrors);
    errors.push_back(std::move(more));
  }
  return errors;
}

}  // namespace

ScenarioReadResult parseScenario(std::string_view yamlText, const std::string& fileName) {
  ScenarioReadResult result;
  std::string_view text = yamlText;
  // A byte order mark is invisible in editors; yaml-cpp skips it, and so do positions.
  if (text.substr(0, 3) == "\xEF\xBB\xBF") {
    text.remove_prefix(3);
  }
  if (const auto bad = firstInvalidUtf8(text)) {
    const SourcePos pos = positionAt(text, *bad);
    static constexpr char kHex[] = "0123456789ABCDEF";
    const auto byte = static_cast<unsigned char>(text[*bad]);
    const std::string what = byte == 0 ? "found a NUL byte; is it a binary file?"
                                       : std::string("found byte 0x") + kHex[byte >> 4] +
                                             kHex[byte & 0xF] + "; save it as UTF-8";
    result.errors.push_back(
        {fileName, pos.line, pos.column, "file is not UTF-8 text (" + what + ")"});
    return result;
  }
  ReadContext context(text, fileName);
  const std::vector<YAML::Node> documents = detail::loadYamlDocuments(context, text);
  if (context.errorCount() > 0) {
    // A syntax error leaves nothing to read.
  } else if (documents.empty() || documents.front().IsNull()) {
    const bool blank = text.find_first_not_of(" \t\r\n") == std::string_view::npos;
    const char* what = blank               ? "the file is empty"
                       : documents.empty() ? "the file holds only comments"
                                           : "the scenario is empty";
    context.error({1, 1}, std::string(what) + "; a scenario starts with 'eventscope: 1'");
  } else if (!documents.front().IsMap()) {
    context.error(context.position(documents.front()),
                  "the top level of a scenario must be a map of keys such as 'eventscope: 1', "
                  "got " +
                      detail::describe(documents.front()));
  } else {
    if (documents.size() > 1) {
      context.error(context.position(documents[1]),
                    "a scenario file holds one YAML document; remove this second one");
    }
    return detail::readScenarioMap(context, documents.front(), fileName);
  }
  result.errors = merge(context.takeErrors(), {}, context.droppedErrors());
  return result;
}

namespace detail {

std::vector<YAML::Node> loadYamlDocuments(ReadContext& context, std::string_view text) {
  if (!detail::prescanYaml(context, text)) {
    return {};
  }
  try {
    return YAML::LoadAll(std::string(text));
  } catch (const YAML::ParserException& e) {
    detail::reportSyntaxError(context, text, e);
  } catch (const std::exception& e) {
    context.error({1, 1}, std::string("could not read the YAML: ") + e.what());
  }
  return {};
}

ScenarioReadResult readScenarioMap(ReadContext& context, const YAML::Node& map,
                                   const std::string& fileName) {
  ScenarioReadResult result;
  Scenario scenario;
  ValidationOptions gaps;
  gaps.emptyValuesReported = true;  // the section readers report each one where it is written
  bool validate = false;
  const MapFields top(context, map);
  if (readVersion(context, top)) {
    readTopLevel(context, top, fileName, scenario, gaps);
    validate = !context.exhausted();
  }
  Diagnostics checks = validate ? validateScenario(scenario, fileName, gaps) : Diagnostics{};
  if (validate && checks.empty()) {
    const Diagnostics size = checkRunSize(scenario, fileName);
    checks.insert(checks.end(), size.begin(), size.end());
  }
  const std::size_t dropped = context.droppedErrors();
  result.errors = merge(context.takeErrors(), checks, dropped);
  if (result.errors.empty()) {
    addImplicitDeadLetterTopics(scenario);
    result.scenario = std::move(scenario);
  }
  return result;
}

}  // namespace detail

ScenarioReadResult readScenarioFile(const std::string& path) {
  ScenarioReadResult result;
  auto fail = [&](const std::string& message) {
    result.errors.push_back({path, 0, 0, message});
    return result;
  };
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return fail("is a directory, not a scenario file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return fail("cannot open the file: " + std::string(std::strerror(errno)));
  }
  // Stop one chunk past the limit: enough to know it is too big, even for a pipe or a device
  // whose size the file system cannot tell.
  std::string text;
  constexpr std::size_t kChunk = 1 << 16;
  char buffer[kChunk];
  while (in && text.size() <= limits::kMaxFileBytes) {
    in.read(buffer, kChunk);
    text.append(buffer, static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) {
    return fail("cannot read the file: " + std::string(std::strerror(errno)));
  }
  if (text.size() > limits::kMaxFileBytes) {
    return fail("the file is too large for a scenario: more than " +
                std::to_string(limits::kMaxFileBytes >> 20) + " MiB");
  }
  return parseScenario(text, path);
}

}  // namespace eventscope::core
