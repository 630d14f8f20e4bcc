// The input contract as one table: every top-level field, its type and its range. The parser
// checks input against it and `radiculo schema` prints it as JSON Schema, so the two can never
// disagree about a name or a bound.
#pragma once

#include <array>
#include <cstddef>

namespace radiculo {

enum class FieldType {
  boolean,
  integer,     // whole number: 7 and 7.0 are whole, 7.5 is not
  number,      // any finite number
  audience,    // "clinician" | "patient"
  language,    // a language the content has
  redFlags,    // object of the 12 red-flag keys, each true, false or null
  herniation,  // {"contained": boolean, "level": one of kHerniationLevels}
  assessedFindings,  // array of distinct priority findings a clinician has assessed
};

struct InputField {
  const char* name;
  FieldType type;
  double minimum;  // used by integer and number
  double maximum;
  const char* description;
};

inline constexpr double kMaxWeeks = 520;  // ten years: longer is a typing error, not an episode

inline constexpr std::array<InputField, 14> kInputFields{{
    {"audience", FieldType::audience, 0, 0, "Wording of the plan: \"clinician\" (default) or \"patient\"."},
    {"language", FieldType::language, 0, 0, "Language of the plan; default \"en\"."},
    {"ageYears", FieldType::integer, 0, 120, "Age in whole years; needed for a plan (while it is missing the plan is incomplete and `unanswered` names ageYears). Under 18 is outside this aid's scope; 60 or over is a priority finding."},
    {"priorLumbarSurgery", FieldType::boolean, 0, 0, "Earlier surgery on the lower back (outside this aid's scope); default false."},
    {"symptomWeeks", FieldType::number, 0, kMaxWeeks, "Duration of this episode in weeks. Required unless a red flag is true."},
    {"painScore", FieldType::integer, 0, 10, "Pain on the 0-10 numeric rating scale; 7 or more is severe. Required unless a red flag is true."},
    {"muscleSpasm", FieldType::boolean, 0, 0, "Muscle spasm with the pain; default false."},
    {"redFlags", FieldType::redFlags, 0, 0, "The 16 red flags: true, false, or null/missing = not yet answered. No object = all unanswered."},
    {"conservativeCareWeeks", FieldType::number, 0, kMaxWeeks, "Weeks of conservative care so far; default 0; never more than symptomWeeks."},
    {"improving", FieldType::boolean, 0, 0, "Improving on that care; default false."},
    {"procedureCandidate", FieldType::boolean, 0, 0, "A potential candidate for surgery or an epidural steroid injection, and willing; default false."},
    {"priorMri", FieldType::boolean, 0, 0, "An MRI exists from an earlier episode; default false."},
    {"herniation", FieldType::herniation, 0, 0, "Disc herniation known from imaging: whether it is contained, and its level."},
    {"assessedFindings", FieldType::assessedFindings, 0, 0, "Clinicians only: the priority findings (red flags of the within-2-weeks tier answered true, or \"olderAge\" at 60 or over) a clinician has assessed, with examination and imaging as needed, and found no serious cause for. Each at most once. Default none."},
}};

inline constexpr std::array<const char*, 5> kHerniationLevels{"L1-L2", "L2-L3", "L3-L4", "L4-L5", "L5-S1"};

// The deepest nesting the contract needs: the top object (depth 0) holds `redFlags`,
// `herniation` and `assessedFindings` (depth 1), whose members are plain values. Anything deeper is rejected.
inline constexpr int kMaxContainerDepth = 1;
inline constexpr std::size_t kMaxInputBytes = 64 * 1024;

}  // namespace radiculo
