// The input contract as one table: every top-level field, the Assessment member it is read into,
// its type (deduced from that member), its range and its description. The parser reads each key
// through its row, `radiculo schema` prints the table as JSON Schema, the content self-check and
// contentJson() (`inputFields`) list its questions from it. A row is made only by field<member>()
// (InputField's constructor is private), so a row without its reader cannot be written.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "assessment.h"

namespace radiculo {

enum class FieldType {
  boolean,
  integer,     // whole number: 7 and 7.0 are whole, 7.5 is not
  number,      // any finite number
  audience,    // one of kAudienceIds
  language,    // a language the content has
  redFlags,    // object of the red-flag keys, each true, false or null
  herniation,  // {"contained": boolean, "level": one of kHerniationLevels}
  assessedFindings,  // array of distinct priority findings a clinician has assessed
};

// The public name of a type ("boolean", "redFlags"), as contentJson() lists it.
std::string_view fieldTypeName(FieldType type);

// The type a member's C++ type is read as. Any other member type has no reader: a compile error.
template <typename Member> struct FieldTypeOf;
template <> struct FieldTypeOf<bool> { static constexpr FieldType value = FieldType::boolean; };
template <> struct FieldTypeOf<std::optional<int>> { static constexpr FieldType value = FieldType::integer; };
template <> struct FieldTypeOf<std::optional<double>> { static constexpr FieldType value = FieldType::number; };
template <> struct FieldTypeOf<double> { static constexpr FieldType value = FieldType::number; };
template <> struct FieldTypeOf<Audience> { static constexpr FieldType value = FieldType::audience; };
template <> struct FieldTypeOf<std::string> { static constexpr FieldType value = FieldType::language; };
template <> struct FieldTypeOf<std::array<Answer, kRedFlagCount>> { static constexpr FieldType value = FieldType::redFlags; };
template <> struct FieldTypeOf<std::optional<Herniation>> { static constexpr FieldType value = FieldType::herniation; };
template <> struct FieldTypeOf<AssessedFindings> { static constexpr FieldType value = FieldType::assessedFindings; };

// One value being read: the field, its JSON pointer, the content's languages and the error list
// (defined by the parser, assessment_parser.cpp).
struct FieldInput;

struct InputField;
using FieldReader = void (*)(FieldInput& input, const nlohmann::json& value, Assessment& out);

// The only way to write a row (defined below): the member decides the type and the reader.
template <auto member>
constexpr InputField field(const char* name, const char* description, double minimum = 0, double maximum = 0);

struct InputField {
  const char* name;
  FieldType type;
  double minimum;  // used by integer and number
  double maximum;
  const char* description;
  // Reads the JSON value into its member of the Assessment, or reports why it cannot.
  FieldReader read;

