// The bounds on what the engine reads, so that any input costs a bounded amount of work: a caller
// that reads an input (the CLI from a file) can stop one byte past kMaxInputBytes and still get
// the engine's own "too large" error.
#pragma once

#include <cstddef>

namespace radiculo {

inline constexpr std::size_t kMaxInputBytes = 64 * 1024;

// The deepest nesting the contract needs: the top object (depth 0) holds `redFlags`,
// `herniation` and `assessedFindings` (depth 1), whose members are plain values. Anything deeper is rejected.
inline constexpr int kMaxContainerDepth = 1;

}  // namespace radiculo
