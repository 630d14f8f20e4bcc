// The fingerprint of each language file the WebAssembly build made (web/engine/content-<code>.json),
// generated with the files by tools/content-files.mjs (language_digests.cpp in the build folder):
// the plan module's policy for language files (language_digest.cpp).
#pragma once

#include <cstddef>
#include <cstdint>

namespace radiculo::embedded {

struct LanguageDigest {
  const char* code;       // "en"
  std::uint64_t fnv1a64;  // 64-bit FNV-1a of content-<code>.json's bytes
};

extern const LanguageDigest kLanguageDigests[];
extern const std::size_t kLanguageDigestCount;

}  // namespace radiculo::embedded
