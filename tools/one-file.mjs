// Writes web/radiculo-offline.html: the whole page in one file, for a tablet loaded from a USB stick
// or an e-mail attachment and opened from file:// (no server, no service worker).
//
// - Every <script src> and <link rel="stylesheet"> of web/index.template.html (the page before
//   tools/pages.mjs versions its file names; nothing is fetched here anyway) is inlined minified, in the same order;
//   the scripts move to the end of <body> (inline scripts cannot be deferred; at the end they run
//   after parsing, in order, as the deferred ones do).
// - The engine rides along as its records module (the plan, the note and FHIR in one: the page's two
//   modules are for downloads), the .wasm gzip-compressed as base64 in one more inline script, which
//   engine-client.js inflates and hands to createRadiculoRecords({ wasmBinary }): nothing is fetched. The languages the copy's settings offer
//   ride along as their data files' text (window.RADICULO_CONTENT), handed to the engine the same way.
// - Icons become data: URLs; the manifest link is dropped (no installing from file://).
// - Its own Content-Security-Policy allows exactly these inline parts by their sha256 hashes, plus
//   'wasm-unsafe-eval' to compile the engine; connect-src 'none' (the page fetches nothing).
// - settings.json is embedded as it is at build time, as data (a <script type="application/json">
//   block, which a browser never runs; clinic-settings.js reads it with the same checks as the
//   file): edit web/settings.json, then run this again (needs only Node, not the engine build).
// Usage: node tools/one-file.mjs [web-folder] [output-file]
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fillFallbacks, minifyScript, minifyStyle } from './pages.mjs';

const webDir = path.resolve(process.argv[2] || 'web');
const output = path.resolve(process.argv[3] || path.join(webDir, 'radiculo-offline.html'));
const read = (relative) => readFileSync(path.join(webDir, relative));
const hash = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

for (const needed of ['index.template.html', 'engine/radiculo-records.js', 'engine/radiculo-records.wasm', 'engine/content-en.json']) {
  if (!existsSync(path.join(webDir, needed))) {
    console.error(`one-file: ${needed} is missing in ${webDir} (run ./build-wasm.sh)`);
    process.exit(1);
  }
}

let html = fillFallbacks(read('index.template.html').toString('utf8'));
const scriptHashes = [];
const styleHashes = [];

// "</script" or "</style" inside inlined text would end the element early.
const safeScript = (text) => text.replace(/<\/(script)/gi, '<\\/$1');
const safeStyle = (text) => text.replace(/<\/(style)/gi, '<\\/$1');

function inlineScript(text) {
  const body = `\n${safeScript(text)}\n`;
  scriptHashes.push(hash(body));
  return `<script>${body}</script>`;
}

// Scripts: collected in document order, removed from <head>, appended at the end of <body>.
const scripts = [];
html = html.replace(/[ \t]*<script\b[^>]*\bsrc="([^"]+)"[^>]*><\/script>\n?/g, (whole, src) => {
  scripts.push(src);
  return '';
});
if (!scripts.includes('engine/radiculo.js')) throw new Error('one-file: index.html does not load engine/radiculo.js');
// One engine, the records module (the plan, the note and FHIR: everything a clinic's tablet offers),
// in the place of the plan-only module: nothing here is downloaded later, so nothing is split.
scripts.splice(scripts.indexOf('engine/radiculo.js'), 1, 'engine/radiculo-records.js');
scripts.splice(scripts.lastIndexOf('engine/radiculo-records.js'), 1); // its on-demand copy, listed after
// The module gzip-compressed before base64 (engine-client.js inflates it with the browser's own
// DecompressionStream): base64 of the raw module does not compress back (measured: 240 KB gzip for a
// 166 KB gzip module), base64 of its gzip does (about its own size).
const wasmBase64 = gzipSync(read('engine/radiculo-records.wasm'), { level: 9 }).toString('base64');
// The languages the copy's settings offer (all of them when the settings name none, or in a
// demonstration), each as the text of its data file (engine/content-<code>.json), the engine's
// default language first: engine-client.js hands them to the engine as the page hands the files.
const settings = JSON.parse(read('settings.json').toString('utf8').replace(/^\uFEFF/, ''));
const allLanguages = readdirSync(path.join(webDir, 'engine')).map((name) => /^content-([a-z]+)\.json$/.exec(name)).filter(Boolean)
  .map((match) => match[1]).sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)));
const carried = Array.isArray(settings.languages) && settings.demo !== true
  ? allLanguages.filter((code) => code === allLanguages[0] || settings.languages.includes(code)) : allLanguages;
