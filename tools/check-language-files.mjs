// Hands every language data file the build made (web/engine/content-<code>.json) to the records
// module, which runs the engine's whole content self-check on it (src/engine/language_checked.cpp),
// the default language first. The page's plan module takes exactly these files unchecked (it knows
// their fingerprints, src/engine/language_digest.cpp), so a file the check refuses must fail the
// build here. Run by build-wasm.sh; usage: node tools/check-language-files.mjs [engine-folder]
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const engineDir = path.resolve(process.argv[2] || 'web/engine');
const createRadiculoRecords = createRequire(import.meta.url)(path.join(engineDir, 'radiculo-records.js'));
const records = await createRadiculoRecords({ wasmBinary: readFileSync(path.join(engineDir, 'radiculo-records.wasm')) });
const codes = readdirSync(engineDir).map((file) => /^content-([a-z]+)\.json$/.exec(file)).filter(Boolean).map((match) => match[1])
  .sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)));
let failed = false;
for (const code of codes) {
  const answer = JSON.parse(records.addLanguage(readFileSync(path.join(engineDir, `content-${code}.json`), 'utf8')));
  if (answer.ok) console.log(`check-language-files: content-${code}.json passes the content self-check`);
  else {
    failed = true;
    console.error(`check-language-files: content-${code}.json refused:\n  ${answer.problems.join('\n  ')}`);
  }
}
process.exit(failed ? 1 : 0);
