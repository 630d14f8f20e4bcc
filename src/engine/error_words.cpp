#include "error_words.h"

#include <map>

#include "text.h"

namespace radiculo {

using nlohmann::json;

std::string errorMessage(const FieldError& error, const Content& content, const std::string& language,
                         std::string_view audience) {
  const json& words = content.languages.at(content.languages.count(language) ? language : kDefaultLanguage);
  std::map<std::string, std::string> values;
  for (const auto& [name, value] : error.params) {
    values[name] = value;
    // A question's key ("symptomWeeks") or the olderAge finding, worded for the person.
    if (words.at("questions").contains(value))
      values[name + "Label"] = words.at("questions").at(value).at(std::string(audience)).at("short").get<std::string>();
    else if (words.at("phrases").contains(value))
      values[name + "Label"] = words.at("phrases").at(value).at(std::string(audience)).get<std::string>();
  }
  // A message is one for both wordings, or one per wording where a patient needs other words
  // ("warning sign", not "red flag").
  const json& message = words.at("errors").at(std::string(errorCodeName(error.code)));
  return fillTemplate((message.is_object() ? message.at(std::string(audience)) : message).get<std::string>(), values);
}

json errorsJson(const std::vector<FieldError>& errors, const Content& content, const std::string& language,
                std::string_view audience) {
  json list = json::array();
  for (const FieldError& error : errors) {
    json entry;
    entry["field"] = error.field;
    entry["code"] = errorCodeName(error.code);
    json params = json::object();
    for (const auto& [name, value] : error.params) params[name] = value;
    entry["params"] = params;
    entry["message"] = errorMessage(error, content, language, audience);
    list.push_back(std::move(entry));
  }
  json result;
  result["ok"] = false;
  result["language"] = content.languages.count(language) ? language : std::string(kDefaultLanguage);
  result["audience"] = audience;
  result["errors"] = list;
  return result;
}

}  // namespace radiculo
