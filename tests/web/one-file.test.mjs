// The one-file copy (web/radiculo-offline.html, written by tools/one-file.mjs from build-wasm.sh):
// opened by a file:// URL, as from a USB stick or an e-mail attachment, it completes a plan with no
// console error (so its hash-based CSP allows every inline part, and nothing is fetched).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launchChromium, collectErrors, chooseAudience, completePlan, webDir, screenshotDir } from './browser-helpers.mjs';

const oneFile = path.join(webDir, 'radiculo-offline.html');
let browser;
before(async () => { browser = await launchChromium(); });
after(async () => { await browser?.close(); });

test('one-file: opened from file:// (alone in a folder), it completes a plan with no console error', async () => {
  const html = readFileSync(oneFile);
  console.log(`one-file: ${statSync(oneFile).size} bytes, ${gzipSync(html, { level: 9 }).length} gzip`);
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html.toString('utf8'))[1];
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|\bself\b/, 'inline parts are allowed by hash only');
  assert.match(csp, /connect-src 'none'/);
  assert.doesNotMatch(html.toString('utf8'), /<script[^>]+src=|<link[^>]+rel="stylesheet"/, 'nothing loaded from beside it');

  // A folder with nothing else in it: the file must need nothing beside it.
  const dir = mkdtempSync(path.join(tmpdir(), 'radiculo-one-file-'));
  const copy = path.join(dir, 'radiculo-offline.html');
  copyFileSync(oneFile, copy);
  const context = await browser.newContext({ viewport: { width: 800, height: 1280 } });
  try {
    const requests = [];
    context.on('request', (request) => requests.push(request.url()));
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(pathToFileURL(copy).href);
    await page.waitForSelector('html[data-engine="ready"]');
    await chooseAudience(page, 'patient');
    await completePlan(page, { fever: true });
    await page.waitForSelector('#plan[data-triage="urgent"]');
    assert.ok(await page.locator('[data-rec-id]').count() > 0);
    assert.equal(await page.locator('[data-call-now="urgent"]').count(), 1, 'the call-now box (settings inlined)');
    assert.equal(await page.evaluate(() => 'serviceWorker' in navigator && navigator.serviceWorker.controller), null);
    await page.screenshot({ path: path.join(screenshotDir, 'one-file-urgent-tablet.png') });
    assert.deepEqual(requests.filter((url) => !url.startsWith('data:')), [pathToFileURL(copy).href], 'only the file itself');
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
