// The words a person reads are the templates once filled, not the templates: a template that reads
// well can still read "say that you have: being 60 or over" once a phrase lands in it. This sweep
// fills every template with every value it can take (every combination of the priority findings,
// with and without older age and severe pain; every red flag alone, unanswered, and with each other
// flag; durations from none to ten years; care from none), in both languages and both wordings, and
// reads every text of each plan and of its clinical note for the faults filling makes: a
// placeholder left, a word said twice, "de de", "a el", "de el", "0 days", care not started as
// "less than a day" of care, a stray space before a
// stop, and on a Spanish surface, English words that Spanish text never holds.
#include <gtest/gtest.h>

#include <array>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "engine.h"
#include <nlohmann/json.hpp>

namespace radiculo {
namespace {

using nlohmann::json;

constexpr std::array<const char*, 17> kFlags{
    "saddleAnesthesia", "bladderBowelDysfunction", "bilateralLegWeakness", "bilateralSciatica",  "sexualDysfunction",
    "gaitDisturbance",  "cancerHistory",           "unexplainedWeightLoss", "nightPain",          "fever",
    "immunocompromised", "intravenousDrugUse",     "recentInfectionOrProcedure", "significantTrauma", "osteoporosis",
    "prolongedCorticosteroids", "progressiveNeuroDeficit"};
// The findings a priority plan lists ({priorityFindings}), older age apart.
constexpr std::array<const char*, 6> kPriorityFlags{"unexplainedWeightLoss", "nightPain", "immunocompromised",
                                                    "recentInfectionOrProcedure", "osteoporosis", "prolongedCorticosteroids"};

json allNo() {
  json flags;
  for (const char* flag : kFlags) flags[flag] = false;
  return flags;
}

json base(const std::string& language, const std::string& audience) {
  json a;
  a["language"] = language;
  a["audience"] = audience;
  a["ageYears"] = 42;
  a["priorLumbarSurgery"] = false;
  a["symptomWeeks"] = 3;
  a["painScore"] = 5;
  a["muscleSpasm"] = false;
  a["conservativeCareWeeks"] = 1;
  a["improving"] = false;
  a["redFlags"] = allNo();
  return a;
}

// Each string of a plan or a note that a person reads, with where it is. Identifiers (triage ids,
// flag keys, citations) and the references (their titles are in the language they were published
// in) are not words of this product.
void collect(const json& node, const std::string& where, std::vector<std::pair<std::string, std::string>>& out) {
  static const std::set<std::string> kNotWords{"references", "redFlagsPresent", "unanswered", "assessedFindings", "id",
                                               "kind", "triage", "flag", "flags", "key", "stance", "citations", "language",
                                               "audience", "engineVersion", "contentVersion", "when", "triageIfYes",
                                               "bestTriage", "worstTriage", "ifNotImprovingAt6Weeks", "injectionNotOffered",
                                               "change", "contentReviewed", "reviewStatus"};
  if (node.is_string()) {
    out.emplace_back(where, node.get<std::string>());
  } else if (node.is_object()) {
    for (const auto& [key, value] : node.items())
      if (kNotWords.count(key) == 0) collect(value, where + "/" + key, out);
  } else if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i) collect(node[i], where + "/" + std::to_string(i), out);
  }
}

