#include "number_literal.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>

namespace radiculo {

namespace {

constexpr std::size_t kAlwaysExactDigits = std::numeric_limits<double>::digits10;  // 15
constexpr std::size_t kMostDigitsNeeded = std::numeric_limits<double>::max_digits10;  // 17
constexpr long long kSmallestNormalExponent = std::numeric_limits<double>::min_exponent10;  // 1e-307

// A decimal number without its sign: d.ddd x 10^exponent, `digits` without leading or trailing
// zeros (empty for zero).
struct Decimal {
  std::string digits;
  long long exponent = 0;
  bool operator==(const Decimal& other) const { return digits == other.digits && exponent == other.exponent; }
};

// Reads a JSON number literal, or printf's %e form of one. The digits are copied only when
// `withDigits`: most numbers are decided by their count alone.
Decimal decimalOf(std::string_view literal, std::size_t& significant, bool withDigits) {
  Decimal out;
  long long seen = 0;           // digits before the exponent, in order
  long long beforePoint = -1;   // how many of them come before the decimal point
  long long firstNonZero = -1;
  long long lastNonZero = -1;
  std::size_t i = 0;
  for (; i < literal.size() && literal[i] != 'e' && literal[i] != 'E'; ++i) {
    const char c = literal[i];
    if (c == '.') beforePoint = seen;
    if (c < '0' || c > '9') continue;  // the sign, the point
    if (c != '0') {
      if (firstNonZero < 0) firstNonZero = seen;
      lastNonZero = seen;
    }
    if (withDigits && firstNonZero >= 0) out.digits += c;
    ++seen;
  }
  significant = firstNonZero < 0 ? 0 : static_cast<std::size_t>(lastNonZero - firstNonZero + 1);
  if (withDigits) out.digits.resize(significant);
  if (significant == 0) return out;
  long long exponent = 0;
  if (i < literal.size()) {
    const bool negative = i + 1 < literal.size() && literal[i + 1] == '-';
    for (++i; i < literal.size(); ++i)  // capped: far beyond any double either way
      if (literal[i] >= '0' && literal[i] <= '9') exponent = std::min(exponent * 10 + (literal[i] - '0'), 100000LL);
    if (negative) exponent = -exponent;
  }
  out.exponent = (beforePoint < 0 ? seen : beforePoint) - firstNonZero - 1 + exponent;
  return out;
}
Decimal decimalOf(std::string_view literal) {
  std::size_t significant = 0;
  return decimalOf(literal, significant, true);
}

double readBack(const Decimal& decimal) {
  const std::string text = decimal.digits.substr(0, 1) + "." + decimal.digits.substr(1) + "e" + std::to_string(decimal.exponent);
  return std::strtod(text.c_str(), nullptr);
}

// The decimals with one digit fewer on either side of `decimal`: its first digits, and those plus
// one in the last place.
Decimal shorterBelow(const Decimal& decimal) {
  Decimal out{decimal.digits.substr(0, decimal.digits.size() - 1), decimal.exponent};
  out.digits.erase(out.digits.find_last_not_of('0') + 1);
  return out;
}
Decimal shorterAbove(const Decimal& decimal) {
  Decimal out{decimal.digits.substr(0, decimal.digits.size() - 1), decimal.exponent};
  std::size_t at = out.digits.size();
  while (at > 0 && out.digits[at - 1] == '9') out.digits[--at] = '0';
  if (at == 0) {  // 99..9 -> 100..0
    out.digits.insert(out.digits.begin(), '1');
    ++out.exponent;
  } else {
    ++out.digits[at - 1];
  }
  out.digits.erase(out.digits.find_last_not_of('0') + 1);
  return out;
}

}  // namespace

std::optional<ErrorCode> inexactNumberProblem(std::string_view literal, double value) {
  constexpr ErrorCode kTooManyDigits = ErrorCode::tooManyDigits;
  std::size_t significant = 0;
  const Decimal scale = decimalOf(literal, significant, false);
  if (significant == 0) return std::nullopt;  // zero, however written
  if (scale.exponent < kSmallestNormalExponent) return ErrorCode::tooCloseToZero;
  // Two different decimals of at most 15 digits never become the same double.
  if (significant <= kAlwaysExactDigits) return std::nullopt;
  if (significant > kMostDigitsNeeded) return kTooManyDigits;
  const Decimal decimal = decimalOf(literal);
  // 16 or 17 digits: exact only as the double's shortest form, which is its correctly rounded
  // form at that length, with no decimal one digit shorter reading as the same double (checking
  // the two around it covers every shorter one: those that read as it lie in one interval).
  const double magnitude = std::fabs(value);
  char rounded[40];
  std::snprintf(rounded, sizeof rounded, "%.*e", static_cast<int>(decimal.digits.size() - 1), magnitude);
  if (!(decimalOf(rounded) == decimal)) return kTooManyDigits;
  if (readBack(shorterBelow(decimal)) == magnitude || readBack(shorterAbove(decimal)) == magnitude) return kTooManyDigits;
  return std::nullopt;
}

}  // namespace radiculo
