// Offline: after one visit the page works with the network gone (server stopped AND the context
// offline), including a fresh reload, from exactly one "radiculo <folder> <hash>" cache. And an
// update: a new build gets a new cache; the page says "update ready" and applies it only when the
// next person starts, never in the middle of an assessment. And the worker owns only its own files:
// at a site root it never answers another folder's pages, and two deployments on one origin keep
// each other's caches.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startStaticServer } from '../../tools/static-server.mjs';
import { launchChromium, collectErrors, chooseAudience, completePlan, answerRadio, webDir, screenshotDir,
  webCopy, regeneratePrecache, waitForControl } from './support.mjs';
import { SIGNED_OFF } from './settings-presets.mjs';

const BASE_PATH = '/tools/radiculo/';
let browser;
before(async () => { browser = await launchChromium(); });
after(async () => { await browser?.close(); });

const cacheNames = (page) => page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('radiculo')));
/** The language data files (engine/content-<code>.json) in this deployment's cache. */
const cachedLanguages = (page) => page.evaluate(async () => {
  const name = (await caches.keys()).find((key) => key.startsWith('radiculo'));
  const keys = await (await caches.open(name)).keys();
  return keys.map((request) => /engine\/content-([a-z]+)\.json$/.exec(request.url)).filter(Boolean).map((match) => match[1]).sort();
});
const buildVersion = (dir) => /version: '([0-9a-f]+)'/.exec(readFileSync(path.join(dir, 'precache-manifest.js'), 'utf8'))[1];

