// The policy of the WebAssembly plan module (language_acceptance.h): a language file is used only
// if it is byte for byte the file this build made from content/. Its fingerprint (64-bit FNV-1a of
// the file's bytes) is compiled in (language_digests.h, written by tools/content-files.mjs). Not a
// defence against an attacker, who could replace the module as easily as the file: it refuses a
// stale copy, a file of another build or a hand edit, none of which the self-check has passed.
#include <cstdint>

#include "assessment.h"
#include "language_acceptance.h"
#include "language_digests.h"

namespace radiculo {

namespace {

std::uint64_t fnv1a64(std::string_view bytes) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char byte : bytes) {
    hash ^= static_cast<unsigned char>(byte);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

}  // namespace

std::vector<std::string> languageProblems(const Content& current, const std::string& code, const nlohmann::json&,
                                          const nlohmann::json&, std::string_view fileText) {
  // As the self-check asks: every error the engine gives needs its default language's words.
  if (code != kDefaultLanguage && current.languages.count(kDefaultLanguage) == 0)
    return {std::string("no words for the default language ") + kDefaultLanguage};
  for (std::size_t i = 0; i < embedded::kLanguageDigestCount; ++i)
    if (const embedded::LanguageDigest& digest = embedded::kLanguageDigests[i]; code == digest.code) {
      if (fnv1a64(fileText) == digest.fnv1a64) return {};
      return {"content-" + code + ".json is not the file this engine was built with"};
    }
  return {"\"" + code + "\" has no data file in this build"};
}

}  // namespace radiculo