 private:
  // Private, and no default: a row written by hand ({"name", FieldType::boolean, ...}) or an
  // array slot left empty does not compile.
  constexpr InputField(const char* name_, FieldType type_, double minimum_, double maximum_, const char* description_,
                       FieldReader read_)
      : name(name_), type(type_), minimum(minimum_), maximum(maximum_), description(description_), read(read_) {}
  template <auto member>
  friend constexpr InputField field(const char* name, const char* description, double minimum, double maximum);
};

// The readers of one JSON value of each type, with their errors (assessment_parser.cpp).
std::optional<bool> readBoolean(FieldInput& input, const nlohmann::json& value);
std::optional<double> readNumber(FieldInput& input, const nlohmann::json& value);  // in the field's range
std::optional<Audience> readAudience(FieldInput& input, const nlohmann::json& value);
std::optional<std::string> readLanguage(FieldInput& input, const nlohmann::json& value);
void readRedFlags(FieldInput& input, const nlohmann::json& value, std::array<Answer, kRedFlagCount>& out);
std::optional<Herniation> readHerniation(FieldInput& input, const nlohmann::json& value);
void readAssessedFindings(FieldInput& input, const nlohmann::json& value, AssessedFindings& out);

template <typename T> struct MemberOf;
template <typename T> struct MemberOf<T Assessment::*> { using type = T; };

// The row's reader: the reader of the member's type, storing into the member.
template <auto member>
void readInto(FieldInput& input, const nlohmann::json& value, Assessment& out) {
  using Member = typename MemberOf<decltype(member)>::type;
  constexpr FieldType type = FieldTypeOf<Member>::value;
  if constexpr (type == FieldType::boolean) {
    if (const auto read = readBoolean(input, value)) out.*member = *read;
  } else if constexpr (type == FieldType::integer) {
    if (const auto read = readNumber(input, value)) out.*member = static_cast<int>(*read);
  } else if constexpr (type == FieldType::number) {
    if (const auto read = readNumber(input, value)) out.*member = *read;
  } else if constexpr (type == FieldType::audience) {
    if (const auto read = readAudience(input, value)) out.*member = *read;
  } else if constexpr (type == FieldType::language) {
    if (auto read = readLanguage(input, value)) out.*member = std::move(*read);
  } else if constexpr (type == FieldType::redFlags) {
    readRedFlags(input, value, out.*member);
  } else if constexpr (type == FieldType::herniation) {
    if (const auto read = readHerniation(input, value)) out.*member = *read;
  } else {
    static_assert(type == FieldType::assessedFindings);
    readAssessedFindings(input, value, out.*member);
  }
}

template <auto member>
constexpr InputField field(const char* name, const char* description, double minimum, double maximum) {
  using Member = typename MemberOf<decltype(member)>::type;
  return InputField(name, FieldTypeOf<Member>::value, minimum, maximum, description, &readInto<member>);
}

inline constexpr double kMaxWeeks = 520;  // ten years: longer is a typing error, not an episode

inline constexpr std::array<InputField, 14> kInputFields{{
    field<&Assessment::audience>("audience", "Wording of the plan: \"clinician\" (default) or \"patient\"."),
    field<&Assessment::language>("language", "Language of the plan; default \"en\"."),
    field<&Assessment::ageYears>("ageYears", "Age in whole years; needed for a plan (while it is missing the plan is incomplete and `unanswered` names ageYears). Under 18 is outside this aid's scope; 60 or over is a priority finding.", 0, 120),
    field<&Assessment::priorLumbarSurgery>("priorLumbarSurgery", "Earlier surgery on the lower back (outside this aid's scope); default false."),
    field<&Assessment::symptomWeeks>("symptomWeeks", "Duration of this episode in weeks. Needed for the routine plans (priority, incomplete, reassess, conservative); a plan the red-flag answers or the scope decide (emergency, check-now, out-of-scope, urgent) is made without it.", 0, kMaxWeeks),
    field<&Assessment::painScore>("painScore", "Pain on the 0-10 numeric rating scale; 7 or more is severe. Needed for the routine plans (priority, incomplete, reassess, conservative); a plan the red-flag answers or the scope decide (emergency, check-now, out-of-scope, urgent) is made without it.", 0, 10),
    field<&Assessment::muscleSpasm>("muscleSpasm", "Muscle spasm with the pain; default false."),
    field<&Assessment::redFlags>("redFlags", "The red flags, one key each: true, false, or null/missing = not yet answered. No object = all unanswered."),
    field<&Assessment::conservativeCareWeeks>("conservativeCareWeeks", "Weeks of conservative care so far; default 0; never more than symptomWeeks.", 0, kMaxWeeks),
    field<&Assessment::improving>("improving", "Improving on that care; default false."),
    field<&Assessment::procedureCandidate>("procedureCandidate", "A potential candidate for surgery or an epidural steroid injection, and willing; default false."),
    field<&Assessment::priorMri>("priorMri", "An MRI exists from an earlier episode; default false."),
    field<&Assessment::herniation>("herniation", "Disc herniation known from imaging: whether it is contained, and its level."),
    field<&Assessment::assessedFindings>("assessedFindings", "Clinicians only (an error in a patient-audience assessment): the priority findings (red flags of the within-2-weeks tier answered true, or \"olderAge\" at 60 or over) a clinician has assessed, with examination and imaging as needed, and found no serious cause for. Each at most once. Default none."),
}};

// The two parts of `herniation`, with the question key each is asked by (content/lang questions).
struct HerniationPart {
  const char* name;
  const char* question;
};
inline constexpr std::array<HerniationPart, 2> kHerniationParts{{{"contained", "herniationContained"},
                                                                   {"level", "herniationLevel"}}};

// The questions (content/lang/<code>.json `questions`) that ask for a field: none for the audience
// and the language, every red flag's key for redFlags, the two parts of herniation, otherwise the
// field's own name. The content self-check and contentJson() list the questions from here.
std::vector<std::string> questionKeys(const InputField& field);

}  // namespace radiculo
