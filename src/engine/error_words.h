// Errors as the output shows them: {"field", "code", "params", "message"}, the message worded in
// the language and audience the input asked for (English when it named none, or none it could
// read). Each message is a template of content/lang/<code>.json "errors"; a parameter that names a
// question ("symptomWeeks") is also offered as {<name>Label}, the question's short name.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "assessment_parser.h"
#include "content.h"

namespace radiculo {

nlohmann::json errorsJson(const std::vector<FieldError>& errors, const Content& content, const std::string& language,
                          std::string_view audience);

// The message of one error (the same words as errorsJson's).
std::string errorMessage(const FieldError& error, const Content& content, const std::string& language,
                         std::string_view audience);

// The message as an English-speaking integrator reads it (the embedded content, clinician words).
inline std::string englishMessage(const FieldError& error) {
  return errorMessage(error, content(), kDefaultLanguage, audienceId(kDefaultAudience));
}

}  // namespace radiculo
