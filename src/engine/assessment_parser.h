// Turns the assessment JSON text into an Assessment, or into every problem with it at once.
// Never throws for bad input; the field of each error is a JSON Pointer ("" = the whole text).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "assessment.h"
#include "error_codes.h"

namespace radiculo {

struct ParseResult {
  std::optional<Assessment> assessment;  // set exactly when errors is empty
  // The object the assessment was read from, as read (set with `assessment`): what the plan's
  // answers and the FHIR response are made from, so no entry point reads the text twice.
  nlohmann::json object;
  std::vector<FieldError> errors;
  // The language and audience the input asks for, when it names valid ones (else the defaults):
  // its errors are worded in them.
  std::string language = std::string(kDefaultLanguage);
  Audience audience = kDefaultAudience;
};

// `languages` are the languages the content has; anything else is an unknown enum value.
ParseResult parseAssessment(std::string_view text, const std::vector<std::string>& languages);

}  // namespace radiculo
