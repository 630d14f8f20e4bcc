// Whether a JSON number is read exactly: the engine reads numbers as doubles, and a literal with
// more digits than a double holds is rounded, so 6.9999999999999999 would read as 7 (severe
// pain) and 17.9999999999999999 as 18 (an adult). Reading is exact when the literal is the
// shortest decimal form of the double it becomes, the form JSON.stringify, Python and most JSON
// writers give; any literal of at most 15 significant digits is. Then no two different literals
// become the same double, so no rounding can make a fraction whole or move a number onto or
// across a threshold, a bound or another field's value.
#pragma once

#include <optional>
#include <string_view>

#include "error_codes.h"

namespace radiculo {

// `literal` is a JSON number as written (the lexer has checked its grammar) and `value` the
// double it was read as. Returns nothing when the reading is exact, else what is wrong with it
// (tooManyDigits or tooCloseToZero).
std::optional<ErrorCode> inexactNumberProblem(std::string_view literal, double value);

}  // namespace radiculo
