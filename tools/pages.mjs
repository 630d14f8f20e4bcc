// Writes web/index.html and web/about.html from web/index.template.html and web/about.template.html,
// with every file a page loads named by its content: src="app.js" becomes src="app.js?v=<12 hex of
// its sha256>" (scripts, stylesheets, icons, the manifest, and the engine's .wasm in data-wasm).
//
// Why: without a service worker (plain http, a first visit, a browser that blocks workers) the
// browser's HTTP cache decides which copy of each file a page gets. With fixed names, a new
// index.html could run with an app.js cached from the last version. With
// these names a page can only ever get the very files it was built with: a changed file has a new
// address, which no cache has seen. (index.html itself must be revalidated, as docs/deployment.md
// says: Cache-Control: no-cache.) The service worker ignores the ?v= part (it has its own list).
//
// The templates' HTML comments (notes for whoever edits them) are left out of the pages: bytes every
// visitor would download for nothing (the page has a size budget, tools/budget.mjs).
//
// Each page's scripts and styles ship minified and bundled: the <script defer src> files become one
// <page>.bundle.js, run in the same order just after the engine's Emscripten glue (which the pages
// share: it stays apart, minified as engine/radiculo.min.js, as is the records module's glue loaded on
// demand, engine/radiculo-records.min.js; Node loads the unminified glue itself);
// the screen stylesheets become one <page>.bundle.css in cascade order (print.css stays
// apart, print-only, minified as print.min.css); the page's own scripts loaded on demand become <name>.min.js each. Fewer requests and about 40 % fewer script bytes on a slow link. Minified by
// esbuild (package-lock.json) for the browsers the page needs anyway ('wasm-unsafe-eval': Chrome 97,
// Firefox 102, Safari 16), never to newer syntax. The sources stay the files to read and edit; the
// bundles are generated (not in git) and the offline worker lists only what the pages load.
// Edit the templates, never the generated pages (they are not in git). Run by tools/precache.mjs,
// so by ./build-wasm.sh; usage: node tools/pages.mjs [web-folder]
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';

const TEMPLATE = '.template.html';
// The oldest browsers that can run the engine under the page's CSP ('wasm-unsafe-eval').
const BROWSERS = ['chrome97', 'edge97', 'firefox102', 'safari16'];

/** A classic script minified (no newer syntax than the page's browsers read; globals keep their names). */
export function minifyScript(text) {
  return transformSync(text, { loader: 'js', minify: true, target: BROWSERS, charset: 'utf8', legalComments: 'none' }).code;
}

// Chrome's explicit compile hint (Chrome 136, a comment to any other browser), on the scripts a page
// runs as it starts (the engine's glue and the page's bundle, not those loaded on demand): V8 compiles
// their functions while the file streams in, on a background thread, instead of each one on the
// main thread when it is first called. Measured: cold first plan at CPU 4x 0.87-0.96x without it
// (3 interleaved runs of 5-7 loads).
const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

/** A stylesheet minified for the same browsers. */
export function minifyStyle(text) {
  return transformSync(text, { loader: 'css', minify: true, target: BROWSERS, charset: 'utf8', legalComments: 'none' }).code;
}

/**
 * The page's <script defer src> and screen stylesheets replaced by one bundle each, written beside
 * the page as <name>.bundle.js and <name>.bundle.css. Returns the page's HTML and the source files it
 * no longer loads.
 */
