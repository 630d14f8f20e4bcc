#include "clinical_note.h"

#include "input_fields.h"
#include "text.h"

namespace radiculo {

using nlohmann::json;

namespace {

class NoteWriter {
 public:
  NoteWriter(const json& assessment, const json& plan, const Content& content)
      : content_(content),
        assessment_(assessment),
        plan_(plan),
        words_(content.languages.at(plan.at("language").get<std::string>())),
        ui_(content.interfaces.at(plan.at("language").get<std::string>())),
        audience_(plan.at("audience").get<std::string>()) {}

  std::string write(const std::string& date, const std::string& address) const {
    std::string out = label(ui_.at("printTitle")) + " — " + fillTemplate(label(ui_.at("printDate")), {{"date", date}}) + "\n\n";
    out += label(words_.at("triages").at(plan_.at("triage").get<std::string>())) + ": " +
           plan_.at("headline").get<std::string>() + "\n\n";
    out += label(ui_.at("printAnswersTitle")) + "\n" + answers() + "\n";
    out += label(ui_.at("recommendationsTitle")) + "\n";
    int number = 0;
    for (const json& line : plan_.at("recommendations"))
      out += std::to_string(++number) + ". [" + label(words_.at("kinds").at(line.at("kind").get<std::string>())) + "] " +
             line.at("text").get<std::string>() + " " + citations(line.at("citations")) + "\n";
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
    out += "\n" + label(words_.at("disclaimer")) + "\n";
    out += "Radiculo " + plan_.at("engineVersion").get<std::string>() + " / content " +
           plan_.at("contentVersion").get<std::string>() + " (" + plan_.at("reviewStatus").get<std::string>() + ")";
    if (!address.empty()) out += " — " + fillTemplate(label(ui_.at("printAddress")), {{"url", address}});
    return out + "\n";
  }

 private:
  // A label worded for the audience, or the same for both.
  std::string label(const json& value) const {
    if (value.is_object()) return value.contains(audience_) ? value.at(audience_).get<std::string>() : value.at("clinician").get<std::string>();
    return value.get<std::string>();
  }

  static std::string citations(const json& numbers) {
    std::string out = "[";
    for (std::size_t i = 0; i < numbers.size(); ++i) out += (i ? ", " : "") + numbers[i].dump();
    return out + "]";
  }

  std::string shortName(const std::string& key) const {
    std::string name = words_.at("questions").at(key).at(audience_).at("short").get<std::string>();
    if (!name.empty() && name[0] >= 'a' && name[0] <= 'z') name[0] = static_cast<char>(name[0] - 'a' + 'A');
    return name;
  }

  std::string yesNo(const json& value) const {
    if (value.is_null()) return label(ui_.at("notSure"));
    return label(ui_.at(value.get<bool>() ? "yes" : "no"));
  }

  std::string weeks(const json& value) const {
    const json& units = words_.at("units");
    std::string number = formatNumber(value.get<double>());
    if (const auto point = number.find('.'); point != std::string::npos)
      number.replace(point, 1, units.at("decimalSeparator").get<std::string>());
    return number + " " + units.at(number == "1" ? "week" : "weeks").get<std::string>();
  }

  // Every answer in the contract's order: each red flag (not answered, where it was not), then
  // every other field the assessment holds.
  std::string answers() const {
    std::string out;
    const json flags = assessment_.value("redFlags", json::object());
    for (const json& group : content_.rules.at("redFlagGroups"))
      for (const json& flag : group.at("flags")) {
        const std::string key = flag.get<std::string>();
        out += "- " + shortName(key) + ": " + (flags.contains(key) ? yesNo(flags.at(key)) : label(ui_.at("printNotAnswered"))) + "\n";
      }
    for (const InputField& field : kInputFields) {
      const std::string key = field.name;
      if (!assessment_.contains(key)) continue;
      const json& value = assessment_.at(key);
      switch (field.type) {
        case FieldType::boolean: out += "- " + shortName(key) + ": " + yesNo(value) + "\n"; break;
        case FieldType::integer:
          out += "- " + shortName(key) + ": " +
                 (key == "painScore" ? fillTemplate(label(ui_.at("painOutOf10")), {{"score", value.dump()}}) : value.dump()) + "\n";
          break;
        case FieldType::number: out += "- " + shortName(key) + ": " + weeks(value) + "\n"; break;
        case FieldType::herniation:
          out += "- " + shortName("herniationContained") + ": " + yesNo(value.at("contained")) + "\n";
          out += "- " + shortName("herniationLevel") + ": " + value.at("level").get<std::string>() + "\n";
          break;
        case FieldType::assessedFindings: {
          std::vector<std::string> names;
          for (const json& finding : value)
            names.push_back(finding == "olderAge" ? label(words_.at("phrases").at("olderAge")) : shortName(finding.get<std::string>()));
          out += "- " + shortName(key) + ": " +
                 joinList(names, words_.at("units").at("listSeparatorStrong").get<std::string>(),
                          words_.at("units").at("listLastSeparatorStrong").get<std::string>()) +
                 "\n";
          break;
        }
        case FieldType::audience:
        case FieldType::language:
        case FieldType::redFlags:
          break;
      }
    }
    return out;
  }

  std::string triage(const json& id) const { return label(words_.at("triages").at(id.get<std::string>())); }

  std::string whatWouldChange() const {
    const json& change = plan_.at("whatWouldChange");
    std::string out;
    if (change.contains("askNext") && !change.at("askNext").empty()) {
      out += label(ui_.at("askNextTitle")) + "\n";
      for (const json& entry : change.at("askNext"))
        out += "- " + shortName(entry.at("flag").get<std::string>()) + " — " + label(ui_.at("ifYes")) + " " +
               triage(entry.at("triageIfYes")) + "\n";
    }
    if (change.at("bestTriage") != change.at("worstTriage"))
      out += fillTemplate(label(ui_.at("triageRange")), {{"best", triage(change.at("bestTriage"))}, {"worst", triage(change.at("worstTriage"))}}) + "\n";
    if (change.contains("reassessInWeeks"))
      out += fillTemplate(label(ui_.at("reassessIn")), {{"weeks", weeks(change.at("reassessInWeeks"))}}) + "\n";
    if (change.contains("ifNotImprovingAt6Weeks"))
      out += fillTemplate(label(ui_.at("ifNotImproving")), {{"triage", triage(change.at("ifNotImprovingAt6Weeks"))}}) + "\n";
    if (change.contains("returnEarlyIf") && !change.at("returnEarlyIf").empty()) {
      out += label(ui_.at("returnEarlyTitle")) + "\n";
      for (const json& entry : change.at("returnEarlyIf"))
        out += "- " + shortName(entry.at("flag").get<std::string>()) + " — " + triage(entry.at("triageIfYes")) + "\n";
    }
    if (change.contains("injectionNotOffered")) {
      out += label(ui_.at("injectionAbsentTitle")) + "\n";
      for (const json& reason : change.at("injectionNotOffered"))
        out += "- " + label(ui_.at("injectionReason_" + reason.get<std::string>())) + "\n";
    }
    return out;
  }

  const Content& content_;
  const json& assessment_;
  const json& plan_;
  const json& words_;
  const json& ui_;
  std::string audience_;
};

}  // namespace

std::string clinicalNote(const json& assessment, const json& plan, const Content& content, const std::string& date,
                         const std::string& address) {
  return NoteWriter(assessment, plan, content).write(date, address);
}

}  // namespace radiculo
