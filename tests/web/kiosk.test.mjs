// Kiosk mode (?kiosk&idle=SECONDS) with Playwright's clock control, not real waiting: after the idle
// time "Still there?" appears, one tap continues; 20 s after it appears unanswered, every answer is
// gone from the DOM and nothing is in any storage. Also: the "Start over" button, links that would
// leave the page are inert, Back stays on the page, no context menu.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startStaticServer } from './static-server.mjs';
import { launchChromium, collectErrors, chooseAudience, completePlan, answerRadio, repoRoot, webDir, screenshotDir } from './browser-helpers.mjs';

let server;
let browser;
before(async () => {
  server = await startStaticServer({ root: webDir, basePath: '/kiosk/' });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function openKiosk(query, viewport = { width: 1920, height: 1080 }) {
  // serviceWorkers 'block': this test is about the page, and a worker's timers are not on the fake clock.
  // bypassCSP: only so that axe-core can be injected for the accessibility check of the dialog.
  const context = await browser.newContext({ viewport, serviceWorkers: 'block', bypassCSP: true });
  const page = await context.newPage();
  const errors = collectErrors(page);
  page.on('response', (response) => { if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`); });
  await page.clock.install();
  await page.goto(`${server.url}${query}`);
  await page.waitForSelector('html[data-engine="ready"]');
  return { context, page, errors };
}

/** Every trace of an answer: checked radios, typed text, the plan, the address, any storage. */
async function traces(page) {
  return page.evaluate(async () => ({
    checked: Array.from(document.querySelectorAll('#questions input:checked'))
      .filter((input) => !input.name.endsWith('-unit')).map((input) => input.name),
    typed: Array.from(document.querySelectorAll('#questions input[type="text"]')).filter((input) => input.value !== '').map((input) => input.name),
    planLines: document.querySelectorAll('#plan [data-rec-id]').length,
    planShown: !document.getElementById('workspace').hidden,
    audience: document.documentElement.getAttribute('data-audience'),
    chooserShown: !document.getElementById('chooser').hidden,
    hash: location.hash,
    local: localStorage.length,
    session: sessionStorage.length,
    databases: (await indexedDB.databases()).length,
    cookie: document.cookie,
  }));
}

const CLEAN = { checked: [], typed: [], planLines: 0, planShown: false, audience: null, chooserShown: true, hash: '',
  local: 0, session: 0, databases: 0, cookie: '' };

test('kiosk: "Still there?" after the idle time, one tap continues, 20 s later every answer is gone', async () => {
  const { context, page, errors } = await openKiosk('?kiosk&idle=30');
  try {
    await page.screenshot({ path: path.join(screenshotDir, 'kiosk-start.png') });
    await chooseAudience(page, 'patient');
    await completePlan(page);
    await page.locator('#input-ageYears').fill('52');
    await page.waitForSelector('#plan[data-triage="conservative"]');
    assert.equal(await page.locator('#start-over').isVisible(), true, 'a visible Start over');

    const dialog = page.locator('#still-there');
    await page.clock.runFor(29_000);
    assert.equal(await dialog.isVisible(), false, 'not before the idle time');
    await page.clock.runFor(1_000);
    await dialog.waitFor({ state: 'visible' });
    assert.match(await dialog.innerText(), /Still there\?[\s\S]*cleared in 20 seconds/);
    await page.clock.runFor(5_000);
    assert.match(await page.locator('#still-there-text').innerText(), /15 seconds/, 'the countdown runs');
    await page.screenshot({ path: path.join(screenshotDir, 'kiosk-still-there.png') });
    await page.addScriptTag({ content: readFileSync(path.join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8') });
    const axe = await page.evaluate(() => window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    }));
    assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes[0].target.join(' ')}`), [], 'axe on "Still there?"');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'still-there-continue', 'focus on the one-tap answer');
    await page.setViewportSize({ width: 800, height: 1280 });
    await page.screenshot({ path: path.join(screenshotDir, 'kiosk-still-there-tablet.png') });

    // One tap continues, answers kept.
    await page.locator('#still-there-continue').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.clock.runFor(25_000);
    assert.equal((await traces(page)).checked.length, 13, 'answers kept after "Yes, I am still here"');

    // Nobody answers this time: 30 s idle, then 20 s, then the start screen with nothing left.
    await page.clock.runFor(6_000);
    await dialog.waitFor({ state: 'visible' });
    await page.clock.runFor(20_000);
    await dialog.waitFor({ state: 'hidden' });
    assert.deepEqual(await traces(page), CLEAN);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: path.join(screenshotDir, 'kiosk-after-reset.png') });

    // Back at the start, the idle clock does not nag an empty screen.
    await page.clock.runFor(120_000);
    assert.equal(await dialog.isVisible(), false);
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
  }
});

test('kiosk: Start over clears at once; no way out of the page by link, Back or context menu', async () => {
  const { context, page, errors } = await openKiosk('?kiosk', { width: 800, height: 1280 });
  try {
    const startUrl = page.url();
    await chooseAudience(page, 'clinician');
    await completePlan(page, { fever: true });
    await page.waitForSelector('#plan[data-triage="urgent"]');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(screenshotDir, 'kiosk-urgent-tablet.png') });

    // References: titles stay, but are no longer links out (no href, no new window).
    assert.ok(await page.locator('.refs .ref__title').count() > 0);
    assert.equal(await page.locator('#plan a[target="_blank"], #plan a[href^="http"]').count(), 0);
    // An in-page citation link still works, and Back does not leave the page.
    await page.locator('.rec__sources a.cite').first().click();
    await page.goBack().catch(() => {});
    await page.goBack().catch(() => {});
    await page.goBack().catch(() => {});
    assert.equal(page.url().split('#')[0], startUrl, 'still on the page after three Backs');
    assert.equal(await page.locator('#plan[data-triage="urgent"]').count(), 1, 'and the plan is still there');

    const menuBlocked = await page.evaluate(() => {
      const event = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
      document.querySelector('.rec__text').dispatchEvent(event);
      return event.defaultPrevented;
    });
    assert.equal(menuBlocked, true, 'no context menu');
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.rec__text')).userSelect), 'none');

    // The idle clock is 90 s by default (settings.json).
    await page.clock.runFor(89_000);
    assert.equal(await page.locator('#still-there').isVisible(), false);
    await page.clock.runFor(2_000);
    await page.locator('#still-there').waitFor({ state: 'visible' });
    await page.locator('#still-there-continue').click();

    await page.locator('#start-over').click();
    assert.deepEqual(await traces(page), CLEAN);
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
  }
});

test('kiosk: off without ?kiosk (no dialog, links and selection as usual)', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(server.url);
    await page.waitForSelector('html[data-engine="ready"]');
    await chooseAudience(page, 'clinician');
    await answerRadio(page, 'fever', 'Yes');
    await page.clock.runFor(200_000);
    assert.equal(await page.locator('#still-there').isVisible(), false);
    assert.equal(await page.locator('#start-over').isVisible(), false);
    assert.ok(await page.locator('#plan a[target="_blank"]').count() > 0, 'reference links work outside kiosk mode');
  } finally {
    await context.close();
  }
});
