// radiculo — the command-line tool.
//   radiculo evaluate [--text] FILE|-   plan JSON (or a readable plan) for one assessment
//   radiculo schema                      the input's JSON Schema
//   radiculo --version                   versions as JSON
// Exit status: 0 a plan, 2 invalid input (error JSON on stdout), 1 anything else.
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine.h"
#include "text_report.h"

namespace {

constexpr int kPlan = 0;
constexpr int kFailure = 1;
constexpr int kInvalidInput = 2;

int usage() {
  std::cerr << "usage: radiculo evaluate [--text] FILE   (FILE '-' reads standard input)\n"
               "       radiculo schema\n"
               "       radiculo --version\n";
  return kFailure;
}

bool readInput(const std::string& path, std::string& text) {
  if (path == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    return !std::cin.bad();
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) return false;
  std::ostringstream buffer;
  buffer << file.rdbuf();
  text = buffer.str();
  return !file.bad();
}

int evaluate(const std::vector<std::string>& args) {
  bool asText = false;
  std::string path;
  for (const std::string& arg : args) {
    if (arg == "--text") asText = true;
    else if (path.empty()) path = arg;
    else return usage();
  }
  if (path.empty()) return usage();
  std::string input;
  if (!readInput(path, input)) {
    std::cerr << "radiculo: cannot read " << path << "\n";
    return kFailure;
  }
  const std::string output = radiculo::evaluateJson(input);
  const nlohmann::json result = nlohmann::json::parse(output);
  const bool ok = result.at("ok").get<bool>();
  if (!asText) {
    std::cout << output << "\n";
  } else if (!ok) {
    std::cout << radiculo::renderTextErrors(result);
  } else {
    // The plan is valid, so the input is a valid object with a known language and audience.
    const nlohmann::json assessment = nlohmann::json::parse(input);
    const nlohmann::json words = nlohmann::json::parse(radiculo::contentJson(assessment.value("language", "en")));
    std::cout << radiculo::renderTextReport(result, words, assessment.value("audience", "clinician"));
  }
  return ok ? kPlan : kInvalidInput;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) return usage();
    if (args[0] == "--version" && args.size() == 1) {
      std::cout << radiculo::versionJson() << "\n";
      return kPlan;
    }
    if (args[0] == "schema" && args.size() == 1) {
      std::cout << radiculo::schemaJson() << "\n";
      return kPlan;
    }
    if (args[0] == "evaluate") return evaluate({args.begin() + 1, args.end()});
    return usage();
  } catch (const std::exception& e) {
    std::cerr << "radiculo: " << e.what() << "\n";
    return kFailure;
  }
}
