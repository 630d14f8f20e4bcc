// Every label of content/ui is used by some surface: the page (web/), the engine (src/) or the
// page generators (tools/). A label no surface names is dead words, translated for nothing. A key
// is used when a source names it in quotes ("key", 'key', `key`, or data-ui="key") or as a
// property (ui.key), or, for a
// family of keys (injectionReason_notContained), when a source builds it from its prefix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const GENERATED = new Set(['web/index.html', 'web/about.html', 'web/precache-manifest.js', 'web/radiculo-offline.html', 'web/hazard-log.html']);

function sources(dir) {
  return readdirSync(path.join(repoRoot, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return ['web/engine', 'web/lib'].includes(relative) ? [] : sources(relative);
    return /\.(js|mjs|html|cpp|h)$/.test(entry.name) && !GENERATED.has(relative) ? [relative] : [];
  });
}

test('every label of content/ui is used by a surface', () => {
  const text = ['web', 'src', 'tools'].flatMap(sources).map((file) => readFileSync(path.join(repoRoot, file), 'utf8')).join('\n');
  const named = (key) => ['"', "'", '`'].some((quote) => text.includes(`${quote}${key}${quote}`))
    || new RegExp(`\\.${key}\\b`).test(text); // a property: ui.aboutSections
  const built = (key) => key.includes('_') && ['"', "'", '`'].some((quote) => text.includes(`${quote}${key.slice(0, key.indexOf('_') + 1)}`));
  for (const language of readdirSync(path.join(repoRoot, 'content/ui'))) {
    const ui = JSON.parse(readFileSync(path.join(repoRoot, 'content/ui', language), 'utf8'));
    const unused = Object.keys(ui).filter((key) => !named(key) && !built(key));
    assert.deepEqual(unused, [], `content/ui/${language}: labels no surface uses (delete them, or use them)`);
  }
});
