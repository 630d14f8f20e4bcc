// Hostile input through the shipped WebAssembly module, byte for byte the native CLI's
// answer (`radiculo evaluate -`):
//   - what reaches the engine: a JS string arrives as its UTF-8 bytes (U+0000 as a 0x00 byte,
//     U+0080-U+00FF as two bytes), a Uint8Array as the bytes themselves;
//   - every byte value after a valid object: only JSON whitespace may follow;
//   - a NUL anywhere is an error, never the end of the input;
//   - numbers as JSON.stringify writes them (days / 7, any double) are read exactly;
//   - the nastiest inputs up to 64 KiB (worst-case-inputs.mjs) and every shared case answer with
//     at most 2 MiB of heap: with only that much left free, memory never grows, and
//     deep nesting is one error.
// Memory and error counts, not times: the times are bench/worst_case.mjs's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { loadEngine, repoRoot } from './load-engine.mjs';
import { evaluateWithHeadroom } from './heap-headroom.mjs';
import { loadVectors } from './vectors.mjs';
import { worstCaseInputs } from './worst-case-inputs.mjs';

const cli = process.env.RADICULO_CLI ?? path.join(repoRoot, 'build/bin/radiculo');
const engine = await loadEngine();
const encode = (text) => new TextEncoder().encode(text);

function native(input) {
  const run = spawnSync(cli, ['evaluate', '-'], { input: typeof input === 'string' ? input : Buffer.from(input), maxBuffer: 1 << 24 });
  return run.stdout.toString('utf8');
}
function concat(...parts) {
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}

// Valid whatever the red-flag list and the required fields: a cauda-equina flag is an emergency.
const valid = '{"ageYears": 40, "symptomWeeks": 3, "painScore": 5, "redFlags": {"saddleAnesthesia": true}}';
const isJsonWhitespace = (byte) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;

test('a JS string reaches the engine as its UTF-8 bytes, NUL included', () => {
  assert.equal(JSON.parse(engine.evaluate(valid)).ok, true);
  for (let unit = 0; unit < 256; unit++) {
    const text = valid + String.fromCharCode(unit) + 'x';
    assert.equal(engine.evaluate(text), engine.evaluate(encode(text)), `code unit ${unit}`);
  }
});

test('only JSON whitespace may follow the object: every byte value, raw, same as native', () => {
  for (let byte = 0; byte < 256; byte++) {
    const bytes = concat(encode(valid), [byte]);
    const wasm = engine.evaluate(bytes);
    assert.equal(wasm + '\n', native(bytes), `byte ${byte}: WebAssembly and native differ`);
    assert.equal(JSON.parse(wasm).ok, isJsonWhitespace(byte), `byte ${byte}`);
  }
});

test('a NUL anywhere is an error, never the end of the input', () => {
  const emergencyAfterNul = valid.replace('true', 'false') + '\u0000{"redFlags": {"saddleAnesthesia": true}}';
  for (let at = 0; at <= valid.length; at++) {
    const text = valid.slice(0, at) + '\u0000' + valid.slice(at);
    const answer = JSON.parse(engine.evaluate(text));
    assert.equal(answer.ok, false, `NUL at ${at}`);
    assert.deepEqual(answer.errors.map((error) => error.field), [''], `NUL at ${at}`);
    if (at % 16 === 0 || at === valid.length) assert.equal(JSON.stringify(answer) + '\n', native(text), `NUL at ${at}`);
  }
  const answer = JSON.parse(engine.evaluate(emergencyAfterNul));
  assert.equal(answer.ok, false);
  assert.match(answer.errors[0].message, /NUL byte/);
});

test('numbers as JSON.stringify writes them are read exactly; ones that only round to them are not', () => {
  const flags = JSON.parse(engine.content('en')).redFlagGroups.flatMap((group) => group.flags);
  const assessment = (fields) => ({ ageYears: 40, painScore: 5, ...fields, redFlags: Object.fromEntries(flags.map((flag) => [flag, false])) });
  // Every number of days up to the 520-week maximum, in weeks, as the page sends it; care under 6 weeks.
  for (let days = 1; days <= 520 * 7; days++) {
    const weeks = days / 7;
    const careWeeks = Math.min(weeks, 41 / 7); // 5.857142857142857: under 6, conservative
    const answer = JSON.parse(engine.evaluate(JSON.stringify(assessment({ symptomWeeks: weeks, conservativeCareWeeks: careWeeks }))));
    assert.equal(answer.ok, true, `${days} days = ${JSON.stringify(weeks)} weeks`);
    assert.equal(answer.triage, 'conservative', `${days} days`);
  }
  // Random doubles in range, in JavaScript's shortest form.
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; i < 2000; i++) {
    const weeks = random() * 520;
    const text = JSON.stringify(assessment({ symptomWeeks: weeks }));
    assert.equal(JSON.parse(engine.evaluate(text)).ok, true, text);
    if (i % 200 === 0) assert.equal(engine.evaluate(text) + '\n', native(text));
  }
  for (const [field, literal] of [['painScore', '6.9999999999999999'], ['ageYears', '17.9999999999999999'],
                                  ['conservativeCareWeeks', '5.9999999999999999'], ['symptomWeeks', '12.0000000000000001'],
                                  ['symptomWeeks', '1.4285714285714287']]) {
    const text = JSON.stringify(assessment({ symptomWeeks: 8, [field]: 1 })).replace(`"${field}":1`, `"${field}":${literal}`);
    const wasm = engine.evaluate(text);
    assert.deepEqual(JSON.parse(wasm).errors?.map((error) => error.field), [`/${field}`], `${field} ${literal}`);
    assert.equal(wasm + '\n', native(text), `${field} ${literal}`);
  }
});

const MAX_HEAP = 2 << 20;
const cases = [
  ...worstCaseInputs,
  ...loadVectors().filter((vector) => vector.inputText.length <= 64 * 1024).map((vector) => ({ name: `vector ${vector.name}`, text: vector.inputText })),
];

test(`the nastiest inputs and every shared case need at most ${MAX_HEAP >> 20} MiB of heap, same output as native`, async () => {
  for (const { name, text } of cases) {
    const { output, grew } = await evaluateWithHeadroom(text, MAX_HEAP);
    assert.equal(grew, false, `${name}: needed more than ${MAX_HEAP} bytes of heap`);
    assert.equal(output + '\n', native(text), `${name}: WebAssembly and native differ`);
    const answer = JSON.parse(output);
    if (!answer.ok) assert.ok(answer.errors.length <= 101, `${name}: ${answer.errors.length} errors`);
    if (name.startsWith('deep-objects') || name === 'deep-arrays-in-a-member') {
      assert.equal(answer.errors.length, 1, `${name}: one error`);
      assert.equal(answer.errors[0].message, 'is nested deeper than the assessment allows');
    }
  }
});
