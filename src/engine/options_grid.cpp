// The options comparison: the plan writer places it, the note names it, the page renders it. It
// decides nothing: which plans show it is content (`options.shownIn`) on the rungs pathway.h allows.
#include "options_grid.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string_view>

#include "text.h"

namespace radiculo {

using nlohmann::json;

namespace {

inline constexpr std::array<const char*, 3> kCertainties{"moderate", "lowToVeryLow", "veryLow"};

bool knownCertainty(const std::string& word) {
  return std::any_of(kCertainties.begin(), kCertainties.end(), [&](const char* known) { return word == known; });
}

Triage triageNamed(const std::string& id, bool& known) {
  for (const TriageInfo& info : kTriages)
    if (id == info.id) {
      known = true;
      return info.triage;
    }
  known = false;
  return Triage::emergency;
}

// A cell's numbers as its words show them: at most two decimals, the language's decimal mark.
std::map<std::string, std::string> wordedNumbers(const json& cell, const json& units) {
  std::map<std::string, std::string> values;
  if (!cell.contains("numbers")) return values;
  for (const auto& [name, value] : cell.at("numbers").items()) {
    std::string number = formatNumber(value.get<double>());
    if (const auto point = number.find('.'); point != std::string::npos)
      number.replace(point, 1, units.at("decimalSeparator").get<std::string>());
    values[name] = number;
  }
  return values;
}

std::string audienceWords(const json& value, const std::string& audience) {
  return value.is_object() ? value.at(audience).get<std::string>() : value.get<std::string>();
}

}  // namespace

bool showsOptionsGrid(const Assessment& assessment, Triage triage, const Content& content) {
  if (!noRedFlagDecides(triage) || !content.rules.contains("options")) return false;
  for (const json& place : content.rules.at("options").at("shownIn")) {
    if (place.at("triage") != triageId(triage)) continue;
    const ConditionPredicate holds = conditionPredicate(place.at("when").get<std::string>());
    if (holds != nullptr && holds(assessment)) return true;
  }
  return false;
}

json optionsGrid(const Content& content, const std::string& language, const std::string& audience) {
  const json& grid = content.rules.at("options");
  const json& words = content.languages.at(language).at("options");
  const json& units = content.languages.at(language).at("units");
  json out;
  out["title"] = audienceWords(words.at("title"), audience);
  out["frame"] = audienceWords(words.at("frame"), audience);
  out["frameCitations"] = grid.at("frameCitations");
  json notAChoice;
  notAChoice["text"] = audienceWords(words.at("notAChoice"), audience);
  notAChoice["citations"] = grid.at("notAChoiceCitations");
  out["notAChoice"] = std::move(notAChoice);
  json columns = json::array();
  std::vector<std::string> columnLabels;
  for (const json& id : grid.at("columns")) {
    json column;
    column["id"] = id;
    column["label"] = audienceWords(words.at("columns").at(id.get<std::string>()), audience);
    columnLabels.push_back(column["label"].get<std::string>());
    columns.push_back(std::move(column));
  }
  out["columns"] = std::move(columns);
  json rows = json::array();
  for (const json& row : grid.at("rows")) {
    const std::string rowId = row.at("id").get<std::string>();
    json entry;
    entry["id"] = rowId;
    entry["label"] = audienceWords(words.at("rows").at(rowId), audience);
    json cells = json::array();
    for (const json& columnId : grid.at("columns")) {
      const std::string column = columnId.get<std::string>();
      const json& cell = row.at("cells").at(column);
      json worded;
      worded["column"] = column;
      worded["text"] = fillTemplate(audienceWords(words.at("cells").at(rowId).at(column), audience), wordedNumbers(cell, units));
      worded["citations"] = cell.at("citations");
      if (cell.value("gap", false)) worded["gap"] = true;
      if (cell.contains("certainty")) {
        worded["certainty"] = cell.at("certainty");
        worded["certaintyLabel"] = audienceWords(words.at("certainty").at(cell.at("certainty").get<std::string>()), audience);
      }
      cells.push_back(std::move(worded));
    }
    entry["cells"] = std::move(cells);
    rows.push_back(std::move(entry));
  }
  out["rows"] = std::move(rows);
  // The referral criteria sit beside the grid for clinicians; a patient's plan says "referral" in its lines.
  if (audience == "clinician") {
    json criteria;
    criteria["title"] = words.at("referralTitle");
    json items = json::array();
    for (const json& criterion : grid.at("referralCriteria")) {
      json item;
      item["id"] = criterion.at("id");
      item["text"] = fillTemplate(words.at("referralCriteria").at(criterion.at("id").get<std::string>()).get<std::string>(),
                                  wordedNumbers(criterion, units));
      item["citations"] = criterion.at("citations");
      items.push_back(std::move(item));
    }
    criteria["items"] = std::move(items);
    out["referralCriteria"] = std::move(criteria);
  }
  json preference;
  preference["question"] = audienceWords(words.at("preference").at("question"), audience);
  preference["help"] = audienceWords(words.at("preference").at("help"), audience);
  json choices = json::array();
  for (const json& id : grid.at("preferences")) {
    json choice;
    choice["id"] = id;
    choice["label"] = audienceWords(words.at("preference").at("choices").at(id.get<std::string>()), audience);
    choices.push_back(std::move(choice));
  }
  preference["choices"] = std::move(choices);
  out["preference"] = std::move(preference);
  out["citations"] = optionsGridCitations(content);
  out["noteLine"] = fillTemplate(audienceWords(words.at("noteLine"), audience),
                                 {{"options", joinList(columnLabels, units.at("listSeparator").get<std::string>(),
                                                       units.at("listLastSeparator").get<std::string>())}});
  return out;
}

std::vector<int> optionsGridCitations(const Content& content) {
  std::set<int> cited;
  if (!content.rules.contains("options")) return {};
  const json& grid = content.rules.at("options");
  const auto add = [&](const json& numbers) {
    for (const json& number : numbers) cited.insert(number.get<int>());
  };
  add(grid.at("frameCitations"));
  add(grid.at("notAChoiceCitations"));
  for (const json& row : grid.at("rows"))
    for (const auto& [column, cell] : row.at("cells").items()) {
      (void)column;
      add(cell.at("citations"));
    }
  for (const json& criterion : grid.at("referralCriteria")) add(criterion.at("citations"));
  return {cited.begin(), cited.end()};
}

void checkOptionsGrid(const Content& content, std::vector<std::string>& problems) {
  const json& rules = content.rules;
  if (!rules.contains("options")) {
    problems.push_back("rules.json has no options");
    return;
  }
  const json& grid = rules.at("options");
  std::set<int> listed;
  for (const json& reference : rules.at("references")) listed.insert(reference.at("number").get<int>());
  const auto cites = [&](const json& citations, const std::string& where, bool gap = false) {
    if (!citations.is_array()) return problems.push_back(where + " has no citation list");
    if (gap && !citations.empty()) problems.push_back(where + " is marked as having no figure, yet cites references");
    if (!gap && citations.empty()) problems.push_back(where + " cites no reference");
    for (const json& number : citations)
      if (!number.is_number_integer() || listed.count(number.get<int>()) == 0)
        problems.push_back(where + " cites reference " + number.dump() + ", which is not listed");
  };
  for (const json& place : grid.at("shownIn")) {
    bool known = false;
    const Triage triage = triageNamed(place.at("triage").get<std::string>(), known);
    if (!known) problems.push_back("options.shownIn names " + place.at("triage").dump() + ", which is not a triage");
    else if (!noRedFlagDecides(triage))
      problems.push_back("options.shownIn names " + place.at("triage").dump() + ", a rung a red flag decides");
    if (!isKnownCondition(place.at("when").get<std::string>()))
      problems.push_back("options.shownIn has unknown condition " + place.at("when").dump());
  }
  cites(grid.at("frameCitations"), "options frame");
  cites(grid.at("notAChoiceCitations"), "options notAChoice");

  // Every wording of a text with numbers: only its own numbers as placeholders, each of them used
  // in the language (by one audience's wording at least), so a number is written once, in rules.json.
  const auto numbersUsed = [&](const json& numbersOf, const std::vector<std::string>& texts, const std::string& where) {
    std::set<std::string> own, used;
    if (numbersOf.contains("numbers"))
      for (const auto& [name, value] : numbersOf.at("numbers").items()) {
        own.insert(name);
        if (!value.is_number()) problems.push_back(where + " number " + name + " is not a number");
      }
    for (const std::string& text : texts)
      for (const std::string& name : templateNames(text)) {
        used.insert(name);
        if (own.count(name) == 0) problems.push_back(where + " uses {" + name + "}, which is not one of its numbers");
      }
    for (const std::string& name : own)
      if (used.count(name) == 0) problems.push_back(where + " never uses its number " + name);
  };
  const auto text = [&](const json& words, const json::json_pointer& at, const std::string& where, std::vector<std::string>& into) {
    if (!words.contains(at) || !words.at(at).is_string() || words.at(at).get<std::string>().empty())
      return problems.push_back(where + " is missing or empty");
    into.push_back(words.at(at).get<std::string>());
  };
  for (const auto& [code, language] : content.languages) {
    const std::string where = "lang/" + code + ".json/options";
    if (!language.contains("options")) {
      problems.push_back(where + " is missing");
      continue;
    }
    std::vector<std::string> ignored;
    for (const char* part : {"title", "frame", "notAChoice", "noteLine", "preference/question", "preference/help"})
      for (const char* audience : {"clinician", "patient"})
        text(language, json::json_pointer("/options/" + std::string(part) + "/" + audience), where + "/" + part + "/" + audience, ignored);
    for (const json& column : grid.at("columns"))
      for (const char* audience : {"clinician", "patient"})
        text(language, json::json_pointer("/options/columns/" + column.get<std::string>() + "/" + audience),
             where + "/columns/" + column.get<std::string>(), ignored);
    for (const json& id : grid.at("preferences"))
      for (const char* audience : {"clinician", "patient"})
        text(language, json::json_pointer("/options/preference/choices/" + id.get<std::string>() + "/" + audience),
             where + "/preference/choices/" + id.get<std::string>(), ignored);
    for (const json& row : grid.at("rows")) {
      const std::string rowId = row.at("id").get<std::string>();
      for (const char* audience : {"clinician", "patient"})
        text(language, json::json_pointer("/options/rows/" + rowId + "/" + audience), where + "/rows/" + rowId, ignored);
      for (const json& column : grid.at("columns")) {
        const std::string columnId = column.get<std::string>();
        const std::string cellWhere = "options cell " + rowId + "/" + columnId;
        if (!row.at("cells").contains(columnId)) {
          problems.push_back(cellWhere + " is missing");
          continue;
        }
        const json& cell = row.at("cells").at(columnId);
        if (code == content.languages.begin()->first) {
          cites(cell.at("citations"), cellWhere, cell.value("gap", false));
          if (cell.contains("certainty") && !knownCertainty(cell.at("certainty").get<std::string>()))
            problems.push_back(cellWhere + " has unknown certainty " + cell.at("certainty").dump());
        }
        std::vector<std::string> texts;
        for (const char* audience : {"clinician", "patient"})
          text(language, json::json_pointer("/options/cells/" + rowId + "/" + columnId + "/" + audience), where + "/cells/" + rowId + "/" + columnId, texts);
        numbersUsed(cell, texts, where + "/cells/" + rowId + "/" + columnId);
      }
    }
    for (const char* certainty : kCertainties)
      for (const char* audience : {"clinician", "patient"})
        text(language, json::json_pointer("/options/certainty/" + std::string(certainty) + "/" + audience), where + "/certainty/" + certainty, ignored);
    text(language, json::json_pointer("/options/referralTitle"), where + "/referralTitle", ignored);
    for (const json& criterion : grid.at("referralCriteria")) {
      const std::string id = criterion.at("id").get<std::string>();
      if (code == content.languages.begin()->first) cites(criterion.at("citations"), "options referral criterion " + id);
      std::vector<std::string> texts;
      text(language, json::json_pointer("/options/referralCriteria/" + id), where + "/referralCriteria/" + id, texts);
      numbersUsed(criterion, texts, where + "/referralCriteria/" + id);
    }
  }
}

}  // namespace radiculo
