// Text from the input made safe to print on a terminal. Keys and parse-error messages
// come from the input, and a key written with \u001b escapes would otherwise reach the terminal as
// real control sequences: clear the screen, set the title, print a fake plan.
#pragma once

#include <string>
#include <string_view>

namespace radiculo {

// `text` (UTF-8) with every character that steers a terminal or the direction of text written
// as \uXXXX: C0 controls (newline and tab too: a field is one line), DEL, C1 controls (U+0080 to
// U+009F, e.g. U+009B, the one-character CSI), line and paragraph separators, and bidirectional
// marks, embeddings, overrides and isolates. A byte that is not UTF-8 is written as \xNN.
std::string terminalSafe(std::string_view text);

}  // namespace radiculo
