// Every label of content/ui is used by some surface: the page (web/), the engine (src/) or the
// page generators (tools/). A label no surface names is dead words, translated for nothing. A key
// is used when a source names it in quotes ("key", 'key', `key`, or data-ui="key") or as a
// property (ui.key). The sentence templates the engine fills into a plan are not labels: they live in
// content/lang "planText", and content/ui holds none of them.
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
  for (const language of readdirSync(path.join(repoRoot, 'content/ui'))) {
    const ui = JSON.parse(readFileSync(path.join(repoRoot, 'content/ui', language), 'utf8'));
    const unused = Object.keys(ui).filter((key) => !named(key));
    assert.deepEqual(unused, [], `content/ui/${language}: labels no surface uses (delete them, or use them)`);
  }
});

test('content/ui holds no sentence the engine fills into a plan (those are content/lang planText)', () => {
  for (const language of readdirSync(path.join(repoRoot, 'content/ui'))) {
    const ui = JSON.parse(readFileSync(path.join(repoRoot, 'content/ui', language), 'utf8'));
    const lang = JSON.parse(readFileSync(path.join(repoRoot, 'content/lang', language), 'utf8'));
    assert.ok(Object.keys(lang.planText).length >= 6, `content/lang/${language} has its planText`);
    const both = Object.keys(lang.planText).filter((key) => key in ui);
    assert.deepEqual(both, [], `content/ui/${language}: plan sentences that belong in content/lang planText`);
    assert.deepEqual(Object.keys(ui).filter((key) => key.startsWith('injectionReason')), [], `content/ui/${language}: injection reasons`);
  }
});
