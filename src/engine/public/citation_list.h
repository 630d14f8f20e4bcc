// How a plan's reference numbers are written in a text layout of the plan ("[1, 4]"): the same in
// the note for the record (clinical_note.cpp) and the CLI's --text report, so the two never differ.
#pragma once

#include <string>
#include <vector>

namespace radiculo {

inline std::string citationList(const std::vector<int>& numbers) {
  std::string out = "[";
  for (std::size_t i = 0; i < numbers.size(); ++i) out += (i ? ", " : "") + std::to_string(numbers[i]);
  return out + "]";
}

}  // namespace radiculo