const languageTexts = Object.fromEntries(carried.map((code) => [code, read(`engine/content-${code}.json`).toString('utf8')]));
const inlined = [inlineScript(`window.RADICULO_WASM_GZIP_BASE64 = '${wasmBase64}';`),
  inlineScript(`window.RADICULO_CONTENT = ${JSON.stringify(languageTexts).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')};`)]
  .concat(scripts.map((src) => inlineScript(minifyScript(read(src).toString('utf8')))));
html = html.replace('</body>', () => `${inlined.join('\n')}\n</body>`); // a function: '$' in code stays as is

// The clinic's settings, as data. '<' is written as \u003c (the same in JSON) so that no text in
// the file can close the block.
const settingsText = read('settings.json').toString('utf8').replace(/^\uFEFF/, '').replace(/</g, '\\u003c');
html = html.replace('</head>', () => `  <script type="application/json" id="radiculo-settings">\n${settingsText.trim()}\n  </script>\n</head>`);

// Stylesheets, keeping a media attribute (print styles stay print-only).
html = html.replace(/<link\b[^>]*\brel="stylesheet"[^>]*>/g, (tag) => {
  const href = /\bhref="([^"]+)"/.exec(tag)[1];
  const media = /\bmedia="([^"]+)"/.exec(tag);
  const body = `\n${safeStyle(minifyStyle(read(href).toString('utf8')))}\n`;
  styleHashes.push(hash(body));
  return `<style${media ? ` media="${media[1]}"` : ''}>${body}</style>`;
});

// The third-party licence notices travel inside the copy: the footer's link to
// THIRD-PARTY-NOTICES.txt (not beside the file) becomes the text itself, folded.
const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const noticesPattern = /<p class="site-footer__notices" id="notices">[\s\S]*?<\/p>/;
if (!noticesPattern.test(html)) throw new Error('one-file: index.template.html has no #notices line to fill');
html = html.replace(noticesPattern, () => `<details class="site-footer__notices" id="notices"><summary data-ui="thirdPartyNotices"></summary>` +
  `<pre class="notices__text" tabindex="0">${escapeHtml(read('THIRD-PARTY-NOTICES.txt').toString('utf8'))}</pre></details>`);

// Icons as data: URLs; no manifest (nothing to install from a file).
html = html.replace(/[ \t]*<link\b[^>]*\brel="(manifest|apple-touch-icon)"[^>]*>\n?/g, '');
html = html.replace(/(src|href)="(icons\/[^"]+\.svg)"/g, (whole, attribute, file) =>
  `${attribute}="data:image/svg+xml;base64,${read(file).toString('base64')}"`);

// Links to other pages of web/ would not exist beside the file. about.html is the one known: its
// link opens the same text in place (about.js), and styles/about.css hides its "open as a page" link
// under html[data-one-file].
html = html.replace('<html ', '<html data-one-file="BUILD-ID" ');
const localPages = [...html.matchAll(/href="(?!#|data:|https?:)([^"]+)"/g)].map((match) => match[1])
  .filter((href) => href !== 'about.html');
if (localPages.length) console.warn(`one-file: links to files that will not be beside the copy: ${localPages.join(', ')}`);

const csp = [
  "default-src 'none'",
  `script-src ${scriptHashes.join(' ')} 'wasm-unsafe-eval'`,
  `style-src ${styleHashes.join(' ')}`,
  "img-src data:",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const cspPattern = /<meta http-equiv="Content-Security-Policy" content="[^"]*">/;
if (!cspPattern.test(html)) throw new Error('one-file: index.html has no CSP meta to replace');
html = html.replace(cspPattern, `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
html = html.replace('<title>Radiculo</title>', '<title>Radiculo (offline copy)</title>');
html = html.replace(/<!-- Classic scripts[^>]*-->\n?/, '');
html = html.replace(/^<!doctype html>\n(<!-- Generated [^>]*-->\n)?/i,
  '<!doctype html>\n<!-- Generated by tools/one-file.mjs from web/ (./build-wasm.sh): edit the sources, not this copy. -->\n');

// The copy's version, printed on its take-home plan instead of its local path (which often holds a
// user name): the first 12 hex digits of the sha256 of everything in it.
const buildId = createHash('sha256').update(html, 'utf8').digest('hex').slice(0, 12);
html = html.replace('data-one-file="BUILD-ID"', `data-one-file="${buildId}"`);
writeFileSync(output, html);
const bytes = Buffer.byteLength(html);
console.log(`one-file: wrote ${path.relative(process.cwd(), output)}, version ${buildId} (${bytes} bytes, ${gzipSync(html, { level: 9 }).length} gzip; ` +
  `${scriptHashes.length} scripts and ${styleHashes.length} styles allowed by hash)`);
