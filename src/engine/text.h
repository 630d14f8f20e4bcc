// Small, deterministic text helpers for filling the content's templates.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace radiculo {

// Replaces each {name} with its value; a name without a value is left as it is, so a missing
// value shows up in review instead of silently vanishing.
std::string fillTemplate(std::string_view text, const std::map<std::string, std::string>& values);

// The {names} a template uses.
std::vector<std::string> templateNames(std::string_view text);

// 6 -> "6", 2.5 -> "2.5", 1.25 -> "1.25": at most two decimals, the same on every platform.
std::string formatNumber(double value);

// A JSON number that is written as an integer when it is whole (6, not 6.0).
nlohmann::json numberJson(double value);

// ["a","b","c"] -> "a, b and c" with the language's separators.
std::string joinList(const std::vector<std::string>& items, const std::string& separator,
                     const std::string& lastSeparator);

}  // namespace radiculo
