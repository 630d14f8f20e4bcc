// radiculo — the command-line tool.
//   radiculo evaluate [--text] [--] FILE|-   plan JSON (or a readable plan) for one assessment
//   radiculo schema                           the input's JSON Schema
//   radiculo --version                        versions as JSON
//   radiculo --help                           this usage
// Exit status: 0 a plan, 2 invalid input (error JSON on stdout), 1 anything else (usage, a file
// that cannot be read, output that cannot be written).
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "assessment_parser.h"
#include "content.h"
#include "engine.h"
#include "input_fields.h"
#include "text_report.h"

namespace {

constexpr int kPlan = 0;
constexpr int kFailure = 1;
constexpr int kInvalidInput = 2;

constexpr const char* kUsage =
    "usage: radiculo evaluate [--text] [--] FILE   (FILE '-' reads standard input; '--' ends the options)\n"
    "       radiculo schema\n"
    "       radiculo --version\n";

int usage() {
  std::cerr << kUsage;
  return kFailure;
}

// Output that did not reach its file is a failure, never a plan (a full disk, a closed pipe).
int flushed(int status) {
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "radiculo: cannot write the output\n";
    return kFailure;
  }
  return status;
}

// Reads at most `limit` bytes of `path` ("-": standard input). The engine refuses text longer
// than kMaxInputBytes, so reading one byte more than that is enough for it to say so, however
// long the input is (/dev/zero never ends). C stdio rather than iostreams: its errors say why
// (a directory opens, then fails to read with EISDIR).
bool readInput(const std::string& path, std::size_t limit, std::string& text, std::string& error) {
  std::FILE* file = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    error = std::strerror(errno);
    return false;
  }
  text.resize(limit);
  std::size_t read = 0;
  while (read < limit) {
    const std::size_t got = std::fread(&text[read], 1, limit - read, file);
    if (got == 0) break;
    read += got;
  }
  const bool failed = std::ferror(file) != 0;
  const int reason = errno;
  if (file != stdin) std::fclose(file);
  text.resize(read);
  if (failed) error = std::strerror(reason);
  return !failed;
}

int evaluate(const std::vector<std::string>& args) {
  bool asText = false;
  bool optionsEnded = false;
  std::string path;
  for (const std::string& arg : args) {
    if (!optionsEnded && arg == "--") optionsEnded = true;
    else if (!optionsEnded && arg == "--text") asText = true;
    else if (!optionsEnded && arg.size() > 1 && arg[0] == '-') return usage();  // "-" alone is stdin
    else if (path.empty()) path = arg;
    else return usage();
  }
  if (path.empty()) return usage();
  std::string input;
  std::string error;
  if (!readInput(path, radiculo::kMaxInputBytes + 1, input, error)) {
    std::cerr << "radiculo: cannot read " << path << ": " << error << "\n";
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
    // The plan is valid, so the engine's parser reads the input again without errors: its language
    // and audience, with the contract's defaults where none is given.
    const radiculo::ParseResult parsed = radiculo::parseAssessment(input, radiculo::content().languageCodes());
    const radiculo::Assessment& assessment = parsed.assessment.value();
    const nlohmann::json words = nlohmann::json::parse(radiculo::contentJson(assessment.language));
    std::cout << radiculo::renderTextReport(result, words, radiculo::audienceId(assessment.audience));
  }
  return flushed(ok ? kPlan : kInvalidInput);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) return usage();
    if (args[0] == "--help" && args.size() == 1) {
      std::cout << kUsage;
      return flushed(kPlan);
    }
    if (args[0] == "--version" && args.size() == 1) {
      std::cout << radiculo::versionJson() << "\n";
      return flushed(kPlan);
    }
    if (args[0] == "schema" && args.size() == 1) {
      std::cout << radiculo::schemaJson() << "\n";
      return flushed(kPlan);
    }
    if (args[0] == "evaluate") return evaluate({args.begin() + 1, args.end()});
    return usage();
  } catch (const std::exception& e) {
    std::cerr << "radiculo: " << e.what() << "\n";
    return kFailure;
  }
}
