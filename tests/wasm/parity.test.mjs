// The WebAssembly engine the page ships gives byte-for-byte the native engine's output for
// every shared case, valid and invalid. Native: the real `radiculo evaluate -` on stdin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadEngine, loadRecords, repoRoot } from './load-engine.mjs';
import { loadVectors } from './vectors.mjs';

const cli = process.env.RADICULO_CLI ?? path.join(repoRoot, 'build/bin/radiculo');
const vectors = loadVectors();
const engine = await loadEngine();
const records = await loadRecords(); // the note and FHIR, loaded on demand by the page

function native(args, input) {
  const run = spawnSync(cli, args, { input, maxBuffer: 1 << 24 });
  return { status: run.status, stdout: run.stdout.toString('utf8') };
}

test('the native CLI exists', () => assert.ok(existsSync(cli), `build it first: ${cli}`));

test('there are vectors of every kind', () => {
  assert.ok(vectors.length >= 50);
  assert.ok(vectors.some((v) => v.expect.ok) && vectors.some((v) => !v.expect.ok));
});

for (const vector of vectors) {
  test(`parity: ${vector.name}`, () => {
    const { status, stdout } = native(['evaluate', '-'], vector.inputText);
    const wasm = engine.evaluate(vector.inputText);
    assert.equal(wasm + '\n', stdout, 'WebAssembly and native outputs differ');
    assert.equal(JSON.parse(wasm).ok, vector.expect.ok);
    assert.equal(status, vector.expect.ok ? 0 : 2);
  });
}

// The two modules are one engine: the records module (the note, FHIR and the one-file copy's only
// engine) gives the plan module's plan for every case, and the plan module binds nothing else.
test(`the records module gives the plan module's answer for every case`, () => {
  for (const vector of vectors) assert.equal(records.evaluate(vector.inputText), engine.evaluate(vector.inputText), vector.name);
  for (const name of ['schema', 'version']) assert.equal(records[name](), engine[name](), name);
  for (const code of JSON.parse(engine.version()).languages) assert.equal(records.content(code), engine.content(code), code);
});

test('the plan module takes assessments only: a QuestionnaireResponse is refused, never planned (the records module reads it)', () => {
  const dir = path.join(repoRoot, 'tests/vectors/fhir');
  const cases = readdirSync(dir).filter((file) => file.endsWith('.json'));
  assert.ok(cases.length > 10);
  for (const file of cases) {
    const { input } = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
    const text = JSON.stringify(input);
    const refused = JSON.parse(engine.evaluate(text));
    assert.equal(refused.ok, false, file);
    assert.equal(refused.triage, undefined, file);
    assert.ok(refused.errors.length > 0 && refused.errors.every((error) => error.field && error.message), file);
    assert.equal(records.evaluate(text) + '\n', native(['evaluate', '-'], text).stdout, `${file}: the records module reads it as the CLI does`);
  }
});

test(`the plan module carries no note and no FHIR (they are the records module's download)`, () => {
  for (const name of ['note', 'fhirQuestionnaire', 'fhirCodeSystems', 'toQuestionnaireResponse', 'fromQuestionnaireResponse']) {
    assert.equal(typeof engine[name], 'undefined', name);
    assert.equal(typeof records[name], 'function', name);
  }
});

test('parity: schema and version', () => {
  assert.equal(engine.schema() + '\n', execFileSync(cli, ['schema']).toString());
  assert.equal(engine.version() + '\n', execFileSync(cli, ['--version']).toString());
});

test('content() serves every language and rejects an unknown one', () => {
  for (const code of JSON.parse(engine.version()).languages) {
    const content = JSON.parse(engine.content(code));
    assert.equal(content.ok, true);
    assert.equal(content.language, code);
  }
  assert.equal(JSON.parse(engine.content('xx')).ok, false);
});

test('odd strings cross the boundary without throwing', () => {
  for (const input of ['', '\u0000', '{"audience":"\ud800"}', 'é'.repeat(70000), '{'.repeat(5000)]) {
    const out = JSON.parse(engine.evaluate(input));
    assert.equal(out.ok, false);
    assert.ok(out.errors.length > 0);
  }
});

test('Spanish accents and other UTF-8 round-trip', () => {
  const out = JSON.parse(engine.evaluate('{"symptomWeeks": 2, "painScore": 3, "dolor ciático": true}'));
  assert.deepEqual(out.errors.map((e) => e.field), ['/dolor ciático']);
});

// A JavaScript string may hold a lone surrogate; Emscripten 3.1.6's UTF-8 conversion would swallow
// the character after it. The module's boundary (src/wasm/well_formed.js) hands every bound
// function the string with U+FFFD in its place, as the CLI is given it (the vectors
// invalid-lone-surrogate-* compare the two byte for byte).
test('a lone surrogate reaches every bound function as U+FFFD, and the next character survives', () => {
  for (const [lone, input] of [['\ud800', '{"language":"\ud800"}'], ['\udc00', '{"\udc00":1}'], ['\udbff', '{}\udbff']]) {
    const replaced = input.replace(lone, '\ufffd');
    assert.equal(engine.evaluate(input), engine.evaluate(replaced), input);
    assert.equal(records.evaluate(input), records.evaluate(replaced), input);
    assert.equal(records.toQuestionnaireResponse(input, lone), records.toQuestionnaireResponse(replaced, '\ufffd'));
    assert.equal(records.fromQuestionnaireResponse(input), records.fromQuestionnaireResponse(replaced));
    assert.equal(records.note(input, '2026-12-01', lone), records.note(replaced, '2026-12-01', '\ufffd'));
  }
  assert.equal(engine.content('e\ud800s'), engine.content('e\ufffds'));
  assert.equal(records.fhirQuestionnaire('patient\udc00', 'e\ud800s'), records.fhirQuestionnaire('patient\ufffd', 'e\ufffds'));
  const pair = '{"language":"\ud83d\ude00"}';
  assert.match(JSON.parse(engine.evaluate(pair)).errors[0].message, /must be one of/);
  assert.equal(engine.evaluate(pair) + '\n', native(['evaluate', '-'], pair).stdout);
});
