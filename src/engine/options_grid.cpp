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

namespace {

// The parts of the comparison, each worded from the language's `options` for one audience.
struct GridWords {
  const json& grid;
  const json& words;
  const json& units;
  const std::string& audience;

  json columns() const {
    json columns = json::array();
    for (const json& id : grid.at("columns")) {
      json column;
      column["id"] = id;
      column["label"] = audienceWords(words.at("columns").at(id.get<std::string>()), audience);
      columns.push_back(std::move(column));
    }
    return columns;
  }

  json cell(const std::string& rowId, const std::string& column, const json& cell) const {
    json worded;
    worded["column"] = column;
    worded["text"] = fillTemplate(audienceWords(words.at("cells").at(rowId).at(column), audience), wordedNumbers(cell, units));
    worded["citations"] = cell.at("citations");
    if (cell.value("gap", false)) worded["gap"] = true;
    if (cell.contains("certainty")) {
      worded["certainty"] = cell.at("certainty");
      worded["certaintyLabel"] = audienceWords(words.at("certainty").at(cell.at("certainty").get<std::string>()), audience);
    }
    return worded;
  }

  json rows() const {
    json rows = json::array();
    for (const json& row : grid.at("rows")) {
      const std::string rowId = row.at("id").get<std::string>();
      json entry;
      entry["id"] = rowId;
      entry["label"] = audienceWords(words.at("rows").at(rowId), audience);
      json cells = json::array();
      for (const json& columnId : grid.at("columns")) {
        const std::string column = columnId.get<std::string>();
        cells.push_back(cell(rowId, column, row.at("cells").at(column)));
      }
      entry["cells"] = std::move(cells);
      rows.push_back(std::move(entry));
    }
    return rows;
  }

  json referralCriteria() const {
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
    return criteria;
  }

  json preference() const {
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
    return preference;
  }

  // "Options: a, b and c": the columns' labels as a list in the language.
  std::string noteLine(const json& columns) const {
    std::vector<std::string> labels;
    for (const json& column : columns) labels.push_back(column.at("label").get<std::string>());
    return fillTemplate(audienceWords(words.at("noteLine"), audience),
                        {{"options", joinList(labels, units.at("listSeparator").get<std::string>(),
                                              units.at("listLastSeparator").get<std::string>())}});
  }
};

}  // namespace