test('offline: web/precache-manifest.js lists web/ as it is now (else run ./build-wasm.sh)', () => {
  const dir = webCopy('radiculo-precache-');
  try {
    assert.equal(readFileSync(path.join(webDir, 'precache-manifest.js'), 'utf8'),
      readFileSync(path.join(dir, 'precache-manifest.js'), 'utf8'), 'stale precache list: run ./build-wasm.sh');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('offline: after one visit, a reload with the server stopped and the context offline completes a plan', async () => {
  const dir = webCopy('radiculo-offline-', { settings: SIGNED_OFF });
  const server = await startStaticServer({ root: dir, basePath: BASE_PATH });
  const context = await browser.newContext({ viewport: { width: 800, height: 1280 } });
  let serverClosed = false;
  try {
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${server.url}?kiosk`);
    await page.waitForSelector('html[data-engine="ready"]');
    await waitForControl(page);
    const version = buildVersion(dir);

    await server.close();
    serverClosed = true;
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('html[data-engine="ready"]');
    assert.ok(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), 'served by the worker');
    assert.equal(new URL(page.url()).search, '?kiosk', 'the address (with its query) reloads from the cache');
    await chooseAudience(page, 'patient');
    await completePlan(page);
    await page.waitForSelector('#plan[data-triage="conservative"]');
    assert.ok(await page.locator('[data-rec-id]').count() > 3, 'the engine ran offline');
    // settings.json is network-first: offline it comes from the cache (nothing to report).
    assert.equal(await page.evaluate(() => window.Radiculo.app.settings.kioskIdleSeconds), 90);
    assert.equal(await page.locator('#settings-notice').isVisible(), false);
    assert.deepEqual(await cacheNames(page), [`radiculo ${BASE_PATH} ${version}`], 'exactly one cache, named by its folder and the build hash');
    assert.deepEqual(await cachedLanguages(page), ['en', 'es'], 'the words of every language the settings offer are saved');
    // Some other place (a second page) works offline too: a navigation to the folder with a query.
    const other = await context.newPage();
    await other.goto(`${server.url}?anything`);
    await other.waitForSelector('html[data-engine="ready"]');
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
    if (!serverClosed) await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

/** The records module's files (the note and FHIR) in this deployment's cache. */
const cachedRecords = (page) => page.evaluate(async () => {
  const name = (await caches.keys()).find((key) => key.startsWith('radiculo'));
  const keys = await (await caches.open(name)).keys();
  return keys.map((request) => /engine\/(radiculo-records\.[a-z.]+)$/.exec(request.url.split('?')[0])).filter(Boolean).map((match) => match[1]).sort();
});

test(`offline: the note's module is not saved by a visit that makes no record; a note made online saves it, and notes are then made offline`, async () => {
  const dir = webCopy('radiculo-records-', { settings: SIGNED_OFF });
  const server = await startStaticServer({ root: dir, basePath: BASE_PATH });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  let serverClosed = false;
  try {
    const page = await context.newPage();
    const errors = collectErrors(page);
    const asked = [];
    page.on('request', (request) => asked.push(new URL(request.url()).pathname));
    await page.goto(server.url);
    await page.waitForSelector('html[data-engine="ready"]');
    await waitForControl(page);
    await chooseAudience(page, 'patient');
    await completePlan(page);
    await page.waitForSelector('#plan[data-triage="conservative"]');
    await page.locator('#start-again').click();
    await chooseAudience(page, 'clinician');
    await completePlan(page);
    await page.waitForSelector('#plan[data-triage="conservative"]');
    assert.deepEqual(await cachedRecords(page), [], 'plans, a patient\'s and a clinician\'s, save no records module');
    assert.equal(asked.filter((url) => url.includes('radiculo-records')).length, 0, 'nor download it');
    // The documents of the footer too: saved when first opened, not at install.
    const cachedPaths = () => page.evaluate(async () => {
      const name = (await caches.keys()).find((key) => key.startsWith('radiculo'));
      return (await (await caches.open(name)).keys()).map((request) => new URL(request.url).pathname.split('/').pop());
    });
    assert.equal((await cachedPaths()).includes('hazard-log.html'), false, 'the hazard log is not saved at install');
    assert.equal(await page.evaluate(async () => (await fetch('hazard-log.html')).ok), true);
    assert.equal((await cachedPaths()).includes('hazard-log.html'), true, 'opened once online, it is saved');

    await page.locator('#copy-note').click();
    await page.locator('#record-note-text').waitFor({ state: 'visible' });
    await page.waitForFunction(async () => {
      const name = (await caches.keys()).find((key) => key.startsWith('radiculo'));
      return (await (await caches.open(name)).keys()).filter((request) => request.url.includes('radiculo-records')).length === 2;
    });
    assert.deepEqual(await cachedRecords(page), ['radiculo-records.min.js', 'radiculo-records.wasm'], 'a note made online saves it');

    await server.close();
    serverClosed = true;
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('html[data-engine="ready"]');
    await chooseAudience(page, 'clinician');
    await completePlan(page);
    await page.waitForSelector('#plan[data-triage="conservative"]');
    await page.locator('#copy-note').click();
    await page.locator('#record-note-text').waitFor({ state: 'visible' });
    assert.match(await page.locator('#record-note-text').inputValue(), /Radiculo/, 'the note, made offline');
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
    if (!serverClosed) await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('offline: a new build is announced, waits during an assessment, and applies at "Start again"', async () => {
  // A copy of web/ that can be changed like a deployment would (a new build = new precache list).
  const dir = webCopy('radiculo-update-', { settings: SIGNED_OFF });
  const server = await startStaticServer({ root: dir, basePath: BASE_PATH });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(server.url);
    await page.waitForSelector('html[data-engine="ready"]');
    await waitForControl(page);
    const [oldCache] = await cacheNames(page);

    // Someone is in the middle of an assessment ...
    await chooseAudience(page, 'clinician');
    await answerRadio(page, 'fever', 'No');
    // ... when a new build is deployed.
    const css = path.join(dir, 'styles', 'base.css');
    writeFileSync(css, `${readFileSync(css, 'utf8')}\n/* build 2 */\n`);
    regeneratePrecache(dir);
    await page.evaluate(() => window.Radiculo.offline.check());
    await page.waitForSelector('html[data-update="ready"]');
    const notice = page.locator('#update-ready');
    await notice.waitFor({ state: 'visible' });
    assert.match(await notice.innerText(), /ready.*next person/);
    await page.screenshot({ path: path.join(screenshotDir, 'offline-update-ready.png') });
    // Not applied mid-assessment: same page, answer still there, old cache still serving.
    assert.equal(await page.locator('#q-fever input[value="no"]').isChecked(), true);

    // The next person starts: one reload onto the new version, one cache left.
    const reloaded = page.waitForEvent('load');
    await page.locator('#start-again').click();
    await reloaded;
    await page.waitForSelector('html[data-engine="ready"]');
    const names = await cacheNames(page);
    assert.equal(names.length, 1, `one cache after the update: ${names}`);
    assert.notEqual(names[0], oldCache, 'the new build has its own cache');
    assert.equal(await page.locator('#update-ready').isVisible(), false);
    assert.equal(await page.locator('#chooser').isVisible(), true, 'back at the start');
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('offline: deployed at a site root, the worker never answers another folder\'s pages', async () => {
  const dir = webCopy('radiculo-root-'); // the shipped settings: English only
  const server = await startStaticServer({ root: dir, basePath: '/' });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(server.url);
    await page.waitForSelector('html[data-engine="ready"]');
    await waitForControl(page);
    // Only the languages the settings offer are downloaded and saved (here English alone).
    assert.deepEqual(await cachedLanguages(page), ['en']);
    // Another application's folders on the same host: the network's answer (here a 404), not Radiculo.
    for (const other of ['wiki/', 'intranet/hr/', 'wiki/?q=1', 'other.html']) {
      const response = await page.goto(`${server.url}${other}`);
      assert.equal(response.status(), 404, other);
      assert.equal(response.fromServiceWorker(), false, `${other}: not answered by the worker`);
      assert.notEqual(await page.title(), 'Radiculo', other);
    }
    // Offline, they fail like any page without network; Radiculo's own folder still works.
    await context.setOffline(true);
    await assert.rejects(page.goto(`${server.url}wiki/`), /ERR_INTERNET_DISCONNECTED|ERR_FAILED/);
    // A fresh tab: the failed one is still committing Chromium's own error page, and a second
    // navigation in it races that (seen under load as "interrupted by ... chrome-error").
    const fresh = await context.newPage();
    const freshErrors = collectErrors(fresh);
    await fresh.goto(`${server.url}?kiosk`);
    await fresh.waitForSelector('html[data-engine="ready"]');
    assert.deepEqual(errors.filter((text) => !/404|ERR_INTERNET_DISCONNECTED/.test(text)), [], 'no console error but the 404s asked for');
    assert.deepEqual(freshErrors, [], 'offline, Radiculo\'s own folder starts without an error');
  } finally {
    await context.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('offline: two deployments on one origin (production and staging) keep each other\'s offline copies', async () => {
  // One host serving two different builds: /prod/ and /staging/.
  const root = mkdtempSync(path.join(tmpdir(), 'radiculo-two-'));
  const prod = webCopy('radiculo-prod-', { settings: SIGNED_OFF });
  const staging = webCopy('radiculo-staging-', { settings: SIGNED_OFF });
  const css = path.join(staging, 'styles', 'base.css');
  writeFileSync(css, `${readFileSync(css, 'utf8')}\n/* staging build */\n`);
  regeneratePrecache(staging);
  mkdirSync(path.join(root, 'prod'));
  mkdirSync(path.join(root, 'staging'));
  cpSync(prod, path.join(root, 'prod'), { recursive: true });
  cpSync(staging, path.join(root, 'staging'), { recursive: true });
  const server = await startStaticServer({ root, basePath: '/' });
  const context = await browser.newContext();
  let serverClosed = false;
  try {
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${server.url}prod/`);
    await page.waitForSelector('html[data-engine="ready"]');
    await waitForControl(page);
    const other = await context.newPage();
    await other.goto(`${server.url}staging/`);
    await other.waitForSelector('html[data-engine="ready"]');
    await waitForControl(other);
    assert.deepEqual((await cacheNames(page)).sort(), [`radiculo /prod/ ${buildVersion(prod)}`, `radiculo /staging/ ${buildVersion(staging)}`]);

    await server.close();
    serverClosed = true;
    await context.setOffline(true);
    for (const [tab, folder] of [[page, 'prod/'], [other, 'staging/']]) {
      await tab.goto(`${server.url}${folder}`);
      await tab.waitForSelector('html[data-engine="ready"]');
      await chooseAudience(tab, 'clinician');
      await answerRadio(tab, 'saddleAnesthesia', 'Yes');
      await tab.waitForSelector('#plan[data-triage="emergency"]');
    }
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
    if (!serverClosed) await server.close();
    for (const folder of [root, prod, staging]) rmSync(folder, { recursive: true, force: true });
  }
});
