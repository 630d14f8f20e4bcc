// No leak in the shipped WebAssembly module: its memory after 100,000 evaluations is the size it
// had after the first 1,000. Every shared case of tests/vectors/ takes its turn (valid plans of
// every triage, every kind of invalid input, the 64 KiB one), so the first 1,000 calls reach the
// working set of every path. Memory is read two ways: Module.HEAPU8.length (Emscripten 3.1.6
// exports it) and the byteLength of the module's WebAssembly.Memory. Memory only grows in 64 KiB
// pages from 16 MiB, so a small leak could hide in free heap for a long time; a probe therefore
// also checks the top of the heap: a 4 MiB block allocated and freed at once must land at the same
// address after 100,000 calls as after 1,000 (it would move up past anything leaked).
// RADICULO_MEMORY_CALLS overrides the 100,000 (for a quick local run).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine } from './load-engine.mjs';
import { loadVectors } from './vectors.mjs';

const TOTAL = Number(process.env.RADICULO_MEMORY_CALLS ?? 100000);
const FIRST = 1000;

test(`memory after ${TOTAL} evaluations equals memory after the first ${FIRST}`, async () => {
  const engine = await loadEngine();
  const inputs = loadVectors().map((vector) => vector.inputText);
  const memory = Object.values(engine.asm).find((value) => value instanceof WebAssembly.Memory);
  assert.ok(engine.HEAPU8 instanceof Uint8Array, 'the module exports HEAPU8');
  assert.ok(memory, 'the module exports its WebAssembly.Memory');
  assert.ok(typeof engine._malloc === 'function' && typeof engine._free === 'function', 'the module exports malloc and free');

  const size = () => ({ heapu8: engine.HEAPU8.length, buffer: memory.buffer.byteLength });
  const heapTop = () => {
    const block = engine._malloc(4 << 20);
    engine._free(block);
    return block;
  };

  const start = { ...size(), heapTop: heapTop() };
  let calls = 0;
  const evaluateUntil = (count) => {
    for (; calls < count; calls++) {
      const output = engine.evaluate(inputs[calls % inputs.length]);
      if (output.length === 0 || output[0] !== '{') assert.fail(`call ${calls}: not a JSON object`);
    }
  };
  evaluateUntil(FIRST);
  const afterFirst = { ...size(), heapTop: heapTop() };
  evaluateUntil(TOTAL);
  const afterAll = { ...size(), heapTop: heapTop() };

  console.log(`wasm memory (bytes): at load ${JSON.stringify(start)}, after ${FIRST} ${JSON.stringify(afterFirst)}, ` +
              `after ${TOTAL} ${JSON.stringify(afterAll)} (${inputs.length} inputs in turn)`);
  assert.equal(afterFirst.heapu8, afterFirst.buffer);
  assert.equal(afterAll.heapu8, afterFirst.heapu8, 'memory grew between the first 1,000 calls and the last');
  assert.equal(afterAll.buffer, afterFirst.buffer);
  assert.equal(afterAll.heapTop, afterFirst.heapTop, 'the top of the heap moved: something is not freed');
});
