// Licence notices: the engine the page ships contains Emscripten's runtime,
// musl, LLVM's libc++/libc++abi/libunwind/compiler-rt, dlmalloc and nlohmann/json. Their notices ship
// with it: web/THIRD-PARTY-NOTICES.txt, listed for offline use (saved when first opened) and linked from the footer; the
// one-file copy, which has nothing beside it, carries the text itself in its footer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startAid, openPage, webDir } from './support.mjs';
import { SHIPPED } from './settings-presets.mjs';

const COMPONENTS = [/The Emscripten Authors/, /musl/, /libc\+\+/, /libc\+\+abi/, /libunwind/, /compiler-rt/, /LLVM Exceptions/,
  /dlmalloc/, /Niels Lohmann/, /Permission is hereby granted/, /Apache License\s+Version 2\.0/];

let aid;
before(async () => { aid = await startAid({ settings: SHIPPED }); });
after(async () => { await aid?.close(); });

test('notices: THIRD-PARTY-NOTICES.txt names every third-party part of the engine and its licence', () => {
  const text = readFileSync(path.join(webDir, 'THIRD-PARTY-NOTICES.txt'), 'utf8');
  for (const pattern of COMPONENTS) assert.match(text, pattern);
  assert.match(readFileSync(path.join(webDir, 'precache-manifest.js'), 'utf8'), /"url":"THIRD-PARTY-NOTICES\.txt"/, 'listed for offline use');
});

test('notices: the footer links to them, and the link serves the text', async () => {
  const { page, context, consoleErrors } = await openPage(aid);
  try {
    const link = page.locator('#notices-link');
    assert.equal(await link.isVisible(), true);
    assert.equal(await page.getByRole('link', { name: 'Licences of the third-party parts Radiculo includes (opens a new window)' }).count(), 1);
    const response = await page.request.get(new URL(await link.getAttribute('href'), page.url()).href);
    assert.equal(response.status(), 200);
    assert.match(response.headers()['content-type'], /^text\/plain/);
    assert.match(await response.text(), /The Emscripten Authors/);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

test('notices: the one-file copy carries the text itself, folded in its footer', async () => {
  const context = await aid.browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(pathToFileURL(path.join(webDir, 'radiculo-offline.html')).href);
    await page.waitForSelector('html[data-engine="ready"]');
    assert.equal(await page.locator('a[href$="THIRD-PARTY-NOTICES.txt"]').count(), 0, 'no link to a file that is not beside the copy');
    const notices = page.locator('details#notices');
    await notices.locator('summary').click();
    const text = await notices.locator('pre').innerText();
    for (const pattern of COMPONENTS) assert.match(text, pattern);
  } finally {
    await context.close();
  }
});
