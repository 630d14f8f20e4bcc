// How much heap one evaluation needs in the WebAssembly module, without a malloc counter in the
// shipped build: in a fresh module, a block allocated right at the top of the heap leaves exactly
// `headroom` bytes free above it, then the input is evaluated; if it needed more, linear memory
// had to grow, and memory never shrinks, so that shows. (Checked: with 2 MiB left, a 2 MiB - 4 KiB
// block fits and a 2 MiB + 4 KiB one grows memory.) Small free blocks left lower in the heap by
// the module's start-up count as headroom too, so "did not grow" means "needed at most the
// headroom plus those".
import { loadEngine } from './load-engine.mjs';

function memoryOf(engine) {
  return Object.values(engine.asm).find((value) => value instanceof WebAssembly.Memory);
}

// {output, grew, memoryBytes}: the evaluation's output, whether memory had to grow, and its size after.
export async function evaluateWithHeadroom(input, headroom) {
  const engine = await loadEngine();
  engine.evaluate('{}'); // the content is parsed on first use and kept: not the input's cost
  const memory = memoryOf(engine);
  const top = engine._malloc(4 << 20); // where a large block lands: the top of the heap
  engine._free(top);
  const size = memory.buffer.byteLength;
  const filler = engine._malloc(size - top - headroom);
  if (filler !== top || memory.buffer.byteLength !== size) throw new Error('the heap top moved: cannot measure');
  const output = engine.evaluate(input);
  return { output, grew: memory.buffer.byteLength !== size, memoryBytes: memory.buffer.byteLength };
}

// The least headroom (to `resolution` bytes) with which `input` evaluates without growing memory.
export async function peakHeap(input, { resolution = 16 << 10, most = 8 << 20 } = {}) {
  if ((await evaluateWithHeadroom(input, most)).grew) return Infinity;
  let low = 0;
  let high = most;
  while (high - low > resolution) {
    const middle = Math.floor((low + high) / 2);
    if ((await evaluateWithHeadroom(input, middle)).grew) low = middle;
    else high = middle;
  }
  return high;
}
