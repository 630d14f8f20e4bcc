#include "vector_cases.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace radiculo::test {

namespace {

// The vector file's text with every lone surrogate escape (\ud800 without its low half, or a low
// half alone) written as \ufffd: a case's text as a JavaScript string reaches the engine through
// the WebAssembly boundary (src/wasm/well_formed.js) or as UTF-8 bytes (the CLI), both of which
// carry a lone surrogate as U+FFFD. (nlohmann rejects a lone surrogate escape outright.)
std::string loneSurrogatesReplaced(const std::string& text) {
  const auto unitAt = [&](std::size_t i) -> long {
    if (i + 6 > text.size() || text[i] != '\\' || text[i + 1] != 'u') return -1;
    for (std::size_t k = i + 2; k < i + 6; ++k)
      if (!std::isxdigit(static_cast<unsigned char>(text[k]))) return -1;
    return std::stol(text.substr(i + 2, 4), nullptr, 16);
  };
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const long unit = unitAt(i);
    if (unit < 0) {
      const std::size_t length = text[i] == '\\' && i + 1 < text.size() ? 2 : 1;  // an escaped backslash is not a \u
      out += text.substr(i, length);
      i += length;
    } else if (unit >= 0xD800 && unit <= 0xDBFF && unitAt(i + 6) >= 0xDC00 && unitAt(i + 6) <= 0xDFFF) {
      out += text.substr(i, 12);  // a pair stays a pair
      i += 12;
    } else {
      out += unit >= 0xD800 && unit <= 0xDFFF ? std::string("\\ufffd") : text.substr(i, 6);
      i += 6;
    }
  }
  return out;
}

}  // namespace

std::string VectorCase::inputText() const {
  if (file.contains("inputText")) return file.at("inputText").get<std::string>();
  return file.at("input").dump();
}

const std::vector<VectorCase>& vectorCases() {
  static const std::vector<VectorCase> cases = [] {
    std::vector<VectorCase> loaded;
    for (const auto& entry : std::filesystem::directory_iterator(RADICULO_VECTOR_DIR)) {
      if (entry.path().extension() != ".json") continue;
      std::ifstream in(entry.path());
      std::stringstream text;
      text << in.rdbuf();
      nlohmann::json file = nlohmann::json::parse(loneSurrogatesReplaced(text.str()));
      const std::string name = file.at("name").get<std::string>();
      if (name != entry.path().stem().string())
        throw std::runtime_error(entry.path().string() + ": \"name\" is not the file's name (" + name + ")");
      loaded.push_back({name, file});
    }
    std::sort(loaded.begin(), loaded.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    return loaded;
  }();
  return cases;
}

}  // namespace radiculo::test
