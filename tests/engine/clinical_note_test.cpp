// The note for the clinical record (clinical_note.cpp), as a record system receives it.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "engine.h"

namespace radiculo {
namespace {

using nlohmann::json;

std::string noteOf(const std::string& input, const std::string& address = "") {
  const json result = json::parse(clinicalNoteJson(input, "2026-12-01", address));
  EXPECT_TRUE(result.at("ok").get<bool>()) << result.dump();
  return result.value("note", "");
}

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t found = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++found;
  return found;
}

TEST(ClinicalNote, NamesTheTriageOnce) {
  const std::string emergency = noteOf(R"({"redFlags": {"saddleAnesthesia": true}})");
  EXPECT_EQ(count(emergency, "Emergency:"), 1u) << emergency.substr(0, 300);
  const std::string checkNow = noteOf(R"({"ageYears": 45, "symptomWeeks": 3, "painScore": 5, "redFlags": {"saddleAnesthesia": null}})");
  EXPECT_EQ(count(checkNow.substr(0, checkNow.find("\n\n", checkNow.find("\n\n") + 2)), "Check now"), 1u) << checkNow.substr(0, 300);
}

TEST(ClinicalNote, SaysTheAgeWasNotAnswered) {
  EXPECT_NE(noteOf(R"({"symptomWeeks": 3, "painScore": 5, "redFlags": {}})").find("- Age: not answered\n"), std::string::npos);
  EXPECT_EQ(noteOf(R"({"ageYears": 45, "symptomWeeks": 3, "painScore": 5, "redFlags": {}})").find("Age: not answered"), std::string::npos);
}

TEST(ClinicalNote, ShowsDurationsExactly) {
  // 1.5 weeks is 10.5 days: not "11 days".
  const std::string half = noteOf(R"({"ageYears": 45, "symptomWeeks": 1.5, "painScore": 5, "redFlags": {}})");
  EXPECT_NE(half.find(": 1.5 weeks\n"), std::string::npos);
  EXPECT_EQ(half.find("11 days"), std::string::npos);
  // A whole number of days stays in days (10 days, as the page sends it: 10/7 weeks).
  const std::string ten = noteOf(R"({"ageYears": 45, "symptomWeeks": 1.4285714285714286, "painScore": 5, "redFlags": {}})");
  EXPECT_NE(ten.find(": 10 days\n"), std::string::npos);
}

TEST(ClinicalNote, ItsOwnSeparatorsAreAsciiHyphens) {
  const std::string note = noteOf(R"({"ageYears": 45, "symptomWeeks": 3, "painScore": 5})", "https://radiculo.example.org/aid/");
  EXPECT_EQ(note.rfind("Radiculo plan - Date: 2026-12-01\n", 0), 0u) << note.substr(0, 80);
  EXPECT_NE(note.find(" - Made with Radiculo: https://radiculo.example.org/aid/\n"), std::string::npos);
  EXPECT_EQ(note.find(" \xE2\x80\x94 "), std::string::npos) << "no em dash as a separator";
}

}  // namespace
}  // namespace radiculo
