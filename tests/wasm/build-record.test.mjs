// Supply chain: the engine the page ships is the one the build recorded, and a
// build from the same inputs on the same toolchain gives the same bytes as the committed record.
// - web/engine/BUILD-INFO.json (written by build-wasm.sh) names the SHA-256 of radiculo.js,
//   radiculo.wasm, radiculo-records.{js,wasm} and each language's data file (content-<code>.json), the toolchain and a hash of the inputs: the files beside it must match it.
// - tests/wasm/expected-build.json (committed; ./build-wasm.sh --record) holds, per toolchain, the
//   hashes of a build from given inputs: same toolchain and inputs, same bytes, or the build is not
//   reproducible. Other inputs (an engine or content change not yet recorded) fail too, saying what
//   to run, so the record cannot silently fall behind. scripts/check-reproducible.sh (run by
//   scripts/test.sh) also rebuilds from scratch in another folder and compares.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './load-engine.mjs';

const engineDir = path.join(repoRoot, 'web/engine');
const sha256 = (file) => createHash('sha256').update(readFileSync(path.join(engineDir, file))).digest('hex');
const info = () => JSON.parse(readFileSync(path.join(engineDir, 'BUILD-INFO.json'), 'utf8'));

test('build record: the shipped modules (plan and records) and language files are the files BUILD-INFO.json names', () => {
  const { toolchain, inputs, files } = info();
  assert.match(toolchain, /emscripten|emcc/);
  assert.match(inputs, /^[0-9a-f]{64}$/);
  const languages = readdirSync(path.join(repoRoot, 'content/lang')).map((file) => `content-${file.replace(/\.json$/, '')}.json`);
  assert.deepEqual(Object.keys(files).sort(), ['radiculo.js', 'radiculo.wasm', 'radiculo-records.js', 'radiculo-records.wasm', ...languages].sort());
  for (const [file, hash] of Object.entries(files)) assert.equal(sha256(file), hash, `${file} is not the file the build recorded`);
});

test('build record: the same inputs on the same toolchain give the committed bytes', (t) => {
  const { toolchain, inputs, files } = info();
  const records = JSON.parse(readFileSync(path.join(repoRoot, 'tests/wasm/expected-build.json'), 'utf8'));
  const record = records[toolchain];
  if (!record) {
    t.skip(`no committed record for this toolchain (${toolchain}); ./build-wasm.sh --record adds one`);
    return;
  }
  assert.equal(inputs, record.inputs,
    'the engine\'s inputs (sources, content or flags) changed since tests/wasm/expected-build.json was recorded: ' +
    'run ./build-wasm.sh --record and commit the record with the change');
  assert.deepEqual(files, record.files, `not reproducible: same toolchain and inputs, other bytes (${toolchain})`);
});
