// The nastiest inputs we know of for the JSON entry, each at most 64 KiB (the engine's input
// limit): deep nesting, many keys, many errors, long strings and keys, and
// long arrays. tests/engine/worst_case_test.cpp checks the engine's memory and output on each;
// bench/worst_case.cpp times them and measures their memory (natively, and writes them out for
// bench/worst_case.mjs to run in WebAssembly).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace radiculo::test {

struct WorstCaseInput {
  std::string name;
  std::string text;
};

inline constexpr std::size_t kWorstCaseBytes = 64 * 1024;

inline std::vector<WorstCaseInput> worstCaseInputs() {
  const std::size_t limit = kWorstCaseBytes;
  const auto repeat = [](const std::string& piece, std::size_t times) {
    std::string out;
    out.reserve(piece.size() * times);
    for (std::size_t i = 0; i < times; ++i) out += piece;
    return out;
  };
  // `open` repeated, then `middle`, then `close` as often as `open`: as many levels as fit.
  const auto nested = [&](const std::string& open, const std::string& middle, const std::string& close) {
    const std::size_t levels = (limit - middle.size()) / (open.size() + close.size());
    return repeat(open, levels) + middle + repeat(close, levels);
  };
  // `head`, then members made by `member(i)` joined by commas, then `tail`: as many as fit.
  const auto many = [&](const std::string& head, auto member, const std::string& tail) {
    std::string out = head;
    for (std::size_t i = 0;; ++i) {
      const std::string next = (i == 0 ? "" : ",") + member(i);
      if (out.size() + next.size() + tail.size() > limit) break;
      out += next;
    }
    return out + tail;
  };
  const auto key = [](std::size_t i) { return "\"k" + std::to_string(i) + "\":0"; };
  const auto flagKey = [](std::size_t i) { return "\"k" + std::to_string(i) + "\":null"; };
  const std::string longText(limit - 20, 'a');

  return {
      {"deep-objects", nested("{\"a\":", "1", "}")},
      {"deep-objects-tilde-keys", nested("{\"~\":", "1", "}")},
      {"deep-objects-unclosed", repeat("{\"a\":", limit / 5)},
      {"deep-arrays", repeat("[", limit / 2) + repeat("]", limit / 2)},
      {"deep-arrays-in-a-member", "{\"redFlags\":" + repeat("[", (limit - 13) / 2) + repeat("]", (limit - 13) / 2) + "}"},
      {"many-unknown-keys", many("{", key, "}")},
      {"many-unknown-red-flags", many("{\"redFlags\":{", flagKey, "}}")},
      {"many-duplicate-keys", many("{\"redFlags\":{", [](std::size_t) { return std::string("\"fever\":false"); }, "}}")},
      {"long-array", many("{\"redFlags\":[", [](std::size_t) { return std::string("0"); }, "]}")},
      {"many-inexact-numbers", many("{\"x\":[", [](std::size_t) { return std::string("1.00000000000000001"); }, "]}")},
      {"long-string-value", "{\"audience\":\"" + longText + "\"}"},
      {"long-key", "{\"" + longText + "\":1}"},
      {"long-key-of-tildes-and-slashes", "{\"" + repeat("~/", longText.size() / 2) + "\":1}"},
      {"long-key-of-escaped-controls", "{\"" + repeat("\\u001b", longText.size() / 6) + "\":1}"},
      {"unterminated-long-string", "{\"a\":\"" + longText},
  };
}

}  // namespace radiculo::test
