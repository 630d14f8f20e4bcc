#include "terminal_text.h"

#include <cstdio>

namespace radiculo {

namespace {

bool steersTheTerminal(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) ||   // C0, DEL, C1
         c == 0x2028 || c == 0x2029 ||             // line and paragraph separators
         c == 0x061C || c == 0x200E || c == 0x200F ||  // bidirectional marks
         (c >= 0x202A && c <= 0x202E) ||           // embeddings and overrides
         (c >= 0x2066 && c <= 0x2069);             // isolates
}

// The length of the UTF-8 sequence at the start of `text` and its code point, or 0 when it is
// not well-formed (a stray continuation byte, an overlong form, a surrogate, a truncated end).
std::size_t decode(std::string_view text, char32_t& c) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(0);
  std::size_t length = lead < 0x80 ? 1 : lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3
                                       : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
  if (length == 0 || length > text.size()) return 0;
  c = length == 1 ? lead : lead & (0x7F >> length);
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return 0;
    c = (c << 6) | (byte(i) & 0x3F);
  }
  const bool overlong = (length == 3 && c < 0x800) || (length == 4 && c < 0x10000);
  if (overlong || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) return 0;
  return length;
}

}  // namespace

std::string terminalSafe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  char escaped[16];
  while (!text.empty()) {
    char32_t c = 0;
    const std::size_t length = decode(text, c);
    if (length == 0) {
      std::snprintf(escaped, sizeof escaped, "\\x%02x", static_cast<unsigned char>(text[0]));
      out += escaped;
      text.remove_prefix(1);
      continue;
    }
    if (steersTheTerminal(c)) {
      std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
      out += escaped;
    } else {
      out.append(text.substr(0, length));
    }
    text.remove_prefix(length);
  }
  return out;
}

}  // namespace radiculo
