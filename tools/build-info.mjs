// Provenance of the shipped engine: writes web/engine/BUILD-INFO.json, the SHA-256 of both modules
// (radiculo and radiculo-records, .js and .wasm) and each content-<code>.json with the toolchain that built them and a hash of what went in (sources, content,
// compile and link flags), and prints it. With --record FILE it also stores that under the
// toolchain's name in FILE (tests/wasm/expected-build.json, committed): tests/wasm/build-record.test.mjs
// then checks that a build from the same inputs on the same toolchain gives the same bytes, and
// scripts/check-reproducible.sh rebuilds from scratch in another folder and compares.
// Called by build-wasm.sh: node tools/build-info.mjs ENGINE_DIR TOOLCHAIN INPUTS_SHA256 [--record FILE]
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const [engineDir, toolchain, inputs, flag, recordFile] = process.argv.slice(2);
if (!engineDir || !toolchain || !/^[0-9a-f]{64}$/.test(inputs || '') || (flag && (flag !== '--record' || !recordFile))) {
  console.error('usage: node tools/build-info.mjs ENGINE_DIR TOOLCHAIN INPUTS_SHA256 [--record FILE]');
  process.exit(2);
}
const sha256 = (file) => createHash('sha256').update(readFileSync(path.join(engineDir, file))).digest('hex');
// The module, its glue and each language's data file (tools/content-files.mjs): the engine is all of them.
const contentFiles = readdirSync(engineDir).filter((file) => /^content-[a-z]+\.json$/.test(file)).sort();
const info = {
  toolchain,
  inputs,
  files: Object.fromEntries(['radiculo.js', 'radiculo.wasm', 'radiculo-records.js', 'radiculo-records.wasm', ...contentFiles].map((file) => [file, sha256(file)])),
};
const text = `${JSON.stringify(info, null, 2)}\n`;
const infoFile = path.join(engineDir, 'BUILD-INFO.json');
if (!existsSync(infoFile) || readFileSync(infoFile, 'utf8') !== text) writeFileSync(infoFile, text);
console.log(`build-info: ${toolchain}`);
for (const [file, hash] of Object.entries(info.files)) console.log(`build-info: sha256 ${hash}  ${file}`);

if (flag === '--record') {
  const records = existsSync(recordFile) ? JSON.parse(readFileSync(recordFile, 'utf8')) : {};
  records[toolchain] = { inputs, files: info.files };
  const sorted = Object.fromEntries(Object.keys(records).sort().map((key) => [key, records[key]]));
  writeFileSync(recordFile, `${JSON.stringify(sorted, null, 2)}\n`);
  console.log(`build-info: recorded in ${recordFile}`);
}
