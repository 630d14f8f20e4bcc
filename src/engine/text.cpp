#include "text.h"

#include <cmath>
#include <cstdio>

namespace radiculo {

std::string fillTemplate(std::string_view text, const std::map<std::string, std::string>& values) {
  std::string out;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t open = text.find('{', at);
    const std::size_t close = open == std::string_view::npos ? open : text.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(text.substr(at, open - at));
    const std::string name(text.substr(open + 1, close - open - 1));
    const auto value = values.find(name);
    out += value != values.end() ? value->second : "{" + name + "}";
    at = close + 1;
  }
  out.append(text.substr(at));
  return out;
}

std::vector<std::string> templateNames(std::string_view text) {
  std::vector<std::string> names;
  for (std::size_t open = text.find('{'); open != std::string_view::npos; open = text.find('{', open + 1)) {
    const std::size_t close = text.find('}', open);
    if (close == std::string_view::npos) break;
    names.emplace_back(text.substr(open + 1, close - open - 1));
  }
  return names;
}

std::string formatNumber(double value) {
  const double rounded = std::round(value * 100) / 100;
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.2f", rounded);
  std::string text = buffer;
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text == "-0" ? "0" : text;
}

nlohmann::json numberJson(double value) {
  if (value == static_cast<double>(static_cast<long long>(value))) return static_cast<long long>(value);
  return value;
}

std::string joinList(const std::vector<std::string>& items, const std::string& separator,
                     const std::string& lastSeparator) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? lastSeparator : separator;
    out += items[i];
  }
  return out;
}

}  // namespace radiculo
