// Counts the bytes the program has allocated with operator new, and the peak since a reset, so a
// test or a benchmark can say how much memory one call needed. Deterministic (no timing, no RSS):
// the same call allocates the same bytes every run. Link heap_counter.cpp into the executable:
// it replaces the global operator new and delete.
#pragma once

#include <cstddef>

namespace radiculo::test {

// Bytes allocated and not yet freed.
std::size_t heapInUse();

// The highest heapInUse() since the last resetHeapPeak().
std::size_t heapPeak();

// Starts a new peak at the current heapInUse().
void resetHeapPeak();

// The extra bytes `call` needed at its peak, above what was in use before it.
template <typename Call>
std::size_t peakHeapOf(Call&& call) {
  const std::size_t before = heapInUse();
  resetHeapPeak();
  call();
  return heapPeak() - before;
}

}  // namespace radiculo::test