json optionsGrid(const Content& content, const std::string& language, const std::string& audience) {
  const json& words = content.languages.at(language).at("options");
  const GridWords worded{content.rules.at("options"), words, content.languages.at(language).at("units"), audience};
  json out;
  out["title"] = audienceWords(words.at("title"), audience);
  out["frame"] = audienceWords(words.at("frame"), audience);
  out["frameCitations"] = worded.grid.at("frameCitations");
  json notAChoice;
  notAChoice["text"] = audienceWords(words.at("notAChoice"), audience);
  notAChoice["citations"] = worded.grid.at("notAChoiceCitations");
  out["notAChoice"] = std::move(notAChoice);
  out["columns"] = worded.columns();
  out["rows"] = worded.rows();
  // The referral criteria sit beside the grid for clinicians; a patient's plan says "referral" in its lines.
  if (audience == "clinician") out["referralCriteria"] = worded.referralCriteria();
  out["preference"] = worded.preference();
  out["citations"] = optionsGridCitations(content);
  out["noteLine"] = worded.noteLine(out["columns"]);
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

namespace {

// The comparison's self-check, one kind of thing a step; run() calls them in order (the order of
// the problems said).
class OptionsGridCheck {
 public:
  OptionsGridCheck(const Content& content, std::vector<std::string>& problems)
      : content_(content), grid_(content.rules.at("options")), problems_(problems) {
    for (const json& reference : content.rules.at("references")) listed_.insert(reference.at("number").get<int>());
  }

  void run() {
    shownIn();
    cites(grid_.at("frameCitations"), "options frame");
    cites(grid_.at("notAChoiceCitations"), "options notAChoice");
    for (const auto& [code, language] : content_.languages) wordsOf(code, language);
  }

 private:
  void problem(const std::string& what) { problems_.push_back(what); }

  void cites(const json& citations, const std::string& where, bool gap = false) {
    if (!citations.is_array()) return problem(where + " has no citation list");
    if (gap && !citations.empty()) problem(where + " is marked as having no figure, yet cites references");
    if (!gap && citations.empty()) problem(where + " cites no reference");
    for (const json& number : citations)
      if (!number.is_number_integer() || listed_.count(number.get<int>()) == 0)
        problem(where + " cites reference " + number.dump() + ", which is not listed");
  }

  void shownIn() {
    for (const json& place : grid_.at("shownIn")) {
      bool known = false;
      const Triage triage = triageNamed(place.at("triage").get<std::string>(), known);
      if (!known) problem("options.shownIn names " + place.at("triage").dump() + ", which is not a triage");
      else if (!noRedFlagDecides(triage))
        problem("options.shownIn names " + place.at("triage").dump() + ", a rung a red flag decides");
      if (!isKnownCondition(place.at("when").get<std::string>()))
        problem("options.shownIn has unknown condition " + place.at("when").dump());
    }
  }

  // Every wording of a text with numbers: only its own numbers as placeholders, each of them used
  // in the language (by one audience's wording at least), so a number is written once, in rules.json.
  void numbersUsed(const json& numbersOf, const std::vector<std::string>& texts, const std::string& where) {
    std::set<std::string> own, used;
    if (numbersOf.contains("numbers"))
      for (const auto& [name, value] : numbersOf.at("numbers").items()) {
        own.insert(name);
        if (!value.is_number()) problem(where + " number " + name + " is not a number");
      }
    for (const std::string& text : texts)
      for (const std::string& name : templateNames(text)) {
        used.insert(name);
        if (own.count(name) == 0) problem(where + " uses {" + name + "}, which is not one of its numbers");
      }
    for (const std::string& name : own)
      if (used.count(name) == 0) problem(where + " never uses its number " + name);
  }

  // A non-empty string at `at`, kept in `into`.
  void text(const json& words, const std::string& at, const std::string& where, std::vector<std::string>& into) {
    const json::json_pointer pointer(at);
    if (!words.contains(pointer) || !words.at(pointer).is_string() || words.at(pointer).get<std::string>().empty())
      return problem(where + " is missing or empty");
    into.push_back(words.at(pointer).get<std::string>());
  }

  // A text worded for both audiences, each at `at` + "/" + audience.
  void inAudiences(const json& words, const std::string& at, const std::string& where, std::vector<std::string>& into) {
    for (const char* audience : {"clinician", "patient"}) text(words, at + "/" + audience, where, into);
  }

  void wordsOf(const std::string& code, const json& language) {
    const std::string where = "lang/" + code + ".json/options";
    if (!language.contains("options")) return problem(where + " is missing");
    // The numbers and citations are the same in every language: checked with the first.
    const bool first = code == content_.languages.begin()->first;
    std::vector<std::string> ignored;
    for (const char* part : {"title", "frame", "notAChoice", "noteLine", "preference/question", "preference/help"})
      for (const char* audience : {"clinician", "patient"})
        text(language, "/options/" + std::string(part) + "/" + audience, where + "/" + part + "/" + audience, ignored);
    for (const json& column : grid_.at("columns")) {
      const std::string part = "/columns/" + column.get<std::string>();
      inAudiences(language, "/options" + part, where + part, ignored);
    }
    for (const json& id : grid_.at("preferences")) {
      const std::string part = "/preference/choices/" + id.get<std::string>();
      inAudiences(language, "/options" + part, where + part, ignored);
    }
    for (const json& row : grid_.at("rows")) rowWords(language, where, row, first);
    for (const char* certainty : kCertainties)
      inAudiences(language, "/options/certainty/" + std::string(certainty), where + "/certainty/" + certainty, ignored);
    text(language, "/options/referralTitle", where + "/referralTitle", ignored);
    for (const json& criterion : grid_.at("referralCriteria")) {
      const std::string id = criterion.at("id").get<std::string>();
      if (first) cites(criterion.at("citations"), "options referral criterion " + id);
      std::vector<std::string> texts;
      text(language, "/options/referralCriteria/" + id, where + "/referralCriteria/" + id, texts);
      numbersUsed(criterion, texts, where + "/referralCriteria/" + id);
    }
  }

  // A row's label, then each of its cells: present, citing, graded with a known word, worded.
  void rowWords(const json& language, const std::string& where, const json& row, bool first) {
    const std::string rowId = row.at("id").get<std::string>();
    std::vector<std::string> ignored;
    inAudiences(language, "/options/rows/" + rowId, where + "/rows/" + rowId, ignored);
    for (const json& column : grid_.at("columns")) {
      const std::string columnId = column.get<std::string>();
      const std::string cellWhere = "options cell " + rowId + "/" + columnId;
      if (!row.at("cells").contains(columnId)) {
        problem(cellWhere + " is missing");
        continue;
      }
      const json& cell = row.at("cells").at(columnId);
      if (first) {
        cites(cell.at("citations"), cellWhere, cell.value("gap", false));
        if (cell.contains("certainty") && !knownCertainty(cell.at("certainty").get<std::string>()))
          problem(cellWhere + " has unknown certainty " + cell.at("certainty").dump());
      }
      std::vector<std::string> texts;
      const std::string cellPath = "/cells/" + rowId + "/" + columnId;
      inAudiences(language, "/options" + cellPath, where + cellPath, texts);
      numbersUsed(cell, texts, where + cellPath);
    }
  }

  const Content& content_;
  const json& grid_;
  std::vector<std::string>& problems_;
  std::set<int> listed_;
};

}  // namespace

void checkOptionsGrid(const Content& content, std::vector<std::string>& problems) {
  if (!content.rules.contains("options")) {
    problems.push_back("rules.json has no options");
    return;
  }
  OptionsGridCheck(content, problems).run();
}

}  // namespace radiculo
