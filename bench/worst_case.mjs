// Worst-case cost of one evaluate call, natively and in the shipped WebAssembly module:
// the nastiest inputs up to 64 KiB (tests/wasm/worst-case-inputs.mjs: deep nesting, many keys,
// many errors, long strings and keys, long arrays). Prints numbers, never pass/fail (the tests
// assert the bounds: tests/engine/worst_case_test.cpp, tests/wasm/hostile-input.test.mjs).
//   native  build/bin/worst_case_bench on the same bytes (written to bench/results/worst-case/):
//           median time of up to 21 calls, peak heap above the call's start (operator new counted)
//   wasm    time of the first call in a fresh module (cold) and the median of up to 51 in a warm
//           one; linear memory after that first call; and the peak heap, as the least headroom
//           left free at the top of a fresh module's heap with which memory does not grow
//           (tests/wasm/heap-headroom.mjs, to 16 KiB).
//   node bench/worst_case.mjs [--module web/engine/radiculo.js] [--native build/bin/worst_case_bench]
//                             [--only NAME]
// --module and --native compare other builds (e.g. before a change); an input that takes over a
// second is run once, and its peak heap is not searched for (memory after the call says enough).
import { mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { addLanguages, engineLanguages, repoRoot } from '../tests/wasm/load-engine.mjs';
import { worstCaseInputs } from '../tests/wasm/worst-case-inputs.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const modulePath = path.resolve(option('--module', path.join(repoRoot, 'web/engine/radiculo.js')));
const nativeBench = path.resolve(option('--native', path.join(repoRoot, 'build/bin/worst_case_bench')));
const only = option('--only');
const inputs = worstCaseInputs.filter((input) => !only || input.name === only);

async function freshModule() {
  const createRadiculo = createRequire(import.meta.url)(modulePath);
  const engine = addLanguages(await createRadiculo({ wasmBinary: readFileSync(modulePath.replace(/\.js$/, '.wasm')) }),
    engineLanguages(path.dirname(modulePath)), path.dirname(modulePath));
  engine.evaluate('{}'); // the content is parsed once, on first use: not an input's cost
  return { engine, memory: Object.values(engine.asm).find((value) => value instanceof WebAssembly.Memory) };
}

// As tests/wasm/heap-headroom.mjs, for the module under measurement.
async function growsWithHeadroom(text, headroom) {
  const { engine, memory } = await freshModule();
  const top = engine._malloc(4 << 20);
  engine._free(top);
  const size = memory.buffer.byteLength;
  if (engine._malloc(size - top - headroom) !== top) throw new Error('the heap top moved: cannot measure');
  engine.evaluate(text);
  return memory.buffer.byteLength !== size;
}
async function peakHeap(text, resolution = 16 << 10) {
  let low = 0;
  let high = 8 << 20;
  if (await growsWithHeadroom(text, high)) return Infinity;
  while (high - low > resolution) {
    const middle = Math.floor((low + high) / 2);
    if (await growsWithHeadroom(text, middle)) low = middle;
    else high = middle;
  }
  return high;
}

// One module for the times, warm as a page's is after use (V8 first runs WebAssembly in its baseline
// tier and optimises the hot functions later): the median of up to 51 calls.
const warm = await freshModule();
const typical = JSON.stringify(JSON.parse(readFileSync(path.join(repoRoot, 'tests/vectors/conservative-typical.json'), 'utf8')).input);
for (let i = 0; i < 2000; i++) warm.engine.evaluate(typical);

async function wasmRow({ text }) {
  const { engine, memory } = await freshModule();
  const before = memory.buffer.byteLength;
  const start = performance.now();
  let output = engine.evaluate(text);
  const firstMs = performance.now() - start;
  const memoryAfter = memory.buffer.byteLength;
  const millis = [];
  for (let run = 0; run < 51 && firstMs < 1000; run++) {
    const begin = performance.now();
    output = warm.engine.evaluate(text);
    millis.push(performance.now() - begin);
  }
  millis.sort((a, b) => a - b);
  const answer = JSON.parse(output);
  return {
    firstMs,
    medianMs: millis.length ? millis[Math.floor(millis.length / 2)] : firstMs,
    memoryGrowth: memoryAfter - before,
    peakHeap: firstMs < 1000 && memoryAfter === before ? await peakHeap(text) : undefined,
    outputBytes: Buffer.byteLength(output),
    errors: answer.ok ? 0 : answer.errors.length,
  };
}

const folder = path.join(repoRoot, 'bench/results/worst-case');
rmSync(folder, { recursive: true, force: true });
mkdirSync(folder, { recursive: true });
for (const { name, text } of inputs) writeFileSync(path.join(folder, `${name}.json`), text);
const native = new Map();
const run = spawnSync(nativeBench, [folder], { encoding: 'utf8', maxBuffer: 1 << 26 });
if (run.status !== 0) console.log(`(native: ${nativeBench} did not run: ${run.error ?? run.stderr})`);
else for (const line of run.stdout.split('\n').filter(Boolean)) native.set(JSON.parse(line).input, JSON.parse(line));

const kib = (bytes) => (bytes === undefined ? '-' : bytes === Infinity ? '>8192' : (bytes / 1024).toFixed(0));
const ms = (x) => (x === undefined ? '-' : x < 10 ? x.toFixed(3) : x.toFixed(0));
console.log(`worst-case inputs (each at most 64 KiB); native ${nativeBench}, wasm ${modulePath} (Node ${process.version})`);
console.log('input                            bytes | native ms  peak heap KiB | wasm ms  cold  median  memory growth KiB  peak heap KiB | errors  output bytes');
for (const input of inputs) {
  const n = native.get(input.name) ?? {};
  const w = await wasmRow(input);
  console.log(`${input.name.padEnd(30)} ${String(input.text.length).padStart(7)} | ${ms(n.medianMs).padStart(9)}  ${kib(n.peakHeapBytes).padStart(13)} | ` +
              `${ms(w.firstMs).padStart(13)}  ${ms(w.medianMs).padStart(6)}  ${kib(w.memoryGrowth).padStart(17)}  ${(w.peakHeap === undefined ? '-' : '≤' + kib(w.peakHeap)).padStart(13)} | ` +
              `${String(w.errors).padStart(6)}  ${String(w.outputBytes).padStart(11)}`);
}
