#include "input_schema.h"

#include "assessment.h"
#include "input_fields.h"
#include "pathway.h"
#include "version.h"

namespace radiculo {

using nlohmann::json;

// Fixed parts are written as JSON text: easier to read as JSON Schema, and much smaller in the
// WebAssembly module than nlohmann's initializer lists (measured: 17 KB of code before).
namespace {

json schemaOf(const InputField& field, const std::vector<std::string>& languages) {
  json schema;
  switch (field.type) {
    case FieldType::boolean:
      schema = json::parse(R"({"type": "boolean"})");
      break;
    case FieldType::integer:  // JSON Schema's integer also accepts 7.0, as the engine does
    case FieldType::number:
      schema["type"] = field.type == FieldType::integer ? "integer" : "number";
      schema["minimum"] = field.minimum;
      schema["maximum"] = field.maximum;
      break;
    case FieldType::audience:
      schema["enum"] = kAudienceIds;
      schema["default"] = audienceId(kDefaultAudience);
      break;
    case FieldType::language:
      schema["enum"] = languages;
      schema["default"] = kDefaultLanguage;
      break;
    case FieldType::redFlags:
      schema = json::parse(R"({"type": "object", "additionalProperties": false, "properties": {}})");
      for (const RedFlagInfo& flag : kRedFlags) schema["properties"][flag.key] = json::parse(R"({"type": ["boolean", "null"]})");
      break;
    case FieldType::herniation:
      schema = json::parse(R"({"type": "object", "additionalProperties": false})");
      for (const HerniationPart& part : kHerniationParts) schema["required"].push_back(part.name);
      schema["properties"][kHerniationParts[0].name]["type"] = "boolean";
      schema["properties"][kHerniationParts[1].name]["enum"] = kHerniationLevels;
      break;
    case FieldType::assessedFindings:
      schema = json::parse(R"({"type": "array", "uniqueItems": true, "items": {"enum": []}})");
      for (const RedFlagInfo& flag : kRedFlags)
        if (isAssessable(flag.flag)) schema["items"]["enum"].push_back(flag.key);
      schema["items"]["enum"].push_back(std::string(kOlderAgeFinding));
      break;
  }
  schema["description"] = field.description;
  return schema;
}

}  // namespace

std::string_view fieldTypeName(FieldType type) {
  switch (type) {
    case FieldType::boolean: return "boolean";
    case FieldType::integer: return "integer";
    case FieldType::number: return "number";
    case FieldType::audience: return "audience";
    case FieldType::language: return "language";
    case FieldType::redFlags: return "redFlags";
    case FieldType::herniation: return "herniation";
    case FieldType::assessedFindings: return "assessedFindings";
  }
  return "";
}

std::vector<std::string> questionKeys(const InputField& field) {
  switch (field.type) {
    case FieldType::audience:
    case FieldType::language:
      return {};
    case FieldType::redFlags: {
      std::vector<std::string> keys;
      for (const RedFlagInfo& flag : kRedFlags) keys.emplace_back(flag.key);
      return keys;
    }
    case FieldType::herniation: {
      std::vector<std::string> keys;
      for (const HerniationPart& part : kHerniationParts) keys.emplace_back(part.question);
      return keys;
    }
    default:
      return {field.name};
  }
}

json inputSchema(const std::vector<std::string>& languages) {
  json schema = json::parse(R"({
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Radiculo assessment",
    "description": "One person's answers for Radiculo's initial-management plan for lumbosacral radiculopathy. Not expressible here and checked by the engine: conservativeCareWeeks <= symptomWeeks, no key given twice, at most 64 KiB with only whitespace after the object, and every number written as the shortest decimal form of the double it becomes (any number of up to 15 significant digits is), so that no rounding can move it across a threshold.",
    "type": "object",
    "additionalProperties": false,
    "anyOf": [{"required": ["symptomWeeks", "painScore"]},
              {"required": ["ageYears"], "properties": {"ageYears": {}}},
              {"required": ["priorLumbarSurgery"], "properties": {"priorLumbarSurgery": {"const": true}}},
              {"not": {"required": ["redFlags"], "properties": {"redFlags": {"required": [], "properties": {}}}}}],
    "if": {"properties": {"audience": {"const": "patient"}}, "required": ["audience"]},
    "then": {"not": {"required": ["assessedFindings"]}}
  })");
  schema["$id"] = "https://radiculo.invalid/schema/assessment-" + std::string(kEngineVersion) + ".json";
  for (const InputField& field : kInputFields) schema["properties"][field.name] = schemaOf(field, languages);

  // An assessed finding must be there: its red flag true, or an age of 60 or over for olderAge.
  for (const RedFlagInfo& flag : kRedFlags) {
    if (!isAssessable(flag.flag)) continue;
    json rule = json::parse(R"({"if": {"required": ["assessedFindings"], "properties": {"assessedFindings": {"contains": {}}}},
                                "then": {"required": ["redFlags"], "properties": {"redFlags": {"required": []}}}})");
    rule["if"]["properties"]["assessedFindings"]["contains"]["const"] = flag.key;
    rule["then"]["properties"]["redFlags"]["required"].push_back(flag.key);
    rule["then"]["properties"]["redFlags"]["properties"][flag.key]["const"] = true;
    schema["allOf"].push_back(rule);
  }
  json olderAge = json::parse(R"({"if": {"required": ["assessedFindings"], "properties": {"assessedFindings": {"contains": {}}}},
                                  "then": {"required": ["ageYears"], "properties": {"ageYears": {}}}})");
  olderAge["if"]["properties"]["assessedFindings"]["contains"]["const"] = std::string(kOlderAgeFinding);
  olderAge["then"]["properties"]["ageYears"]["minimum"] = kOlderAge;
  schema["allOf"].push_back(olderAge);

  // symptomWeeks and painScore are needed only for the routine rungs (pathway.h usesDurationAndPain),
  // which are exactly the plans of an adult (or an age not given) without previous lumbar surgery
  // whose emergency-group and same-day red flags are all answered no: under 18, previous surgery,
  // or any of those flags yes or unanswered decides a faster plan.
  schema["anyOf"][1]["properties"]["ageYears"]["exclusiveMaximum"] = kAdultAge;
  json& allNo = schema["anyOf"][3]["not"]["properties"]["redFlags"];
  for (const RedFlagInfo& flag : kRedFlags) {
    if (urgencyOf(flag.flag) == Urgency::withinTwoWeeks) continue;
    allNo["required"].push_back(flag.key);
    allNo["properties"][flag.key]["const"] = false;
  }
  return schema;
}

}  // namespace radiculo
