#include "text_report.h"

#include <sstream>

#include "citation_list.h"
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

}  // namespace

std::string renderTextReport(const json& plan, const json& words) {
  const std::string audience = plan.at("audience").get<std::string>();
  const json& ui = words.at("ui");
  // A label of the content, worded for the plan's audience or the same for both.
  const auto label = [&](const json& value) {
    return value.is_object() ? value.at(audience).get<std::string>() : value.get<std::string>();
  };
  const auto text = [](const json& value) { return value.get<std::string>(); };
  std::string out;
  out += wrap(text(plan.at("triageLabel")), "", "== ");
  out += wrap(text(plan.at("headline")), "", "");
  out += wrap(text(plan.at("reason")), "", label(ui.at("whyApplies")) + " ");
  out += "\n";
  for (const json& line : plan.at("recommendations")) {
    // The label as written: upper-casing byte by byte would break accented letters.
    const std::string kind = label(words.at("kinds").at(text(line.at("kind"))));
    out += wrap(text(line.at("text")) + " " + citationList(line.at("citations").get<std::vector<int>>()), "    ", "* [" + kind + "] ");
    if (line.contains("ownReason")) out += wrap(text(line.at("ownReason")), "    ", "    " + label(ui.at("why")) + " ");
    out += wrap(text(line.at("basis")), "    ", "    " + label(ui.at("basis")) + " ");
    for (const json& note : line.at("evidenceNotes"))
      out += wrap(text(note.at("text")) + " " + citationList(note.at("citations").get<std::vector<int>>()), "    ",
                  note.contains("label") ? "    (" + text(note.at("label")) + ") " : "    ");
  }
  if (!plan.at("recommendations").empty()) out += "\n";
  // What would change the plan, as the plan words it.
  const json& change = plan.at("whatWouldChange");
  const json others = change.value("alsoUnanswered", json::array());
  if (!change.at("askNext").empty() || !others.empty()) {
    out += terminalSafe(label(ui.at(plan.at("triage") == "incomplete" ? "planUnanswered" : "askNextTitle"))) + "\n";
    for (const json& entry : change.at("askNext"))
      out += wrap(text(entry.at("label")) + " -> " + label(ui.at("ifYes")) + " " + text(entry.at("triageIfYesLabel")), "     ", "   - ");
    for (const json& entry : others) out += wrap(text(entry.at("label")), "     ", "   - ");
  }
  for (const char* sentence : {"range", "reassessIn", "ifNotImproving"})
    if (change.contains(sentence)) out += wrap(text(change.at(sentence)), "", "");
  if (change.contains("returnEarly") && !change.at("returnEarly").empty()) {
    out += terminalSafe(label(ui.at("returnEarlyTitle"))) + "\n";
    for (const json& group : change.at("returnEarly"))
      out += wrap(text(group.at("triageLabel")) + ": " + text(group.at("flags")), "     ", "   - ");
  }
  if (change.contains("injectionReasons")) {
    out += terminalSafe(label(ui.at("injectionAbsentTitle"))) + "\n";
    for (const json& reason : change.at("injectionReasons")) out += wrap(text(reason), "     ", "   - ");
  }
  out += "\n" + terminalSafe(label(ui.at("references"))) + "\n";
  for (const json& reference : plan.at("references")) {
    std::string entry = text(reference.at("title")) + ". " + text(reference.at("publisher"));
    if (reference.contains("year")) entry += ", " + text(reference.at("year"));  // none for a living page
    entry += ".";
    if (reference.value("beyondSource", false)) entry += " " + label(ui.at("beyondSource"));
    out += wrap(entry, "     ", " " + reference.at("number").dump() + ". ");
  }
  out += "\n" + wrap(label(words.at("disclaimer")), "", "");
  // The versions line's {names} are the plan's own fields.
  std::string versions = label(ui.at("versionsShort"));
  for (const char* name : {"engineVersion", "contentVersion", "reviewStatus"}) {
    const std::string mark = std::string("{") + name + "}", value = text(plan.at(name));
    for (std::size_t at = 0; (at = versions.find(mark, at)) != std::string::npos; at += value.size())
      versions.replace(at, mark.size(), value);
  }
  out += wrap(versions, "", "");
  return out;
}

std::string renderTextErrors(const json& errors, const json& words) {
  const json& ui = words.at("ui");
  std::string out = terminalSafe(ui.at("cliInvalid").get<std::string>()) + "\n";
  for (const json& error : errors.at("errors")) {
    const std::string field = error.at("field").get<std::string>();
    // The field is the input's own key and the message may quote the input: shown escaped.
    out += "  " + terminalSafe(field.empty() ? ui.at("cliWholeInput").get<std::string>() : field) + ": " +
           terminalSafe(error.at("message").get<std::string>()) + "\n";
  }
  return out;
}

}  // namespace radiculo