// The faults a filled template can have; empty when the text is clean.
std::string faultOf(const std::string& text, const std::string& language) {
  static const std::regex placeholder(R"(\{[A-Za-z]+\})");
  // A word said twice in a row ("see see", "de de"), letters of either language.
  static const std::regex doubled(R"((^|[^A-Za-zÁÉÍÓÚÑÜáéíóúñü])([A-Za-zÁÉÍÓÚÑÜáéíóúñü]+) \2([^A-Za-zÁÉÍÓÚÑÜáéíóúñü]|$))",
                                  std::regex::icase);
  // Words said twice in a row, two or three at a time ("until ruled out until ruled out").
  static const std::regex doubledPhrase(
      R"((^|[^A-Za-zÁÉÍÓÚÑÜáéíóúñü])([A-Za-zÁÉÍÓÚÑÜáéíóúñü]+(?: [A-Za-zÁÉÍÓÚÑÜáéíóúñü]+){1,2}) \2([^A-Za-zÁÉÍÓÚÑÜáéíóúñü]|$))",
      std::regex::icase);
  static const std::regex zero(R"((^|[^0-9,.])0 (days|días|weeks|semanas)\b)");
  // Care not started is said in words, never as a duration of care ("simple care for less than a day").
  static const std::regex noCare(
      R"(care for less than a day|less than a day of conservative care|lleva menos de un día|menos de un día de tratamiento)");
  static const std::regex spaceBeforeStop(R"( [.,;:])");
  // Words that never occur in Spanish text: the English of a template left in, or an English phrase filled in.
  static const std::regex english(
      R"((^|[^A-Za-zÁÉÍÓÚÑÜáéíóúñü])(the|and|with|within|weeks|week|pain|see|your|you|days|should|not|or|if|when|have|said|yes|clinician|emergency|department)([^A-Za-zÁÉÍÓÚÑÜáéíóúñü]|$))",
      std::regex::icase);
  static const std::regex spanishContractions(R"((^|[^A-Za-zÁÉÍÓÚÑÜáéíóúñü])(a el|de el)([^A-Za-zÁÉÍÓÚÑÜáéíóúñü]|$))",
                                              std::regex::icase);
  std::smatch match;
  if (std::regex_search(text, match, placeholder)) return "a placeholder left: " + match.str(0);
  if (std::regex_search(text, match, doubled)) return "a word said twice: \"" + match.str(2) + " " + match.str(2) + "\"";
  if (std::regex_search(text, match, doubledPhrase)) return "words said twice: \"" + match.str(2) + " " + match.str(2) + "\"";
  if (std::regex_search(text, match, zero)) return "a zero duration: \"" + match.str(0) + "\"";
  if (std::regex_search(text, match, noCare)) return "care not started, as a duration: \"" + match.str(0) + "\"";
  if (std::regex_search(text, match, spaceBeforeStop)) return "a space before a stop: \"" + match.str(0) + "\"";
  if (text.find("..") != std::string::npos) return "two full stops";
  if (language == "es") {
    if (std::regex_search(text, match, spanishContractions)) return "\"" + match.str(2) + "\" (al, del)";
    if (std::regex_search(text, match, english)) return "an English word on a Spanish surface: \"" + match.str(2) + "\"";
  }
  return "";
}

struct Sweep {
  int plans = 0;
  int texts = 0;
  std::set<std::string> filledPriorityLines;  // the priority plans' headlines, to show the sweep reached them
  std::vector<std::string> faults;
  std::set<std::string> checked;

  void check(const json& assessment) {
    const std::string language = assessment.at("language").get<std::string>();
    const json plan = json::parse(evaluateJson(assessment.dump()));
    ASSERT_TRUE(plan.value("ok", false)) << assessment.dump() << "\n" << plan.dump();
    ++plans;
    if (plan.at("triage") == "priority") filledPriorityLines.insert(plan.at("headline").get<std::string>());
    std::vector<std::pair<std::string, std::string>> texts_;
    collect(plan, "plan", texts_);
    // The clinical note line by line (its lines recur from plan to plan), less its reference lines
    // ("[6] NG59: Low back pain ..."): their titles are in the language they were published in.
    const json note = json::parse(clinicalNoteJson(assessment.dump(), "2026-12-07", "https://example.org/radiculo/"));
    if (note.value("ok", false)) {
      std::istringstream lines(note.at("note").get<std::string>());
      for (std::string line; std::getline(lines, line);)
        if (!line.empty() && line[0] != '[') texts_.emplace_back("note", line);
    }
    for (const auto& [where, text] : texts_) {
      ++texts;
      if (!checked.insert(text).second) continue;  // the same words recur in most plans: read once
      const std::string fault = faultOf(text, language);
      if (!fault.empty() && faults.size() < 40)
        faults.push_back(language + "/" + assessment.at("audience").get<std::string>() + " " + where + ": " + fault + "\n    " +
                         text + "\n    from " + assessment.dump());
    }
  }
};

