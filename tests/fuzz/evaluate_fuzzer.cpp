// libFuzzer target on the JSON-in / JSON-out entry, evaluateJson. Built with clang-14
// and -fsanitize=fuzzer,address,undefined (CMake option RADICULO_FUZZ, scripts/fuzz.sh), seeded
// with the inputs of tests/vectors/. Beyond "no crash, no sanitizer report", every input must give:
//   - valid JSON, an object with a boolean `ok`;
//   - ok:false: only `ok` and `errors`, at least one error, each with a JSON-pointer string
//     `field` and a message;
//   - ok:true: a plan that satisfies the safety invariants (tests/engine/plan_invariants.h) for
//     the assessment the parser read; the same bytes when evaluated again; the same triage and
//     ids in the other audience's wording.
// A broken property aborts with the input and the reason, so libFuzzer saves the reproducer.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "assessment_parser.h"
#include "content.h"
#include "engine.h"
#include "evaluate.h"
#include "plan_invariants.h"

namespace {

using nlohmann::json;

[[noreturn]] void broken(const std::string& what, std::string_view input, const std::string& output) {
  std::fprintf(stderr, "\n*** property broken: %s\n*** input (%zu bytes): %.*s\n*** output: %.*s\n", what.c_str(),
               input.size(), static_cast<int>(std::min<std::size_t>(input.size(), 2000)), input.data(),
               static_cast<int>(std::min<std::size_t>(output.size(), 2000)), output.data());
  std::abort();
}

std::vector<std::string> ids(const json& plan) {
  std::vector<std::string> out;
  for (const json& line : plan.at("recommendations")) out.push_back(line.at("id").get<std::string>());
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::string output = radiculo::evaluateJson(input);

  json answer;
  try {
    answer = json::parse(output);
  } catch (const std::exception& e) {
    broken(std::string("output is not valid JSON: ") + e.what(), input, output);
  }
  if (!answer.is_object() || !answer.contains("ok") || !answer.at("ok").is_boolean())
    broken("output has no boolean ok", input, output);

  if (!answer.at("ok").get<bool>()) {
    for (const std::string& what : radiculo::test::errorViolations(answer)) broken(what, input, output);
    return 0;
  }

  // ok:true: the parser must have read an assessment, and the plan must keep every promise for it.
  const radiculo::ParseResult parsed = radiculo::parseAssessment(input, radiculo::content().languageCodes());
  if (!parsed.assessment) broken("ok:true for an input the parser rejects", input, output);
  for (const std::string& what : radiculo::test::planViolations(*parsed.assessment, answer)) broken(what, input, output);

  if (radiculo::evaluateJson(input) != output) broken("the same input gave different bytes", input, output);

  // Any text the engine accepts, nlohmann's own parser accepts too.
  if (json::parse(input, nullptr, false).is_discarded()) broken("ok:true for text nlohmann cannot read", input, output);

  // The other audience: same triage, same ids, other words. Built from the assessment the parser
  // read rather than from re-serialised text: nlohmann's dump does not always write a number in
  // its shortest form, and the engine reads no other (number_literal.h).
  radiculo::Assessment other = *parsed.assessment;
  other.audience = other.audience == radiculo::Audience::patient ? radiculo::Audience::clinician : radiculo::Audience::patient;
  const json second = radiculo::evaluateAssessment(other, radiculo::content());
  const std::string otherOutput = second.dump(-1, ' ', false, json::error_handler_t::replace);
  if (second.value("ok", false) != true) broken("the other audience is not ok", input, otherOutput);
  if (second.at("triage") != answer.at("triage") || ids(second) != ids(answer))
    broken("the other audience gives another triage or other lines", input, otherOutput);
  return 0;
}
