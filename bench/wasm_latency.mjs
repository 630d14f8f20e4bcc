// Latency of single evaluate calls in the shipped WebAssembly module (web/engine/radiculo.{js,wasm})
// under Node: for each benchmark input (the four of bench/bench_inputs.h), 1,000 warm-up calls,
// then 10,000 calls timed one by one; prints the median, p90 and p99 in microseconds. With
// --native FILE (the output of build/bin/evaluate_latency) it also prints the native median and
// the ratio WebAssembly / native.
//   node bench/wasm_latency.mjs [--native FILE] [--calls N]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadEngine, repoRoot } from '../tests/wasm/load-engine.mjs';

const INPUTS = [
  ['typical', 'conservative-typical'],
  ['emergency', 'emergency-saddle-anesthesia-only-answer'],
  ['incomplete', 'incomplete-age-missing'],
  ['invalid', 'invalid-every-problem-at-once'],
];

const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const calls = Number(option('--calls') ?? 10000);
const nativeFile = option('--native');

// The exact text the native runners give the engine: `inputText`, or `input` with sorted keys and
// no spaces (nlohmann's dump).
function sortedJson(value) {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${sortedJson(value[k])}`).join(',')}}`;
  return JSON.stringify(value);
}
function inputText(vector) {
  const file = JSON.parse(readFileSync(path.join(repoRoot, 'tests/vectors', `${vector}.json`), 'utf8'));
  return 'inputText' in file ? file.inputText : sortedJson(file.input);
}

const engine = await loadEngine();
const native = new Map();
if (nativeFile)
  for (const line of readFileSync(nativeFile, 'utf8').split('\n').filter(Boolean)) {
    const row = JSON.parse(line);
    native.set(row.input, row);
  }

const at = (sorted, q) => sorted[Math.floor(q * (sorted.length - 1))];
const rows = [];
for (const [label, vector] of INPUTS) {
  const input = inputText(vector);
  let sink = 0;
  for (let i = 0; i < 1000; i++) sink += engine.evaluate(input).length;
  const micros = new Float64Array(calls);
  for (let i = 0; i < calls; i++) {
    const start = performance.now();
    sink += engine.evaluate(input).length;
    micros[i] = (performance.now() - start) * 1000;
  }
  micros.sort();
  if (sink === 0) throw new Error('no output');
  const row = { input: label, calls, wasmMedianUs: at(micros, 0.5), wasmP90Us: at(micros, 0.9), wasmP99Us: at(micros, 0.99) };
  if (native.has(label)) {
    row.nativeMedianUs = native.get(label).medianUs;
    row.ratio = row.wasmMedianUs / row.nativeMedianUs;
  }
  rows.push(row);
}

const fmt = (x, digits = 1) => (x === undefined ? '-' : x.toFixed(digits));
console.log(`evaluate latency, median of ${calls} single calls (µs)`);
console.log('input        native   wasm(node)   wasm/native   wasm p90   wasm p99');
for (const r of rows)
  console.log(`${r.input.padEnd(12)} ${fmt(r.nativeMedianUs).padStart(6)}   ${fmt(r.wasmMedianUs).padStart(10)}   ` +
              `${(r.ratio === undefined ? '-' : fmt(r.ratio, 2) + 'x').padStart(11)}   ${fmt(r.wasmP90Us).padStart(8)}   ${fmt(r.wasmP99Us).padStart(8)}`);
