// Every problem the engine can report about an input, by a stable code. An error carries its code,
// the JSON Pointer of the field and the values its message needs; the message itself is content,
// worded in the person's language (content/lang/*.json, "errors"), so that no surface glues an
// English sentence to a label in another language (issue 14). Integrators switch on the code.
#pragma once

#include <array>
#include <string_view>

namespace radiculo {

enum class ErrorCode {
  // The text
  tooLarge,         // {kib}
  invalidJson,      // {byte}, {detail}: the JSON reader's own English account of the fault
  nulByte,          // {byte}
  notObject,
  duplicateKey,
  tooDeep,
  tooManyDigits,
  tooCloseToZero,
  moreProblems,     // {count}, {max}
  internal,
  // The assessment's fields
  unknownField,
  notBoolean,
  notWholeNumber,   // {min}, {max}
  notNumber,        // {min}, {max}
  notAudience,
  notLanguage,      // {values}
  notRedFlagObject,
  unknownRedFlag,
  notRedFlagAnswer,
  notHerniationObject,
  notHerniationField,
  requiredWithHerniation,
  notHerniationLevel,  // {values}
  notFindingList,      // {values}
  listedTwice,
  requiredUnlessRedFlag,
  moreThanOther,       // {other}: the field it may not exceed
  findingNotYes,       // {finding}
  olderAgeUnder,       // {age}
  clinicianOnly,       // a clinician's field in a patient-audience assessment
  // A FHIR QuestionnaireResponse
  notQuestionnaireResponse,
  otherQuestionnaire,  // {url}
  notLanguageCode,
  notList,
  required,
  groupAnswered,
  unknownQuestion,     // {linkId}
  answeredTwice,       // {linkId}
  secondAnswer,
  notYesNoNotSure,
  needsBoolean,
  needsInteger,
  needsDecimal,
  needsCode,
  otherSystem,         // {system}
};

// The codes as they appear in the output and in the content's "errors" table, in enum order.
inline constexpr std::array<std::string_view, 45> kErrorCodes{
    "tooLarge", "invalidJson", "nulByte", "notObject", "duplicateKey", "tooDeep", "tooManyDigits",
    "tooCloseToZero", "moreProblems", "internal", "unknownField", "notBoolean", "notWholeNumber",
    "notNumber", "notAudience", "notLanguage", "notRedFlagObject", "unknownRedFlag", "notRedFlagAnswer",
    "notHerniationObject", "notHerniationField", "requiredWithHerniation", "notHerniationLevel",
    "notFindingList", "listedTwice", "requiredUnlessRedFlag", "moreThanOther", "findingNotYes",
    "olderAgeUnder", "clinicianOnly", "notQuestionnaireResponse", "otherQuestionnaire", "notLanguageCode", "notList",
    "required", "groupAnswered", "unknownQuestion", "answeredTwice", "secondAnswer", "notYesNoNotSure",
    "needsBoolean", "needsInteger", "needsDecimal", "needsCode", "otherSystem"};
static_assert(static_cast<std::size_t>(ErrorCode::otherSystem) + 1 == kErrorCodes.size(),
              "one name per error code, in enum order");

// The values an error's message may use: its parameters, and {<name>Label} for one that names a
// question or a finding (error_words.h).
inline constexpr std::array<const char*, 15> kErrorValues{
    "kib", "byte", "detail", "count", "max", "min", "values", "other", "otherLabel", "finding", "findingLabel",
    "age", "url", "linkId", "system"};

constexpr std::string_view errorCodeName(ErrorCode code) { return kErrorCodes[static_cast<std::size_t>(code)]; }

}  // namespace radiculo
