#include "clinical_note.h"

#include "citation_list.h"
#include "text.h"

namespace radiculo {

using nlohmann::json;

namespace {

// Places the plan's own words (plan.h): it composes no sentence of its own.
class NoteWriter {
 public:
  NoteWriter(const json& plan, const Content& content)
      : plan_(plan),
        lang_(content.languages.at(plan.at("language").get<std::string>())),
        ui_(content.interfaces.at(plan.at("language").get<std::string>())),
        audience_(plan.at("audience").get<std::string>()) {}

  std::string write(const std::string& date, const std::string& address) const {
    // The note's own separators are ASCII hyphens: record systems that mangle a dash keep these.
    std::string out = label(ui_.at("printTitle")) + " - " + fillTemplate(label(ui_.at("printDate")), {{"date", date}}) + "\n\n";
    out += triageAndHeadline() + "\n\n";
    out += label(ui_.at("printAnswersTitle")) + "\n";
    for (const json& row : plan_.at("answers"))
      out += "- " + capitalised(row.at("label").get<std::string>()) + ": " + row.at("value").get<std::string>() + "\n";
    out += "\n" + label(ui_.at("recommendationsTitle")) + "\n";
    int number = 0;
    for (const json& line : plan_.at("recommendations"))
      out += std::to_string(++number) + ". [" + label(lang_.at("kinds").at(line.at("kind").get<std::string>())) + "] " +
             line.at("text").get<std::string>() + " " + citationList(line.at("citations").get<std::vector<int>>()) + "\n";
    // The options comparison the plan showed, named in one line for the record.
    if (plan_.contains("options"))
      out += "\n" + plan_.at("options").at("noteLine").get<std::string>() + " " +
             citationList(plan_.at("options").at("citations").get<std::vector<int>>()) + "\n";
    const std::string change = whatWouldChange();
    if (!change.empty()) out += "\n" + label(ui_.at("whatWouldChangeTitle")) + "\n" + change;
    out += "\n" + label(ui_.at("references")) + "\n";
    for (const json& reference : plan_.at("references")) {
      out += "[" + reference.at("number").dump() + "] " + reference.at("title").get<std::string>() + ". " +
             reference.at("publisher").get<std::string>();
      if (reference.contains("year")) out += ", " + reference.at("year").get<std::string>();
      out += ".";
      if (reference.value("beyondSource", false)) out += " " + label(ui_.at("beyondSource"));
      out += "\n";
    }
    out += "\n" + label(lang_.at("disclaimer")) + "\n";
    out += fillTemplate(label(ui_.at("versionsShort")), {{"engineVersion", plan_.at("engineVersion").get<std::string>()},
                                                         {"contentVersion", plan_.at("contentVersion").get<std::string>()},
                                                         {"reviewStatus", plan_.at("reviewStatus").get<std::string>()}});
    if (!address.empty()) out += " - " + fillTemplate(label(ui_.at("printAddress")), {{"url", address}});
    return out + "\n";
  }

 private:
  // A label worded for the audience, or the same for both.
  std::string label(const json& value) const {
    if (value.is_object()) return value.contains(audience_) ? value.at(audience_).get<std::string>() : value.at("clinician").get<std::string>();
    return value.get<std::string>();
  }

  // The triage label once: a headline that already opens with the label's first part ("Emergency:
  // suspected ..." under "Emergency: now") stands alone; any other follows the label.
  std::string triageAndHeadline() const {
    const std::string triage = plan_.at("triageLabel").get<std::string>();
    const std::string headline = plan_.at("headline").get<std::string>();
    const std::string lead = triage.substr(0, triage.find(':') + 1);
    if (lead.size() > 1 && lead.back() == ':' && headline.compare(0, lead.size(), lead) == 0) return headline;
    return triage + ": " + headline;
  }

  static std::string capitalised(std::string name) {
    if (!name.empty() && name[0] >= 'a' && name[0] <= 'z') name[0] = static_cast<char>(name[0] - 'a' + 'A');
    return name;
  }

  // The plan's "what would change this", as the plan words it.
  std::string whatWouldChange() const {
    const json& change = plan_.at("whatWouldChange");
    std::string out;
    const json others = change.value("alsoUnanswered", json::array());
    if (!change.at("askNext").empty() || !others.empty()) {
      out += label(ui_.at(plan_.at("triage") == "incomplete" ? "planUnanswered" : "askNextTitle")) + "\n";
      for (const json& entry : change.at("askNext"))
        out += "- " + capitalised(entry.at("label").get<std::string>()) + " - " + label(ui_.at("ifYes")) + " " +
               entry.at("triageIfYesLabel").get<std::string>() + "\n";
      for (const json& entry : others) out += "- " + capitalised(entry.at("label").get<std::string>()) + "\n";
    }
    for (const char* sentence : {"range", "reassessIn", "ifNotImproving"})
      if (change.contains(sentence)) out += change.at(sentence).get<std::string>() + "\n";
    if (change.contains("returnEarly") && !change.at("returnEarly").empty()) {
      out += label(ui_.at("returnEarlyTitle")) + "\n";
      for (const json& group : change.at("returnEarly"))
        out += "- " + group.at("triageLabel").get<std::string>() + ": " + group.at("flags").get<std::string>() + "\n";
    }
    if (change.contains("injectionReasons")) {
      out += label(ui_.at("injectionAbsentTitle")) + "\n";
      for (const json& reason : change.at("injectionReasons")) out += "- " + reason.get<std::string>() + "\n";
    }
    return out;
  }

  const json& plan_;
  const json& lang_;
  const json& ui_;
  std::string audience_;
};

}  // namespace

std::string clinicalNote(const json& plan, const Content& content, const std::string& date, const std::string& address) {
  return NoteWriter(plan, content).write(date, address);
}

}  // namespace radiculo
