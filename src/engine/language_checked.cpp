// The policy of the native engine and the WebAssembly records module (language_acceptance.h): a
// language is used only if the content with it passes the whole self-check.
#include "content_check.h"
#include "language_acceptance.h"

namespace radiculo {

std::vector<std::string> languageProblems(const Content& candidate, const std::string&, std::string_view) {
  return checkContent(candidate);
}

}  // namespace radiculo
