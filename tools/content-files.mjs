// Writes web/engine/content-<code>.json for every language of content/: the words (content/lang)
// and the labels (content/ui) of one language, minified, as the page hands them to the WebAssembly
// engine (engine-client.js -> the module's addLanguage). The module embeds no language (CMakeLists.txt),
// so a reader downloads only the language shown; the engine checks each file against its own tables
// before it is used. Run by build-wasm.sh before tools/build-info.mjs, which records their hashes
// with the module's. Usage: node tools/content-files.mjs [content-folder] [engine-folder]
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';

const contentDir = path.resolve(process.argv[2] || 'content');
const engineDir = path.resolve(process.argv[3] || 'web/engine');

const codes = readdirSync(path.join(contentDir, 'lang')).filter((file) => file.endsWith('.json')).map((file) => file.slice(0, -5)).sort();
for (const code of codes) {
  const read = (folder) => JSON.parse(readFileSync(path.join(contentDir, folder, `${code}.json`), 'utf8'));
  const text = JSON.stringify({ language: code, words: read('lang'), ui: read('ui') });
  const file = path.join(engineDir, `content-${code}.json`);
  if (!existsSync(file) || readFileSync(file, 'utf8') !== text) writeFileSync(file, text);
  console.log(`content-files: ${path.relative(process.cwd(), file)} (${Buffer.byteLength(text)} bytes)`);
}
