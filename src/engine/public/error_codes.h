// Every problem the engine can report about an input, by a stable code. An error carries its code,
// the JSON Pointer of the field and the values its message needs; the message itself is content,
// worded in the person's language (content/lang/*.json, "errors"), so that no surface glues an
// English sentence to a label in another language. Integrators switch on the code.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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
  // A field's value of the right type but outside its range; then more of a FHIR response
  outOfRange,          // {min}, {max}: the right type, outside the field's range
  notCompleted,        // {status}: a response that is neither completed, amended nor in progress
  otherItemSet,        // {version}: a response to a version of the questionnaire with other questions
  needsQuantity,
  otherUnit,           // {values}
  notExact,
  modifierExtension,
  notDateTime,
};

// Each code with its name, as it appears in the output and in the content's "errors" table, in
// enum order (checked below, like kTriages): a name set beside the wrong code does not compile.
struct ErrorCodeInfo {
  ErrorCode code;
  std::string_view name;
};
inline constexpr std::array<ErrorCodeInfo, 53> kErrorCodes{{
    {ErrorCode::tooLarge, "tooLarge"},
    {ErrorCode::invalidJson, "invalidJson"},
    {ErrorCode::nulByte, "nulByte"},
    {ErrorCode::notObject, "notObject"},
    {ErrorCode::duplicateKey, "duplicateKey"},
    {ErrorCode::tooDeep, "tooDeep"},
    {ErrorCode::tooManyDigits, "tooManyDigits"},
    {ErrorCode::tooCloseToZero, "tooCloseToZero"},
    {ErrorCode::moreProblems, "moreProblems"},
    {ErrorCode::internal, "internal"},
    {ErrorCode::unknownField, "unknownField"},
    {ErrorCode::notBoolean, "notBoolean"},
    {ErrorCode::notWholeNumber, "notWholeNumber"},
    {ErrorCode::notNumber, "notNumber"},
    {ErrorCode::notAudience, "notAudience"},
    {ErrorCode::notLanguage, "notLanguage"},
    {ErrorCode::notRedFlagObject, "notRedFlagObject"},
    {ErrorCode::unknownRedFlag, "unknownRedFlag"},
    {ErrorCode::notRedFlagAnswer, "notRedFlagAnswer"},
    {ErrorCode::notHerniationObject, "notHerniationObject"},
    {ErrorCode::notHerniationField, "notHerniationField"},
    {ErrorCode::requiredWithHerniation, "requiredWithHerniation"},
    {ErrorCode::notHerniationLevel, "notHerniationLevel"},
    {ErrorCode::notFindingList, "notFindingList"},
    {ErrorCode::listedTwice, "listedTwice"},
    {ErrorCode::requiredUnlessRedFlag, "requiredUnlessRedFlag"},
    {ErrorCode::moreThanOther, "moreThanOther"},
    {ErrorCode::findingNotYes, "findingNotYes"},
    {ErrorCode::olderAgeUnder, "olderAgeUnder"},
    {ErrorCode::clinicianOnly, "clinicianOnly"},
    {ErrorCode::notQuestionnaireResponse, "notQuestionnaireResponse"},
    {ErrorCode::otherQuestionnaire, "otherQuestionnaire"},
    {ErrorCode::notLanguageCode, "notLanguageCode"},
    {ErrorCode::notList, "notList"},
    {ErrorCode::required, "required"},
    {ErrorCode::groupAnswered, "groupAnswered"},
    {ErrorCode::unknownQuestion, "unknownQuestion"},
    {ErrorCode::answeredTwice, "answeredTwice"},
    {ErrorCode::secondAnswer, "secondAnswer"},
    {ErrorCode::notYesNoNotSure, "notYesNoNotSure"},
    {ErrorCode::needsBoolean, "needsBoolean"},
    {ErrorCode::needsInteger, "needsInteger"},
    {ErrorCode::needsDecimal, "needsDecimal"},
    {ErrorCode::needsCode, "needsCode"},
    {ErrorCode::otherSystem, "otherSystem"},
    {ErrorCode::outOfRange, "outOfRange"},
    {ErrorCode::notCompleted, "notCompleted"},
    {ErrorCode::otherItemSet, "otherItemSet"},
    {ErrorCode::needsQuantity, "needsQuantity"},
    {ErrorCode::otherUnit, "otherUnit"},
    {ErrorCode::notExact, "notExact"},
    {ErrorCode::modifierExtension, "modifierExtension"},
    {ErrorCode::notDateTime, "notDateTime"},
}};

constexpr bool errorCodesInEnumOrder() {
  for (std::size_t i = 0; i < kErrorCodes.size(); ++i)
    if (static_cast<std::size_t>(kErrorCodes[i].code) != i) return false;
  return static_cast<std::size_t>(ErrorCode::notDateTime) + 1 == kErrorCodes.size();
}
static_assert(errorCodesInEnumOrder(), "kErrorCodes lists every error code once, in the enum's order");

// The values an error's message may use: its parameters, and {<name>Label} for one that names a
// question or a finding (error_words.h).
inline constexpr std::array<const char*, 17> kErrorValues{
    "kib", "byte", "detail", "count", "max", "min", "values", "other", "otherLabel", "finding", "findingLabel",
    "age", "url", "linkId", "system", "status", "version"};

constexpr std::string_view errorCodeName(ErrorCode code) { return kErrorCodes[static_cast<std::size_t>(code)].name; }

// One problem: where (a JSON Pointer, e.g. "/redFlags/fevr"), what (a stable code) and the values
// its message is worded with (kErrorValues); the engine words it in the person's language.
struct FieldError {
  std::string field;
  ErrorCode code;
  std::vector<std::pair<std::string, std::string>> params = {};
};

}  // namespace radiculo
