// radiculo — the command-line tool.
//   radiculo evaluate [--text|--note] [--] FILE|-   plan JSON, a readable plan, or the note for the
//                                                   record, for one assessment or FHIR
//                                                   QuestionnaireResponse
//   radiculo fhir questionnaire [--patient] [--language CODE]   the FHIR R4 Questionnaire
//   radiculo fhir codesystems                 Radiculo's own codes as FHIR CodeSystems (a Bundle)
//   radiculo fhir response [--authored WHEN] [--] FILE|-   an assessment as a FHIR QuestionnaireResponse
//   radiculo fhir assessment [--] FILE|-      a QuestionnaireResponse as an assessment
//   radiculo fhir plan [--authored WHEN] [--] FILE|-       the plan as a FHIR GuidanceResponse
// A QuestionnaireResponse whose answers were still being given (in-progress) is read with a
// notice, printed on standard error.
//   radiculo schema                           the input's JSON Schema
//   radiculo --version                        versions as JSON
//   radiculo --help                           this usage
// Exit status: 0 a plan, 2 invalid input (error JSON on stdout), 1 anything else (usage, a file
// that cannot be read, output that cannot be written).
#include <cerrno>
#include <cstdio>
#include <ctime>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine.h"
#include "input_limits.h"
#include "terminal_text.h"
#include "text_report.h"

namespace {

constexpr int kPlan = 0;
constexpr int kFailure = 1;
constexpr int kInvalidInput = 2;

constexpr const char* kUsage =
    "usage: radiculo evaluate [--text|--note] [--] FILE   (FILE '-' reads standard input; '--' ends the options)\n"
    "       radiculo fhir questionnaire [--patient] [--language CODE]\n"
    "       radiculo fhir codesystems\n"
    "       radiculo fhir response [--authored DATETIME] [--] FILE\n"
    "       radiculo fhir assessment [--] FILE\n"
    "       radiculo fhir plan [--authored DATETIME] [--] FILE   (DATETIME: YYYY-MM-DD or a FHIR dateTime; default today)\n"
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

// Multi-line text made safe line by line (the line breaks are the note's own; within a line,
// nothing from the input may steer the terminal).
std::string terminalSafeText(const std::string& text) {
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    const std::size_t stop = end == std::string::npos ? text.size() : end;
    out += radiculo::terminalSafe(std::string_view(text).substr(start, stop - start)) + "\n";
    start = stop + 1;
  }
  return out;
}

// Today as YYYY-MM-DD on this machine's clock, for the note (the engine has no clock).
std::string today() {
  const std::time_t now = std::time(nullptr);
  char buffer[11];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d", std::localtime(&now));
  return buffer;
}

// Reads FILE (after the options) for the commands that take one; false with the status set on
// failure. `authored`, when given, takes the value of an --authored option.
bool readArgumentFile(const std::vector<std::string>& args, std::string& input, int& status, std::string* authored = nullptr) {
  bool optionsEnded = false;
  std::string path;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (!optionsEnded && arg == "--") optionsEnded = true;
    else if (!optionsEnded && authored != nullptr && arg == "--authored" && i + 1 < args.size()) *authored = args[++i];
    else if (!optionsEnded && arg.size() > 1 && arg[0] == '-') return (status = usage(), false);
    else if (path.empty()) path = arg;
    else return (status = usage(), false);
  }
  if (path.empty()) return (status = usage(), false);
  std::string error;
  if (!readInput(path, radiculo::kMaxInputBytes + 1, input, error)) {
    std::cerr << "radiculo: cannot read " << path << ": " << error << "\n";
    status = kFailure;
    return false;
  }
  return true;
}

// The notices of an engine answer (a response still in progress), on standard error: the output
// itself stays the resource or the plan.
void printNotices(const nlohmann::json& answer) {
  if (!answer.is_object() || !answer.contains("notices")) return;
  for (const nlohmann::json& notice : answer.at("notices"))
    std::cerr << "radiculo: " << radiculo::terminalSafe(notice.at("message").get<std::string>()) << "\n";
}

