// The assessment's JSON text -> one JSON object, read strictly enough for a safety tool and at a
// cost bounded by the text's size. Beyond JSON's own grammar:
//   - no text longer than kMaxInputBytes is read at all;
//   - only JSON whitespace may follow the object, and a NUL byte is an error wherever it is;
//   - no container may be nested deeper than kMaxContainerDepth: reading stops at the first one;
//   - no key may be given twice in one object;
//   - every number must be read exactly from its literal (number_literal.h): 6.9999999999999999
//     is an error, not 7.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "error_list.h"
#include "input_limits.h"

namespace radiculo {

// Returns true when `object` holds the whole object: the problems found on the way (repeated keys,
// inexact numbers) are in `errors`, and the object is still there so its fields can be checked
// too (a repeated key holds its last value). Returns false when the text cannot be read as one
// object at all (not JSON, a NUL byte, not an object, nested too deep): `errors` says why, and
// `object` must not be used.
// `maxDepth` is the deepest container allowed (the top object is 0): the assessment's
// kMaxContainerDepth by default; a FHIR QuestionnaireResponse nests deeper (fhir.h).
bool readJsonObject(std::string_view text, nlohmann::json& object, ErrorList& errors,
                    int maxDepth = kMaxContainerDepth);

// A key as one token of a JSON Pointer: "~" and "/" escaped as RFC 6901 requires.
std::string pointerToken(std::string_view key);

}  // namespace radiculo