function bundlePage(webDir, name, html) {
  const bundled = [];
  const scripts = [];
  const PLACE = '\u0000scripts\u0000';
  let out = html.replace(/[ \t]*<script\b[^>]*\bdefer\b[^>]*\bsrc="([^"]+)"[^>]*><\/script>\n?/g, (tag, src) => {
    if (/\bdata-wasm="/.test(tag)) { // the engine's glue (data-wasm: where engine-client.js finds the .wasm)
      const minified = src.replace(/\.js$/, '.min.js');
      writeIfChanged(path.join(webDir, minified), COMPILE_HINT + minifyScript(readFileSync(path.join(webDir, src), 'utf8')));
      bundled.push(src);
      return tag.replace(`src="${src}"`, `src="${minified}"`) + PLACE;
    }
    scripts.push(src);
    return '';
  });
  // The records module's glue, loaded on demand (<template id="scripts-on-demand">): minified the same way.
  out = out.replace(/<script\b(?![^>]*\bdefer\b)[^>]*\bdata-wasm="[^"]*"[^>]*><\/script>/g, (tag) => {
    const src = /\bsrc="([^"]+)"/.exec(tag)[1];
    const minified = src.replace(/\.js$/, '.min.js');
    writeIfChanged(path.join(webDir, minified), minifyScript(readFileSync(path.join(webDir, src), 'utf8')));
    bundled.push(src);
    return tag.replace(`src="${src}"`, `src="${minified}"`);
  });
  const read = (relative) => readFileSync(path.join(webDir, relative), 'utf8');
  const styles = [];
  out = out.replace(/[ \t]*<link\b[^>]*\brel="stylesheet"[^>]*>\n?/g, (tag) => {
    const href = /\bhref="([^"]+)"/.exec(tag)[1];
    if (/\bmedia="/.test(tag)) { // print.css: loaded apart, print only (the browser fetches it at once), minified apart
      const minified = href.replace(/\.css$/, '.min.css');
      writeIfChanged(path.join(webDir, minified), minifyStyle(read(href)));
      bundled.push(href);
      return tag.replace(`href="${href}"`, `href="${minified}"`);
    }
    styles.push(href);
    return '';
  });
  if (scripts.length) {
    // Each file's own minified text, in the page's order; ';' keeps one file's end from joining the next.
    writeIfChanged(path.join(webDir, `${name}.bundle.js`), COMPILE_HINT + scripts.map((src) => minifyScript(read(src)).trimEnd()).join(';\n') + '\n');
    const script = `  <script defer src="${name}.bundle.js"></script>\n`;
    out = out.includes(PLACE) ? out.replace(PLACE, script) : out.replace('</head>', `${script}</head>`);
    bundled.push(...scripts);
  }
  if (styles.length) {
    writeIfChanged(path.join(webDir, `${name}.bundle.css`), minifyStyle(styles.map(read).join('\n')));
    const link = `  <link rel="stylesheet" href="${name}.bundle.css">\n`;
    out = out.replace(/([ \t]*<link\b[^>]*\brel="stylesheet"[^>]*\bmedia=)|(<\/head>)/, (whole) => link + whole);
    bundled.push(...styles);
  }
  return { html: out.replace(PLACE, ''), bundled };
}

function writeIfChanged(file, text) {
  if (!existsSync(file) || readFileSync(file, 'utf8') !== text) writeFileSync(file, text);
}

/** "?v=" and the first 12 hex digits of the file's sha256. */
function versionOf(webDir, relative) {
  const file = path.join(webDir, relative);
  if (!existsSync(file)) throw new Error(`pages: ${relative} is missing in ${webDir} (run ./build-wasm.sh)`);
  return `?v=${createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 12)}`;
}

