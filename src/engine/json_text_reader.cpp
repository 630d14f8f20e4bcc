// Reads the assessment's JSON text through nlohmann's SAX interface: the parser hands over one
// token at a time, and this reader builds the object itself. That is what bounds the cost: a
// container nested too deep stops the parse at its first token (nlohmann's parse callback goes
// on delivering every token inside a container it was told to skip), a repeated key is found in
// the object being built (no second set of keys), the pointer of a value is at most two tokens
// long (no container is deeper than that), and each number comes with its literal text.
#include "json_text_reader.h"

#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "number_literal.h"

namespace radiculo {

std::string pointerToken(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

using nlohmann::json;

namespace {

// nlohmann's SAX interface (json::sax_parse); each event returns false to stop the parse.
class BoundedObjectReader {
 public:
  BoundedObjectReader(json& root, ErrorList& errors, int maxDepth) : root_(root), errors_(errors), maxDepth_(maxDepth) {}

  bool null() { return place(nullptr) != nullptr; }
  bool boolean(bool value) { return place(value) != nullptr; }
  // An integer's literal is its decimal form: JSON allows no leading zeros or plus sign.
  bool number_integer(json::number_integer_t value) { return number(value, std::to_string(value)); }
  bool number_unsigned(json::number_unsigned_t value) { return number(value, std::to_string(value)); }
  bool number_float(json::number_float_t value, const json::string_t& literal) { return number(value, literal); }
  bool string(json::string_t& value) { return place(std::move(value)) != nullptr; }
  bool binary(json::binary_t&) { return false; }  // never in JSON text
  bool start_object(std::size_t) { return open(json::value_t::object); }
  bool start_array(std::size_t) { return open(json::value_t::array); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }

  bool key(json::string_t& key) {
    Container& object = open_.back();
    // One look-up: the member is made here (null until its value comes) or found, if repeated.
    const auto [member, added] = object.value->get_ref<json::object_t&>().emplace(key, nullptr);
    if (!added) errors_.push_back({object.pointer + "/" + pointerToken(key), ErrorCode::duplicateKey});
    object.member = &member->second;
    object.key = std::move(key);
    return true;
  }

  bool parse_error(std::size_t byte, const std::string&, const json::exception& error) {
    // nlohmann's message names the line and column, in English: kept as the detail for
    // integrators; every language's message can name the byte. NaN, Infinity and 1e999 end here.
    std::string message = error.what();
    if (const auto end = message.find("] "); end != std::string::npos) message = message.substr(end + 2);
    errors_.push_back({"", ErrorCode::invalidJson, {{"byte", std::to_string(byte)}, {"detail", message}}});
    return false;
  }

 private:
  struct Container {
    json* value;
    std::string pointer;      // JSON Pointer of the container
    std::string key;          // an object's current key
    json* member = nullptr;   // and its member
  };

  // The pointer of the value the parser is at: its key in an object, its index in an array.
  std::string currentPointer() const {
    if (open_.empty()) return "";
    const Container& container = open_.back();
    return container.pointer + "/" +
           (container.value->is_object() ? pointerToken(container.key) : std::to_string(container.value->size()));
  }

  // Puts a value where the parser is: the root, the current key of the open object (the last
  // of a repeated key wins, as it does in nlohmann), or the end of the open array. Returns null
  // when the value cannot be read: the root must be an object.
  json* place(json value) {
    if (open_.empty()) {
      if (!value.is_object()) {
        errors_.push_back({"", ErrorCode::notObject});
        return nullptr;
      }
      root_ = std::move(value);
      return &root_;
    }
    json& parent = *open_.back().value;
    if (parent.is_array()) {
      parent.push_back(std::move(value));
      return &parent.back();
    }
    json& member = *open_.back().member;
    member = std::move(value);
    return &member;
  }

  bool number(json value, std::string_view literal) {
    if (const auto problem = inexactNumberProblem(literal, value.get<double>())) errors_.push_back({currentPointer(), *problem});
    return place(std::move(value)) != nullptr;
  }

  bool open(json::value_t type) {
    // Deeper than the contract goes: the input is invalid whatever the container holds, so
    // reading stops here, with one error.
    if (open_.size() > static_cast<std::size_t>(maxDepth_)) {
      errors_.push_back({currentPointer(), ErrorCode::tooDeep});
      return false;
    }
    std::string pointer = currentPointer();
    json* container = place(json(type));
    if (container == nullptr) return false;
    open_.push_back({container, std::move(pointer), {}, nullptr});
    return true;
  }

  bool close() {
    open_.pop_back();
    return true;
  }

  json& root_;
  ErrorList& errors_;
  int maxDepth_;
  std::vector<Container> open_;  // at most maxDepth_ + 1
};

}  // namespace

bool readJsonObject(std::string_view text, json& object, ErrorList& errors, int maxDepth) {
  // The cost of every check after this one is bounded by the text's size: nothing longer is read.
  if (text.size() > kMaxInputBytes) {
    errors.push_back({"", ErrorCode::tooLarge, {{"kib", std::to_string(kMaxInputBytes / 1024)}}});
    return false;
  }
  // nlohmann's lexer takes a NUL byte for the end of the input (for C strings), so `{...}\0{...}`
  // would read as its first object and ignore the rest. A raw NUL is never valid anywhere in JSON
  // text (outside strings it is no token or whitespace; inside, control characters must be
  // escaped), so one look for it before parsing is simpler and safer than any check after.
  if (const void* nul = text.empty() ? nullptr : std::memchr(text.data(), '\0', text.size())) {
    const auto at = static_cast<const char*>(nul) - text.data();
    errors.push_back({"", ErrorCode::nulByte, {{"byte", std::to_string(at + 1)}}});
    return false;
  }
  BoundedObjectReader reader(object, errors, maxDepth);
  // strict: after the object, only whitespace up to the end of the text.
  return json::sax_parse(text.begin(), text.end(), &reader, json::input_format_t::json, /*strict=*/true);
}

}  // namespace radiculo
