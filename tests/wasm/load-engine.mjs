// Loads the WebAssembly engine exactly as the page ships it: web/engine/radiculo.js with the
// web/engine/radiculo.wasm beside it (the plan; loadRecords(): radiculo-records.{js,wasm}, the same
// engine with the note and FHIR bound too) (handed over as bytes: Debian's Emscripten 3.1.6 cannot
// fetch a file path in Node), then hands it each language's data file beside them
// (web/engine/content-<code>.json; the module embeds none), the default language first, as the
// page does. loadEngine({ languages: ['en'] }) hands it only those.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const enginePath = path.join(repoRoot, 'web/engine/radiculo.js');
export const recordsPath = path.join(repoRoot, 'web/engine/radiculo-records.js');

/** Every language with a data file beside the module, the default language (en) first. */
export function engineLanguages(engineDir = path.dirname(enginePath)) {
  const codes = readdirSync(engineDir).map((file) => /^content-([a-z]+)\.json$/.exec(file)).filter(Boolean).map((match) => match[1]);
  return codes.sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)));
}

/** The text of one language's data file. */
export function languageFile(code, engineDir = path.dirname(enginePath)) {
  return readFileSync(path.join(engineDir, `content-${code}.json`), 'utf8');
}

/** Hands a module its languages; throws with the engine's problems if it refuses one. */
export function addLanguages(engine, codes, engineDir = path.dirname(enginePath)) {
  for (const code of codes) {
    const answer = JSON.parse(engine.addLanguage(languageFile(code, engineDir)));
    if (!answer.ok) throw new Error(`the engine refused content-${code}.json: ${answer.problems.join('; ')}`);
  }
  return engine;
}

export async function loadEngine({ modulePath = enginePath, languages } = {}) {
  const createRadiculo = createRequire(import.meta.url)(modulePath);
  const engine = await createRadiculo({ wasmBinary: readFileSync(modulePath.replace(/\.js$/, '.wasm')) });
  const engineDir = path.dirname(modulePath);
  return addLanguages(engine, languages || engineLanguages(engineDir), engineDir);
}

/** The records module (the note and FHIR, beside every plan function), as the page loads it on demand. */
export function loadRecords({ languages } = {}) {
  return loadEngine({ modulePath: recordsPath, languages });
}