// Prints an engine answer; exit 2 when it is {"ok": false, "errors": ...}, else 0 (a FHIR
// resource has no "ok").
int printAnswer(const std::string& output) {
  std::cout << output << "\n";
  const nlohmann::json answer = nlohmann::json::parse(output);
  return flushed(answer.contains("ok") && answer.at("ok") == false ? kInvalidInput : kPlan);
}

// The value the engine takes for an input field left out (its JSON Schema's "default").
std::string engineDefault(const char* field) {
  return nlohmann::json::parse(radiculo::schemaJson()).at("properties").at(field).at("default").get<std::string>();
}

int fhir(const std::vector<std::string>& args) {
  if (args.empty()) return usage();
  if (args[0] == "questionnaire") {
    std::string audience = engineDefault("audience"), language = engineDefault("language");
    for (std::size_t i = 1; i < args.size(); ++i) {
      if (args[i] == "--patient") audience = "patient";
      else if (args[i] == "--language" && i + 1 < args.size()) language = args[++i];
      else return usage();
    }
    return printAnswer(radiculo::fhirQuestionnaireJson(audience, language));
  }
  if (args[0] == "codesystems" && args.size() == 1) return printAnswer(radiculo::fhirCodeSystemsJson());
  std::string input;
  std::string authored;
  int status = kFailure;
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (args[0] == "response") {
    if (!readArgumentFile(rest, input, status, &authored)) return status;
    return printAnswer(radiculo::questionnaireResponseJson(input, authored));
  }
  if (args[0] == "plan") {
    authored = today();
    if (!readArgumentFile(rest, input, status, &authored)) return status;
    const std::string output = radiculo::fhirPlanJson(input, authored);
    return printAnswer(output);
  }
  if (args[0] == "assessment") {
    if (!readArgumentFile(rest, input, status)) return status;
    const std::string output = radiculo::assessmentFromResponseJson(input);
    const nlohmann::json answer = nlohmann::json::parse(output);
    if (answer.contains("ok") && answer.at("ok") == false) return printAnswer(output);
    printNotices(answer);
    std::cout << answer.at("assessment").dump() << "\n";
    return flushed(kPlan);
  }
  return usage();
}

// The content's words in the language a plan or an error answer says it is worded in.
nlohmann::json wordsFor(const nlohmann::json& answer) {
  return nlohmann::json::parse(radiculo::contentJson(answer.value("language", engineDefault("language"))));
}

int evaluate(const std::vector<std::string>& args) {
  bool asText = false;
  bool asNote = false;
  std::vector<std::string> rest;
  bool optionsEnded = false;
  for (const std::string& arg : args) {
    if (!optionsEnded && arg == "--") optionsEnded = true;
    if (!optionsEnded && arg == "--text") asText = true;
    else if (!optionsEnded && arg == "--note") asNote = true;
    else rest.push_back(arg);
  }
  if (asText && asNote) return usage();
  std::string input;
  int status = kFailure;
  if (!readArgumentFile(rest, input, status)) return status;
  if (asNote) {
    const nlohmann::json note = nlohmann::json::parse(radiculo::clinicalNoteJson(input, today(), ""));
    if (!note.at("ok").get<bool>()) {
      std::cout << radiculo::renderTextErrors(note, wordsFor(note));
      return flushed(kInvalidInput);
    }
    printNotices(note);
    std::cout << terminalSafeText(note.at("note").get<std::string>());
    return flushed(kPlan);
  }
  const std::string output = radiculo::evaluateJson(input);
  const nlohmann::json result = nlohmann::json::parse(output);
  const bool ok = result.at("ok").get<bool>();
  printNotices(result);
  if (!asText) {
    std::cout << output << "\n";
  } else if (!ok) {
    std::cout << radiculo::renderTextErrors(result, wordsFor(result));
  } else {
    std::cout << radiculo::renderTextReport(result, wordsFor(result));
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
    if (args[0] == "fhir") return fhir({args.begin() + 1, args.end()});
    return usage();
  } catch (const std::exception& e) {
    std::cerr << "radiculo: " << e.what() << "\n";
    return kFailure;
  }
}
