// `evaluate` takes a QuestionnaireResponse (response_input.h): the native engine, the CLI and the
// WebAssembly records module.
#include "response_input.h"

namespace radiculo {

std::optional<std::string> responseAnswer(std::string_view text) { return planOfResponse(text); }

}  // namespace radiculo
