#include "core/io/yaml_prescan.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <sstream>
#include <string>

#include "core/io/yaml_syntax_error.h"

namespace eventscope::core::detail {

namespace {

// Thrown from inside the parser to stop at the first value past the cap; yaml-cpp reports its
// own errors by exception too, so unwinding through it is safe.
struct TooManyValues {
  YAML::Mark mark;
};

class ValueCounter : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { count(mark); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { count(mark); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                const std::string&) override {
    count(mark);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    count(mark);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    count(mark);
  }
  void OnMapEnd() override {}

 private:
  void count(const YAML::Mark& mark) {
    if (++m_values > kMaxYamlValues) {
      throw TooManyValues{mark};
    }
  }

  long m_values = 0;
};

}  // namespace

bool prescanYaml(ReadContext& context, std::string_view text) {
  std::istringstream stream{std::string(text)};
  ValueCounter counter;
  try {
    YAML::Parser parser(stream);
    while (parser.HandleNextDocument(counter)) {
    }
    return true;
  } catch (const TooManyValues& tooMany) {
    context.error(context.position(tooMany.mark), "the scenario is too large to read: more than " +
                                                      std::to_string(kMaxYamlValues) +
                                                      " YAML values");
  } catch (const YAML::ParserException& e) {
    reportSyntaxError(context, text, e);
  } catch (const std::exception& e) {
    context.error({1, 1}, std::string("could not read the YAML: ") + e.what());
  }
  return false;
}

}  // namespace eventscope::core::detail
