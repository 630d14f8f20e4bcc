// Replaces the global operator new and delete with versions that keep a byte count (see
// heap_counter.h). Every block carries its size in a header in front of it, so unsized deletes
// know what they free. nlohmann's values and std::string all allocate through here; only
// over-aligned allocations (none in the engine) bypass the count.
#include "heap_counter.h"

#include <atomic>
#include <cstdlib>
#include <new>

namespace {

std::atomic<std::size_t> inUse{0};
std::atomic<std::size_t> peak{0};

// Keeps the blocks aligned as malloc's are.
constexpr std::size_t kHeader = alignof(std::max_align_t);

void* allocate(std::size_t size) noexcept {
  auto* block = static_cast<unsigned char*>(std::malloc(size + kHeader));
  if (block == nullptr) return nullptr;
  *reinterpret_cast<std::size_t*>(block) = size;
  const std::size_t now = inUse.fetch_add(size) + size;
  for (std::size_t seen = peak.load(); now > seen && !peak.compare_exchange_weak(seen, now);) {
  }
  return block + kHeader;
}

void release(void* pointer) noexcept {
  if (pointer == nullptr) return;
  auto* block = static_cast<unsigned char*>(pointer) - kHeader;
  inUse.fetch_sub(*reinterpret_cast<std::size_t*>(block));
  std::free(block);
}

void* allocateOrThrow(std::size_t size) {
  if (void* pointer = allocate(size)) return pointer;
  throw std::bad_alloc();
}

}  // namespace

namespace radiculo::test {
std::size_t heapInUse() { return inUse.load(); }
std::size_t heapPeak() { return peak.load(); }
void resetHeapPeak() { peak.store(inUse.load()); }
}  // namespace radiculo::test

void* operator new(std::size_t size) { return allocateOrThrow(size); }
void* operator new[](std::size_t size) { return allocateOrThrow(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept { return allocate(size); }
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept { return allocate(size); }
void operator delete(void* pointer) noexcept { release(pointer); }
void operator delete[](void* pointer) noexcept { release(pointer); }
void operator delete(void* pointer, std::size_t) noexcept { release(pointer); }
void operator delete[](void* pointer, std::size_t) noexcept { release(pointer); }
void operator delete(void* pointer, const std::nothrow_t&) noexcept { release(pointer); }
void operator delete[](void* pointer, const std::nothrow_t&) noexcept { release(pointer); }