/** The page's text with every local file it loads versioned. */
export function versionPage(webDir, html) {
  const local = (url) => !/^(?:[a-z]+:|\/\/|#|data:)/i.test(url);
  const stamp = (whole, before, url, after) => (local(url) ? `${before}${url.split('?')[0]}${versionOf(webDir, url.split('?')[0])}${after}` : whole);
  return html
    // <script src>, <img src>
    .replace(/(<(?:script|img)\b[^>]*?\bsrc=")([^"]+)(")/g, stamp)
    // <link href> (stylesheets, icons, manifest); <a href> is a page link and stays as it is
    .replace(/(<link\b[^>]*?\bhref=")([^"]+)(")/g, stamp)
    // the engine's .wasm, handed to the engine by engine-client.js
    .replace(/(\bdata-wasm=")([^"]+)(")/g, stamp)
    // each language's data file (engine/content-<code>.json), the engine's default language first
    .replace(/(\bdata-content=")([^"]*)\*([^"]*)(")/g, (whole, before, prefix, suffix, after) => {
      const folder = path.posix.dirname(`${prefix}x`);
      const names = readdirSync(path.join(webDir, folder)).filter((name) => name.startsWith(path.posix.basename(`${prefix}x`).slice(0, -1)) && name.endsWith(suffix));
      const code = (name) => name.slice(path.posix.basename(`${prefix}x`).length - 1, -suffix.length);
      names.sort((a, b) => (code(a) === 'en' ? -1 : code(b) === 'en' ? 1 : a.localeCompare(b)));
      if (!names.length) throw new Error(`pages: no ${prefix}*${suffix} in ${webDir} (run ./build-wasm.sh)`);
      return `${before}${names.map((name) => `${folder}/${name}${versionOf(webDir, `${folder}/${name}`)}`).join(' ')}${after}`;
    });
}

// ---------- the words that need no engine: loading, no JavaScript, the engine cannot start ----------

// The content beside these tools (a copy of web/ elsewhere, as the tests make, has none of its own).
const CONTENT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'content');
const escapeHtml = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Every language of the content (content/lang/*.json), English first: [{ code, ui, lang }]. */
function contentLanguages(contentDir) {
  const codes = readdirSync(path.join(contentDir, 'lang')).filter((file) => file.endsWith('.json')).map((file) => file.slice(0, -5));
  codes.sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)));
  return codes.map((code) => ({
    code,
    ui: JSON.parse(readFileSync(path.join(contentDir, 'ui', `${code}.json`), 'utf8')),
    lang: JSON.parse(readFileSync(path.join(contentDir, 'lang', `${code}.json`), 'utf8')),
  }));
}

/**
 * The template's {{fallback:NAME}} places filled in every language of the content, each part marked
 * with its language (engine-client.js keeps only the browser's, when the content has it; with no
 * JavaScript every language shows). Where the engine cannot start, the emergency line of the start
 * screen goes with it: it may be the only advice a person in an emergency gets from this page.
 */
export function fillFallbacks(html, contentDir = CONTENT_DIR) {
  const languages = contentLanguages(contentDir);
  const part = (code, tag, inner) => `<${tag} lang="${code}" data-fallback-lang="${code}">${inner}</${tag}>`;
  const words = ({ ui, lang }, key) => {
    const value = ui[key] !== undefined ? ui[key] : lang[key];
    if (value === undefined) throw new Error(`pages: no "${key}" in the content for the fallback screens`);
    const text = typeof value === 'object' ? value.patient || value.clinician : value;
    // The start screen's emergency line names a number: here, with no settings read, the words for it.
    return escapeHtml(String(text).replace('{number}', ui.localEmergencyNumber || ''));
  };
  const blocks = {
    loading: (l) => part(l.code, 'span', words(l, 'fallbackLoading')),
    unsupported: (l) => part(l.code, 'div', `<h2>${words(l, 'fallbackUnsupportedTitle')}</h2><p>${words(l, 'fallbackUnsupportedText')}</p><p><strong>${words(l, 'startEmergency')}</strong></p>`),
    noscript: (l) => part(l.code, 'div', `<h2>${words(l, 'fallbackNoScriptTitle')}</h2><p>${words(l, 'fallbackNoScriptText')}</p><p><strong>${words(l, 'startEmergency')}</strong></p>`),
    'about-unsupported': (l) => part(l.code, 'p', words(l, 'fallbackAboutUnsupported')),
    'about-title': (l) => part(l.code, 'span', words(l, 'aboutFallbackTitle')),
    'about-noscript': (l) => part(l.code, 'p', words(l, 'fallbackAboutNoScript')),
    framed: (l) => part(l.code, 'p', words(l, 'framed')),
  };
  // The tab's title holds no markup: every language's, side by side, until the page names itself.
  html = html.replace('{{fallback-text:about-title}}', () => languages.map((l) => words(l, 'aboutFallbackTitle')).join(' / '));
  return html.replace(/\{\{fallback:([a-z-]+)\}\}/g, (whole, name) => {
    if (!blocks[name]) throw new Error(`pages: unknown fallback place ${whole}`);
    return languages.map((language) => blocks[name](language)).join(name === 'loading' || name === 'about-title' ? ' ' : '');
  });
}

const ON_DEMAND = /(<template id="scripts-on-demand">)([\s\S]*?)(<\/template>)/;

/**
 * The page's own scripts that it loads only when asked (its <template id="scripts-on-demand">, dom.js
 * loadScript) ship minified too, each apart as <name>.min.js (dom.js finds it by its source's name).
 * Returns the page's HTML naming those copies, and the sources (which no page loads by their own names).
 */
function minifyOnDemand(webDir, html) {
  const sources = [];
  const out = html.replace(ON_DEMAND, (whole, open, inner, close) => open + inner.replace(/(<script\b[^>]*\bsrc=")([^"/?]+)\.js"/g, (tag, before, name) => {
    writeIfChanged(path.join(webDir, `${name}.min.js`), minifyScript(readFileSync(path.join(webDir, `${name}.js`), 'utf8')));
    sources.push(`${name}.js`);
    return `${before}${name}.min.js"`;
  }) + close);
  return { html: out, sources };
}

/**
 * Writes every *.html from its *.template.html, with its bundles; returns the pages written and the
 * source files now inside a bundle or minified apart (which no page loads by their own names).
 */
export function writePages(webDir) {
  const pages = [];
  const bundled = new Set();
  for (const name of readdirSync(webDir).filter((file) => file.endsWith(TEMPLATE)).sort()) {
    const base = name.slice(0, -TEMPLATE.length);
    const page = `${base}.html`;
    const onDemand = minifyOnDemand(webDir, fillFallbacks(readFileSync(path.join(webDir, name), 'utf8')).replace(/[ \t]*<!--[\s\S]*?-->\n?/g, ''));
    for (const file of onDemand.sources) bundled.add(file);
    const bundle = bundlePage(webDir, base, onDemand.html);
    for (const file of bundle.bundled) bundled.add(file);
    const note = `<!-- Generated by tools/pages.mjs from ${name}: edit that file, not this one. -->\n`;
    const html = versionPage(webDir, bundle.html).replace(/^(<!doctype html>\n)/i, `$1${note}`);
    writeIfChanged(path.join(webDir, page), html);
    pages.push(page);
  }
  return { pages, bundled: [...bundled].sort() };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const webDir = path.resolve(process.argv[2] || 'web');
  console.log(`pages: wrote ${writePages(webDir).pages.join(', ')}`);
}
