// Whether a language file handed to the engine at run time (addLanguage, content.h) may be used.
// Two policies, one per build, chosen by which source file a target links (CMakeLists.txt):
// - language_checked.cpp (the native engine, the WebAssembly records module): the whole content
//   self-check (content_check.h) with the language added;
// - language_digest.cpp (the WebAssembly plan module, which the page loads at start): the file must
//   be byte for byte one this build made from content/ (tools/content-files.mjs), whose words the
//   build checked with the records module (build-wasm.sh) and the tests check natively. A page then
//   starts without running the self-check, and its module does not carry it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "content.h"

namespace radiculo {

// Empty when language `code` (its `words` and `labels`, read from `fileText`) may be added to
// `current`; else what is wrong, for the caller to refuse the language.
std::vector<std::string> languageProblems(const Content& current, const std::string& code, const nlohmann::json& words,
                                          const nlohmann::json& labels, std::string_view fileText);

}  // namespace radiculo
