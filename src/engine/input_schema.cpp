#include "input_schema.h"

#include "assessment.h"
#include "input_fields.h"
#include "version.h"

namespace radiculo {

using nlohmann::json;

namespace {

json schemaOf(const InputField& field, const std::vector<std::string>& languages) {
  json schema;
  switch (field.type) {
    case FieldType::boolean:
      schema = {{"type", "boolean"}};
      break;
    case FieldType::integer:  // JSON Schema's integer also accepts 7.0, as the engine does
    case FieldType::number:
      schema = {{"type", field.type == FieldType::integer ? "integer" : "number"},
                {"minimum", field.minimum},
                {"maximum", field.maximum}};
      break;
    case FieldType::audience:
      schema = {{"enum", {"clinician", "patient"}}, {"default", "clinician"}};
      break;
    case FieldType::language:
      schema = {{"enum", languages}, {"default", "en"}};
      break;
    case FieldType::redFlags: {
      json flags = json::object();
      for (const RedFlagInfo& flag : kRedFlags) flags[flag.key] = {{"type", {"boolean", "null"}}};
      schema = {{"type", "object"}, {"additionalProperties", false}, {"properties", flags}};
      break;
    }
    case FieldType::herniation:
      schema = {{"type", "object"},
                {"additionalProperties", false},
                {"required", {"contained", "level"}},
                {"properties", {{"contained", {{"type", "boolean"}}}, {"level", {{"enum", kHerniationLevels}}}}}};
      break;
  }
  schema["description"] = field.description;
  return schema;
}

}  // namespace

json inputSchema(const std::vector<std::string>& languages) {
  json properties = json::object();
  for (const InputField& field : kInputFields) properties[field.name] = schemaOf(field, languages);

  // symptomWeeks and painScore are required unless at least one red flag is true.
  json anyFlagTrue = json::array();
  for (const RedFlagInfo& flag : kRedFlags)
    anyFlagTrue.push_back({{"required", {flag.key}}, {"properties", {{flag.key, {{"const", true}}}}}});

  return {
      {"$schema", "https://json-schema.org/draft/2020-12/schema"},
      {"$id", "https://radiculo.invalid/schema/assessment-" + std::string(kEngineVersion) + ".json"},
      {"title", "Radiculo assessment"},
      {"description",
       "One person's answers for Radiculo's initial-management plan for lumbosacral radiculopathy. Not expressible "
       "here and checked by the engine: conservativeCareWeeks <= symptomWeeks, no key given twice, at most 64 KiB."},
      {"type", "object"},
      {"additionalProperties", false},
      {"properties", properties},
      {"anyOf",
       {{{"required", {"symptomWeeks", "painScore"}}},
        {{"required", {"redFlags"}}, {"properties", {{"redFlags", {{"anyOf", anyFlagTrue}}}}}}}},
  };
}

}  // namespace radiculo
