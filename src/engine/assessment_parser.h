// Turns the assessment JSON text into an Assessment, or into every problem with it at once.
// Never throws for bad input; the field of each error is a JSON Pointer ("" = the whole text).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assessment.h"

namespace radiculo {

struct FieldError {
  std::string field;  // JSON Pointer, e.g. "/redFlags/fevr"
  std::string message;
};

struct ParseResult {
  std::optional<Assessment> assessment;  // set exactly when errors is empty
  std::vector<FieldError> errors;
};

// `languages` are the languages the content has; anything else is an unknown enum value.
ParseResult parseAssessment(std::string_view text, const std::vector<std::string>& languages);

// "~" and "/" escaped as RFC 6901 requires.
std::string pointerToken(std::string_view key);

}  // namespace radiculo
