// The policy of the native engine and the WebAssembly records module (language_acceptance.h): a
// language is used only if the content with it passes the whole self-check.
#include "content_check.h"
#include "language_acceptance.h"

namespace radiculo {

std::vector<std::string> languageProblems(const Content& current, const std::string& code, const nlohmann::json& words,
                                          const nlohmann::json& labels, std::string_view) {
  Content candidate = current;
  candidate.languages[code] = words;
  candidate.interfaces[code] = labels;
  return checkContent(candidate);
}

}  // namespace radiculo
