// The items of Radiculo's Questionnaire, as one tree made from the contract's own tables: the red
// flags by group (content/rules.json redFlagGroups, checked against kRedFlags), then every other
// field of kInputFields (herniation as its two parts), then the assessed findings. The
// Questionnaire writer renders the tree, the response writer mirrors it and the reader looks every
// linkId up in it, so a field added to the contract is asked, written and read with no FHIR edit.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "assessment.h"
#include "input_fields.h"

namespace radiculo::fhir {

enum class ItemKind {
  group,
  redFlag,    // choice: yes / no / not sure
  boolean,
  integer,    // a whole number in the field's range
  duration,   // a number of weeks, asked as a quantity in days or weeks
  level,      // choice: the herniation levels
  finding,    // boolean: this priority finding was assessed, no serious cause found
  // Only in the 2.0.0 item set:
  weeks,      // a decimal number of weeks
  findings,   // choice, repeating: the assessed findings
};

// Where an item's words are (content/lang and content/ui).
enum class WordsAt {
  uiLabel,    // content/ui <key> (per audience where it has both)
  flagGroup,  // content/lang groups/<key>
  question,   // content/lang questions/<key> (text, help)
  phrase,     // content/lang phrases/<key>
};

struct Item {
  std::string linkId;
  ItemKind kind = ItemKind::group;
  WordsAt wordsAt = WordsAt::uiLabel;
  std::string wordsKey;
  // Where its answer goes in the assessment: a field and, inside it, a member ("redFlags" /
  // "fever", "ageYears" / "", "herniation" / "level"; a finding item: "assessedFindings" / the
  // finding). Groups have none.
  std::string field;
  std::string member;
  // The same as a JSON pointer ("/redFlags/fever"), as the parser names an error's field.
  std::string target() const { return field.empty() ? std::string() : "/" + field + (member.empty() ? "" : "/" + member); }
  const InputField* row = nullptr;  // integer, duration, weeks: the field's row, with its range
  // A finding item is shown only when its red flag is answered yes, or the age is 60 or over.
  std::string enabledByFlag;  // the red flag's linkId
  bool enabledByOlderAge = false;
  std::vector<Item> items;  // a group's items
};

enum class ItemSet {
  current,  // this version's
  saved200, // the one files saved by Radiculo 2.0.0 answer
};

// The items, in order. The patient's current set leaves out the clinician-only findings.
std::vector<Item> itemTree(ItemSet set, Audience audience);

// Every item of a tree by linkId (groups too), for the reader.
std::map<std::string, const Item*> itemsByLinkId(const std::vector<Item>& tree);

// The help text of an item is a display item with this linkId.
inline std::string helpLinkId(const std::string& linkId) { return linkId + ".help"; }

// The current item set's fingerprint: six base-36 characters over every item's linkId, kind,
// nesting, answer codes and units (not its words, nor the canonical base). The Questionnaire's
// version is "<content version>+<fingerprint>"; a response naming another fingerprint answered
// other questions and is refused, as a take-home code made for other fields is.
std::string itemSetFingerprint();
std::string questionnaireVersion();

// The Questionnaire for one wording and language: its id and canonical url (under the build's base).
std::string questionnaireId(Audience audience, const std::string& language);
std::string questionnaireUrl(Audience audience, const std::string& language);

// What a response's `questionnaire` names: which item set, and the wording and language of the
// Questionnaire when it names one of this version's.
struct NamedQuestionnaire {
  ItemSet set = ItemSet::current;
  std::optional<Audience> audience;
  std::string language;
  std::string version;  // "" when it names none
};
// The questionnaire a canonical names, or nothing when it is not one of Radiculo's. Whether its
// version may be read is the reader's to decide (readableVersion).
std::optional<NamedQuestionnaire> namedQuestionnaire(const std::string& canonical, const std::vector<std::string>& languages);
// A version whose items are the ones this engine reads: none given (form fillers such as LHC-Forms
// drop it), this item set's fingerprint, or 2.0.0 for the 2.0.0 questionnaire.
bool readableVersion(const NamedQuestionnaire& named);

}  // namespace radiculo::fhir
