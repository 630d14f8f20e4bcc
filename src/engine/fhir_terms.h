// The addresses and codes Radiculo's FHIR resources use: where Radiculo's own artefacts live (a
// build setting), the standard terminologies its items and answers are coded in, and the
// extensions form fillers read. docs/fhir-terminology.md lists every code with its source.
#pragma once

#include <array>
#include <string>
#include <string_view>

namespace radiculo::fhir {

// The canonical base of Radiculo's Questionnaires and CodeSystems: a build setting (CMake
// RADICULO_FHIR_BASE; README, "FHIR"), so a deployment names its real address once instead of a
// placeholder in every file it saves.
inline constexpr std::string_view kCanonicalBase = RADICULO_FHIR_BASE;
// The placeholder base every file saved by Radiculo 2.0.0 carries (.invalid never resolves,
// RFC 2606). Always read, whatever the build's base, so those files stay readable.
inline constexpr std::string_view kPlaceholderBase = "https://radiculo.invalid/fhir";

// The Questionnaire Radiculo 2.0.0 wrote and its responses name: one resource for every language
// and wording, answers in Radiculo's own answer codes, durations as plain weeks.
inline constexpr std::string_view kSavedQuestionnaireUrl = "https://radiculo.invalid/fhir/Questionnaire/radiculo-assessment";
inline constexpr std::string_view kSavedQuestionnaireVersion = "2.0.0";

// Radiculo's own code systems, by name: <base>/CodeSystem/<name> (fhir_code_systems.cpp).
inline constexpr std::string_view kAnswerSystemName = "answer";  // the 2.0.0 yes / no / not-sure
inline constexpr std::string_view kLevelSystemName = "herniation-level";
inline constexpr std::string_view kFindingSystemName = "assessed-finding";
inline constexpr std::string_view kTriageSystemName = "triage";
inline constexpr std::string_view kKindSystemName = "line-kind";
inline constexpr std::string_view kRecommendationSystemName = "recommendation";

inline std::string codeSystemUrl(std::string_view base, std::string_view name) {
  return std::string(base) + "/CodeSystem/" + std::string(name);
}
inline std::string codeSystemUrl(std::string_view name) { return codeSystemUrl(kCanonicalBase, name); }
// A coding's system is Radiculo's `name` under the build's base or the placeholder.
inline bool isRadiculoSystem(std::string_view system, std::string_view name) {
  return system == codeSystemUrl(kCanonicalBase, name) || system == codeSystemUrl(kPlaceholderBase, name);
}

// Standard terminologies.
inline constexpr std::string_view kLoinc = "http://loinc.org";
inline constexpr std::string_view kDataAbsentReason = "http://terminology.hl7.org/CodeSystem/data-absent-reason";
inline constexpr std::string_view kUcum = "http://unitsofmeasure.org";

// A coded answer: its system, code and the display the system gives it.
struct StandardCode {
  std::string_view system;
  std::string_view code;
  std::string_view display;
};
// The red-flag answers. Yes and No: LOINC answers (the AHRQ Yes/No answer list LL2828-3, used by
// HL7's SDC examples). "Not sure": data-absent-reason "asked-unknown", "the source was asked but
// does not know the value", which keeps the person's "not sure" apart from a question never asked
// (that one is written as no answer at all).
inline constexpr StandardCode kYes{kLoinc, "LA33-6", "Yes"};
inline constexpr StandardCode kNo{kLoinc, "LA32-8", "No"};
inline constexpr StandardCode kNotSure{kDataAbsentReason, "asked-unknown", "Asked But Unknown"};
// Item codes where LOINC has the very question: age, and pain on the 0-10 numeric rating scale.
inline constexpr StandardCode kAgeItem{kLoinc, "30525-0", "Age"};
inline constexpr StandardCode kPainItem{kLoinc, "72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported"};
// LOINC's terms of use ask every copy of its codes to carry this notice (as HL7's SDC examples do), in
// its own words; the Questionnaire's copyright ends with it.
inline constexpr std::string_view kLoincNotice =
    "This content from LOINC\u00ae is copyright \u00a9 1995 Regenstrief Institute, Inc. and the LOINC Committee, "
    "and available at no cost under the license at http://loinc.org/terms-of-use.";
// UCUM units: durations are asked in days or weeks, age in years.
inline constexpr StandardCode kDays{kUcum, "d", "days"};
inline constexpr StandardCode kWeeks{kUcum, "wk", "weeks"};
inline constexpr StandardCode kYears{kUcum, "a", "years"};
inline constexpr int kDaysPerWeek = 7;

// The 2.0.0 answer codes (Radiculo's answer system).
inline constexpr std::array<std::string_view, 3> kSavedAnswerCodes{"yes", "no", "not-sure"};

// Extensions.
inline constexpr std::string_view kTranslation = "http://hl7.org/fhir/StructureDefinition/translation";
inline constexpr std::string_view kItemControl = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl";
inline constexpr std::string_view kItemControlSystem = "http://hl7.org/fhir/questionnaire-item-control";
inline constexpr std::string_view kUnitExtension = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit";
inline constexpr std::string_view kUnitOption = "http://hl7.org/fhir/StructureDefinition/questionnaire-unitOption";
inline constexpr std::string_view kMinValue = "http://hl7.org/fhir/StructureDefinition/minValue";
inline constexpr std::string_view kMaxValue = "http://hl7.org/fhir/StructureDefinition/maxValue";
inline constexpr std::string_view kMinQuantity = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-minQuantity";
inline constexpr std::string_view kMaxQuantity = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-maxQuantity";
inline std::string audienceExtensionUrl(std::string_view base) { return std::string(base) + "/StructureDefinition/audience"; }
inline bool isAudienceExtension(std::string_view url) {
  return url == audienceExtensionUrl(kCanonicalBase) || url == audienceExtensionUrl(kPlaceholderBase);
}

}  // namespace radiculo::fhir
