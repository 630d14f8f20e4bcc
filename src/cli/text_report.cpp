#include "text_report.h"

#include <sstream>

#include "terminal_text.h"

namespace radiculo {

using nlohmann::json;

namespace {

constexpr std::size_t kWidth = 78;

// Wraps `text` at word boundaries, every line starting with `indent`. Every text printed goes
// through here or through terminalSafe(): nothing in it may steer the terminal.
std::string wrap(const std::string& text, const std::string& indent, const std::string& firstIndent) {
  std::istringstream words(terminalSafe(text));
  std::string word;
  std::string out;
  std::string line = terminalSafe(firstIndent);
  bool lineEmpty = true;
  while (words >> word) {
    if (!lineEmpty && line.size() + 1 + word.size() > kWidth) {
      out += line + "\n";
      line = indent;
      lineEmpty = true;
    }
    line += (lineEmpty ? "" : " ") + word;
    lineEmpty = false;
  }
  return out + line + "\n";
}

std::string citations(const json& numbers) {
  std::string out = "[";
  for (std::size_t i = 0; i < numbers.size(); ++i) out += (i ? ", " : "") + numbers[i].dump();
  return out + "]";
}

}  // namespace

std::string renderTextReport(const json& plan, const json& words, const std::string& audience) {
  const json& ui = words.at("ui");
  const auto label = [&](const json& byAudience) { return byAudience.at(audience).get<std::string>(); };
  std::string out;
  out += wrap(label(words.at("triages").at(plan.at("triage").get<std::string>())), "", "== ") ;
  out += wrap(plan.at("headline").get<std::string>(), "", "");
  out += "\n";
  for (const json& line : plan.at("recommendations")) {
    // The label as written: upper-casing byte by byte would break accented letters.
    const std::string kind = label(words.at("kinds").at(line.at("kind").get<std::string>()));
    out += wrap(line.at("text").get<std::string>() + " " + citations(line.at("citations")), "    ",
                "* [" + kind + "] ");
    out += wrap(line.at("rationale").get<std::string>(), "    ", "    " + ui.value("why", "Why?") + " ");
    out += wrap(line.at("basis").get<std::string>(), "    ", "    " + ui.value("basis", "Basis:") + " ");
    for (const json& note : line.at("evidenceNotes"))
      out += wrap(note.at("text").get<std::string>() + " " + citations(note.at("citations")), "    ",
                  "    (" + label(words.at("stances").at(note.at("stance").get<std::string>())) + ") ");
  }
  if (!plan.at("recommendations").empty()) out += "\n";
  // What would change the plan: the unanswered questions that matter, and what a yes would bring.
  const json& change = plan.at("whatWouldChange");
  for (const char* key : {"askNext", "returnEarlyIf"}) {
    if (!change.contains(key) || change.at(key).empty()) continue;
    // The page's own titles for these lists, in the plan's language and audience.
    out += terminalSafe(label(ui.at(key == std::string("askNext") ? "askNextTitle" : "returnEarlyTitle"))) + "\n";
    for (const json& entry : change.at(key)) {
      const std::string flag = entry.at("flag").get<std::string>();
      out += wrap(words.at("questions").at(flag).at(audience).at("short").get<std::string>() + " -> " +
                      label(words.at("triages").at(entry.at("triageIfYes").get<std::string>())),
                  "     ", "   - ");
    }
    out += "\n";
  }
  out += terminalSafe(ui.value("references", "References")) + "\n";
  for (const json& reference : plan.at("references")) {
    std::string entry = reference.at("title").get<std::string>() + ". " + reference.at("publisher").get<std::string>();
    if (reference.contains("year")) entry += ", " + reference.at("year").get<std::string>();  // none for a living page
    entry += ".";
    if (reference.value("beyondSource", false)) entry += " " + ui.value("beyondSource", "(beyond the source page)");
    out += wrap(entry, "     ", " " + reference.at("number").dump() + ". ");
  }
  out += "\n" + wrap(label(words.at("disclaimer")), "", "");
  out += terminalSafe("Radiculo engine " + plan.at("engineVersion").get<std::string>() + ", content " +
                      plan.at("contentVersion").get<std::string>() + " (" + plan.at("reviewStatus").get<std::string>() + ")") +
         "\n";
  return out;
}

std::string renderTextErrors(const json& errors) {
  std::string out = "The assessment is not valid; no plan was made:\n";
  for (const json& error : errors.at("errors")) {
    const std::string field = error.at("field").get<std::string>();
    // The field is the input's own key and the message may quote the input: shown escaped.
    out += "  " + (field.empty() ? std::string("(whole input)") : terminalSafe(field)) + ": " +
           terminalSafe(error.at("message").get<std::string>()) + "\n";
  }
  return out;
}

}  // namespace radiculo
