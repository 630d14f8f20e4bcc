// Emscripten-specific, for plan_bindings.cpp and records_bindings.cpp: how a JSON text crosses the
// boundary. JavaScript hands each bound function its strings as UTF-8 bytes (TextEncoder, in
// well_formed.js) and reads each answer as UTF-8 bytes (TextDecoder): the browser's own encoders
// copy the text in one pass each. Embind's std::string instead walks every byte in JavaScript,
// twice on the way in and twice on the way out: about 12 ms of the first content() (176 KB) on a
// desktop before the page's first screen, and 8 % of a typical evaluate call (tools/wasm-latency).
// The functions callers see still take and give strings: well_formed.js wraps every one.
#ifndef RADICULO_WASM_TEXT_BOUNDARY_H
#define RADICULO_WASM_TEXT_BOUNDARY_H

#include <emscripten/val.h>

#include <cstddef>
#include <string>

namespace radiculo::wasm {

/** A caller's text: the bytes of a Uint8Array, copied into the module by TypedArray.set. */
inline std::string textOf(const emscripten::val& utf8) {
  const auto size = utf8["length"].as<std::size_t>();
  std::string text(size, '\0');
  emscripten::val(emscripten::typed_memory_view(size, reinterpret_cast<unsigned char*>(text.data()))).call<void>("set", utf8);
  return text;
}

/**
 * An answer: a view of its bytes inside the module, valid until the next call (the wrapper in
 * well_formed.js decodes it at once; the module runs one call at a time).
 */
inline emscripten::val answerOf(std::string text) {
  static std::string lastAnswer;
  lastAnswer = std::move(text);
  return emscripten::val(emscripten::typed_memory_view(lastAnswer.size(), reinterpret_cast<const unsigned char*>(lastAnswer.data())));
}

}  // namespace radiculo::wasm

#endif  // RADICULO_WASM_TEXT_BOUNDARY_H