void sweepOne(Sweep& sweep, const std::string& language, const std::string& audience) {
  // Every combination of the priority findings, with and without older age and severe pain.
  for (unsigned mask = 0; mask < (1u << kPriorityFlags.size()); ++mask)
    for (int age : {42, 63})
      for (int pain : {5, 8}) {
        json a = base(language, audience);
        a["ageYears"] = age;
        a["painScore"] = pain;
        for (std::size_t i = 0; i < kPriorityFlags.size(); ++i)
          if ((mask & (1u << i)) != 0) a["redFlags"][kPriorityFlags[i]] = true;
        sweep.check(a);
      }
  // Every red flag yes or unanswered alone, and with every other flag yes or unanswered: every
  // emergency, check-now, same-day headline, and every list those fill.
  for (std::size_t i = 0; i < kFlags.size(); ++i)
    for (const json& first : {json(true), json(nullptr)}) {
      json a = base(language, audience);
      a["redFlags"][kFlags[i]] = first;
      sweep.check(a);
      for (std::size_t j = i + 1; j < kFlags.size(); ++j)
        for (const json& second : {json(true), json(nullptr)}) {
          json b = a;
          b["redFlags"][kFlags[j]] = second;
          sweep.check(b);
        }
    }
  // Durations from none to ten years, care from none, improving or not, for and against a
  // procedure, a contained herniation, an earlier MRI, spasm with severe pain, young and old.
  for (double weeks : {0.0, 0.1, 0.5, 1.0, 2.0, 3.0, 6.0, 7.0, 12.0, 12.2, 13.0, 20.0, 52.0, 104.0, 520.0})
    for (double care : {0.0, 0.5, 1.0, 6.0, 7.0})
      for (bool improving : {false, true})
        for (bool candidate : {false, true}) {
          if (care > weeks) continue;
          json a = base(language, audience);
          a["symptomWeeks"] = weeks;
          a["conservativeCareWeeks"] = care;
          a["improving"] = improving;
          a["procedureCandidate"] = candidate;
          a["priorMri"] = candidate;
          a["painScore"] = candidate ? 8 : 0;
          a["muscleSpasm"] = candidate;
          a["ageYears"] = improving ? 70 : 42;
          if (candidate) {
            a["herniation"]["contained"] = true;
            a["herniation"]["level"] = "L5-S1";
          }
          sweep.check(a);
        }
  // Out of scope (a child, an earlier operation), each with a flag pending; unanswered age and pain.
  for (const char* flag : {"fever", "unexplainedWeightLoss", "saddleAnesthesia"}) {
    json child = base(language, audience);
    child["ageYears"] = 16;
    child["redFlags"][flag] = nullptr;
    sweep.check(child);
    json operated = base(language, audience);
    operated["priorLumbarSurgery"] = true;
    operated["redFlags"][flag] = true;
    sweep.check(operated);
  }
  json unanswered = base(language, audience);
  unanswered.erase("ageYears");
  unanswered["redFlags"].erase("osteoporosis");
  unanswered["redFlags"]["prolongedCorticosteroids"] = nullptr;
  sweep.check(unanswered);
}

TEST(FilledWords, EveryTemplateFilledWithEveryValueReadsCleanlyInBothLanguagesAndWordings) {
  for (const std::string language : {"en", "es"})
    for (const std::string audience : {"patient", "clinician"}) {
      Sweep sweep;
      sweepOne(sweep, language, audience);
      // The sweep reached every combination of priority findings: 2^6 sets x older age x severe
      // pain, less the empty set without older age, each its own headline.
      EXPECT_GE(sweep.filledPriorityLines.size(), 2u * ((1u << kPriorityFlags.size()) * 2 - 1)) << language << "/" << audience;
      std::string report;
      for (const std::string& fault : sweep.faults) report += "\n  " + fault;
      EXPECT_TRUE(sweep.faults.empty()) << sweep.faults.size() << " fault(s) in " << sweep.checked.size() << " distinct texts ("
                                        << sweep.texts << " in all) of " << sweep.plans << " plans (" << language << ", "
                                        << audience << "):" << report;
    }
}

// The check itself finds what it is for: each fault in a text it must refuse, and a clean text passes.
TEST(FilledWords, TheCheckFindsEachFault) {
  EXPECT_NE(faultOf("Al pedir la cita, mencione: {priorityFindings}.", "es"), "");
  EXPECT_NE(faultOf("Vea a un médico en en 2 semanas.", "es"), "");
  EXPECT_NE(faultOf("Tiene dolor de de espalda.", "es"), "");
  EXPECT_NE(faultOf("Ningún tratamiento conservador hasta descartarlo hasta descartarlo.", "es"), "");
  EXPECT_NE(faultOf("Vaya a el hospital.", "es"), "");
  EXPECT_NE(faultOf("lleva 0 días con cuidados sencillos", "es"), "");
  EXPECT_NE(faultOf("You have had 0 days of care.", "en"), "");
  EXPECT_NE(faultOf("Tiene este episodio desde hace 3 días y lleva menos de un día con cuidados sencillos.", "es"), "");
  EXPECT_NE(faultOf("You have had this bout for 3 days, and simple care for less than a day.", "en"), "");
  EXPECT_EQ(faultOf("Tiene este episodio desde hace menos de un día y todavía no ha empezado los cuidados sencillos.", "es"), "");
  EXPECT_NE(faultOf("Vea a un médico within 2 weeks.", "es"), "");
  EXPECT_NE(faultOf("Plan actualizado: Urgente .", "es"), "");
  EXPECT_EQ(faultOf("Vea a un médico antes de 2 semanas. Al pedir la cita, mencione: su edad (60 años o más).", "es"), "");
  EXPECT_EQ(faultOf("Episodio de 10 días, con 1,5 semanas de tratamiento conservador.", "es"), "");
}

}  // namespace
}  // namespace radiculo
