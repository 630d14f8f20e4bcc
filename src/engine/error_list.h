// The problems found in one input, in the order they are found. Every problem is counted, but only
// the first kMaxListedErrors are kept: 64 KiB of unknown or repeated keys would otherwise be
// thousands of errors and megabytes of output. One last error says how many more there
// were, so a list that was cut short says so.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "error_codes.h"

namespace radiculo {

inline constexpr std::size_t kMaxListedErrors = 100;

class ErrorList {
 public:
  // Named like std::vector's, so the readers that pushed onto a vector of errors read the same.
  void push_back(FieldError error) {
    if (listed_.size() < kMaxListedErrors) listed_.push_back(std::move(error));
    else ++unlisted_;
  }

  bool empty() const { return listed_.empty(); }

  // The listed errors, then one that counts the rest (if any were left out).
  std::vector<FieldError> take() && {
    if (unlisted_ > 0)
      listed_.push_back({"", ErrorCode::moreProblems,
                         {{"count", std::to_string(unlisted_)}, {"max", std::to_string(kMaxListedErrors)}}});
    return std::move(listed_);
  }

 private:
  std::vector<FieldError> listed_;
  std::size_t unlisted_ = 0;
};

}  // namespace radiculo
