// Turns the assessment JSON text into an Assessment, or into every problem with it at once.
// Never throws for bad input; the field of each error is a JSON Pointer ("" = the whole text).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "assessment.h"
#include "error_codes.h"

namespace radiculo {

// One problem: where (a JSON Pointer, e.g. "/redFlags/fevr"), what (a stable code) and the values
// its message is worded with (error_codes.h); the engine words it in the person's language.
struct FieldError {
  std::string field;
  ErrorCode code;
  std::vector<std::pair<std::string, std::string>> params = {};
};

struct ParseResult {
  std::optional<Assessment> assessment;  // set exactly when errors is empty
  std::vector<FieldError> errors;
  // The language and audience the input asks for, when it names valid ones (else the defaults):
  // its errors are worded in them.
  std::string language = std::string(kDefaultLanguage);
  Audience audience = kDefaultAudience;
};

// `languages` are the languages the content has; anything else is an unknown enum value.
ParseResult parseAssessment(std::string_view text, const std::vector<std::string>& languages);

// "~" and "/" escaped as RFC 6901 requires.
std::string pointerToken(std::string_view key);

}  // namespace radiculo
