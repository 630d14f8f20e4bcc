// Kiosk mode (?kiosk&idle=SECONDS) with Playwright's clock control, not real waiting: after the idle
// time "Still there?" appears and hides the previous person's answers and plan completely; only its
// "Yes, I am still here" brings them back (a tap anywhere else does not); 20 s after it appears
// unanswered, every answer is gone from the DOM and nothing is in any storage. Also: the "Start over" button, links that would
// leave the page are inert, Back stays on the page, no context menu.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startStaticServer } from '../../tools/static-server.mjs';
import { chromium } from 'playwright-core';
import { launchChromium, collectErrors, chooseAudience, completePlan, answerRadio, pauseClockAndTouch, AXE_TAGS, repoRoot, webDir, screenshotDir, CHROMIUM_PATH, CHROMIUM_ARGS, RED_FLAGS } from './support.mjs';
import { SIGNED_OFF } from './settings-presets.mjs';

let server;
let browser;
before(async () => {
  server = await startStaticServer({ root: webDir, basePath: '/kiosk/', settings: SIGNED_OFF });
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

/** What of the previous person's answers and plan can be seen (Playwright's visibility). */
async function shown(page) {
  const visible = async (selector) => {
    const all = page.locator(selector);
    for (let i = 0; i < await all.count(); i += 1) if (await all.nth(i).isVisible()) return true;
    return false;
  };
  return {
    questions: await visible('#questions input:checked, #questions .question'),
    plan: await visible('#plan-body [data-rec-id], #triage'),
    bar: await visible('#triage-bar'),
    header: await visible('#header-controls'),
    footer: await visible('#footer'),
  };
}
const NOTHING_SHOWN = { questions: false, plan: false, bar: false, header: false, footer: false };

test('kiosk: "Still there?" after the idle time, one tap continues, 20 s later every answer is gone', async () => {
  const { context, page, errors } = await openKiosk('?kiosk&idle=30');
  try {
    await page.screenshot({ path: path.join(screenshotDir, 'kiosk-start.png') });
    await chooseAudience(page, 'patient');
    await completePlan(page, {}, { age: 52 });
    await page.waitForSelector('#plan[data-triage="conservative"]');
    assert.equal(await page.locator('#start-over').isVisible(), true, 'a visible Start over');

    const dialog = page.locator('#still-there');
    // From here the page's time moves only when this test moves it: the 30 s start now.
    await pauseClockAndTouch(page);
    await page.clock.runFor(29_000);
    assert.equal(await dialog.isVisible(), false, 'not before the idle time');
    await page.clock.runFor(1_000);
    await dialog.waitFor({ state: 'visible' });
    assert.match(await dialog.innerText(), /Still there\?[\s\S]*cleared in 20 seconds/);
    // The previous person's answers and plan are hidden completely while it asks.
    assert.deepEqual(await shown(page), NOTHING_SHOWN);
    // A newcomer's tap anywhere but on its buttons changes nothing: still asking, still hidden.
    await page.mouse.click(5, 5);
    await page.mouse.click(960, 1000);
    await page.keyboard.press('Tab');
    assert.equal(await dialog.isVisible(), true, 'a tap elsewhere does not answer "Still there?"');
    assert.deepEqual(await shown(page), NOTHING_SHOWN);
    await page.clock.runFor(5_000);
    // The countdown runs on (the taps did not stop it).
    assert.match(await page.locator('#still-there-text').innerText(), /cleared in 15 seconds/, 'the countdown runs');
    await page.screenshot({ path: path.join(screenshotDir, 'kiosk-still-there.png') });
    await page.addScriptTag({ content: readFileSync(path.join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8') });
    // axe-core waits on timers, and the page's clock is paused: each runFor(1) lets them run (1 ms of page time).
    await page.evaluate((tags) => {
      window.axeResult = null;
      window.axe.run(document, { runOnly: { type: 'tag', values: tags } })
        .then((result) => { window.axeResult = result; });
    }, AXE_TAGS);
    while (await page.evaluate(() => window.axeResult === null)) await page.clock.runFor(1);
    const axe = await page.evaluate(() => window.axeResult);
    assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes[0].target.join(' ')}`), [], 'axe on "Still there?"');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'still-there-continue', 'focus on the one-tap answer');
    await page.setViewportSize({ width: 800, height: 1280 });
    await page.screenshot({ path: path.join(screenshotDir, 'kiosk-still-there-tablet.png') });

    // "Yes, I am still here" continues, answers kept and shown again.
    await page.locator('#still-there-continue').click();
    await dialog.waitFor({ state: 'hidden' });
    const back = await shown(page);
    // (The patient was at the plan screen: the plan and the header are back; the answers are kept, below.)
    assert.deepEqual([back.plan, back.header], [true, true], 'the plan is back');
    await page.clock.runFor(25_000);
    const kept = (await traces(page)).checked;
    assert.ok([...RED_FLAGS, 'painScore', 'ageYears-pick', 'symptomWeeks-pick'].every((name) => kept.includes(name)), `answers kept after "Yes, I am still here": ${kept}`);

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

test('kiosk for patients only: the start screen just says Start; an emergency cleared by the idle clock leaves staff a line (time and care, no answer)', async () => {
  const { context, page, errors } = await openKiosk('?kiosk&idle=30');
  try {
    // One wording offered: no "Which best describes you?" over a single button, no "you can change this".
    assert.equal(await page.locator('#chooser-title').innerText(), 'Check what to do about your sciatica');
    assert.equal(await page.locator('#chooser [data-audience="patient"] .chooser__label').innerText(), 'Start');
    assert.doesNotMatch(await page.locator('#chooser').innerText(), /Which best describes you|change this at any time/);
    await page.screenshot({ path: path.join(screenshotDir, 'kiosk-start-patient-only.png') });

    await chooseAudience(page, 'patient');
    await page.locator('#q-bladderBowelDysfunction label:has(> input[value="yes"])').click();
    await page.locator('[data-care-card="emergency"]').waitFor({ state: 'visible' });
    const note = page.locator('#kiosk-staff-note');
    assert.equal(await note.isVisible(), false);
    // The person goes to the desk; nobody touches the screen: "Still there?" at 30 s, cleared 20 s later.
    await pauseClockAndTouch(page);
    const touched = await page.evaluate(() => new Date(Date.now()).toLocaleTimeString('en', { hour: '2-digit', minute: '2-digit' }));
    await page.clock.runFor(30_000);
    await page.locator('#still-there').waitFor({ state: 'visible' });
    await page.clock.runFor(20_000);
    await page.locator('#still-there').waitFor({ state: 'hidden' });
    assert.deepEqual(await traces(page), CLEAN, 'every answer gone');
    await note.waitFor({ state: 'visible' });
    const text = await note.innerText();
    assert.equal(text, `For staff: at ${touched} the answers given on this screen needed care now (Emergency: get care now). The answers have been cleared; the person may be waiting nearby.`);
    assert.doesNotMatch(text, /pee|poo|bladder|bowel|numb/i, 'no answer in it');
    await page.screenshot({ path: path.join(screenshotDir, 'kiosk-staff-note.png') });
    // The next person starts: the line goes.
    await chooseAudience(page, 'patient');
    assert.equal(await note.isVisible(), false);

    // A reset the person asked for ("Start over") leaves no line, and neither does a routine plan's idle reset.
    await page.locator('#q-saddleAnesthesia label:has(> input[value="not-sure"])').click();
    await page.locator('[data-care-card="check-now"]').waitFor({ state: 'visible' });
    await page.locator('#start-over').click();
    await page.locator('#start-over-yes').click();
    assert.equal(await note.isVisible(), false, 'not after Start over');
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
  }
});

test('kiosk: Start over clears at once; no way out of the page by link, Back or context menu', async () => {
  const { context, page, errors } = await openKiosk('?kiosk', { width: 800, height: 1280 });
  try {
    const startUrl = page.url();
    // A kiosk offers the patient wording only (settings.json: kioskClinicianWording).
    assert.equal(await page.locator('#chooser [data-audience="clinician"]').isVisible(), false);
    await chooseAudience(page, 'patient');
    await completePlan(page, { fever: true });
    await page.waitForSelector('#plan[data-triage="urgent"]');
    await page.locator('#plan details.more > summary').click(); // every line, with its sources
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(screenshotDir, 'kiosk-urgent-tablet.png') });

    // References: titles stay, but are no longer links out (no href, no new window).
    assert.ok(await page.locator('.refs .ref__title').count() > 0);
    assert.equal(await page.locator('#plan a[target="_blank"], #plan a[href^="http"]').count(), 0);
    // An in-page citation link still works, and Back does not leave the page.
    await page.locator('.rec__sources a.cite').first().click();
    // Three Backs at a person's pace: each after the page has answered the last one (its history
    // guard is back on top). Back-to-back automation calls can outrun the popstate handler.
    for (let i = 0; i < 3; i += 1) {
      await page.goBack().catch(() => {});
      await page.waitForFunction(() => window.history.state && window.history.state.radiculo === 'guard');
    }
    assert.equal(page.url().split('#')[0], startUrl, 'still on the page after three Backs');
    assert.equal(await page.locator('#plan[data-triage="urgent"]').count(), 1, 'and the plan is still there');

    const menuBlocked = await page.evaluate(() => {
      const event = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
      document.querySelector('.rec__text').dispatchEvent(event);
      return event.defaultPrevented;
    });
    assert.equal(menuBlocked, true, 'no context menu');
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.rec__text')).userSelect), 'none');

    // The idle clock is 90 s by default (settings.json), from the last touch.
    await pauseClockAndTouch(page);
    await page.clock.runFor(89_000);
    assert.equal(await page.locator('#still-there').isVisible(), false);
    await page.clock.runFor(1_000);
    await page.locator('#still-there').waitFor({ state: 'visible' });
    await page.locator('#still-there-continue').click();

    // Start over asks first (answers given); "No" keeps them, "Yes" clears them at once.
    await page.locator('#start-over').click();
    await page.locator('#start-over-no').click();
    assert.equal(await page.locator('#plan[data-triage="urgent"]').count(), 1, '"No, keep the answers" keeps them');
    await page.locator('#start-over').click();
    await page.locator('#start-over-yes').click();
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
    assert.equal(await page.evaluate(() => window.Radiculo.kiosk), undefined, 'kiosk.js is loaded only at a kiosk');
  } finally {
    await context.close();
  }
});

test('kiosk: a kiosk whose kiosk part cannot be loaded does not start without its idle reset', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    await context.route(/\/kiosk\.min\.js/, (route) => route.abort());
    const page = await context.newPage();
    await page.goto(`${server.url}?kiosk&idle=60`);
    await page.locator('#unsupported').waitFor({ state: 'visible' });
    assert.equal(await page.locator('#chooser').isVisible(), false, 'no start screen');
    assert.equal(await page.locator('#questions').isVisible(), false, 'no questions');
  } finally {
    await context.close();
  }
});

test('privacy, not kiosk: leaving the page and pressing Back shows no answers from the back/forward cache', async () => {
  // Playwright turns the back/forward cache off by default (--disable-back-forward-cache): a browser
  // of its own with it on, as every person's browser has it.
  const cached = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS,
    ignoreDefaultArgs: ['--disable-back-forward-cache'] });
  const context = await cached.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(server.url);
    await page.waitForSelector('html[data-engine="ready"]');
    await page.evaluate(() => window.addEventListener('pageshow', (event) => { window.restoredFromCache = event.persisted; }));
    await chooseAudience(page, 'patient');
    await completePlan(page, { fever: true }, { age: 52 });
    await page.waitForSelector('#plan[data-triage="urgent"]');
    // A real navigation away (another page of the same site), then the browser's Back.
    await page.goto(`${server.url}about.html`);
    await page.waitForSelector('html[data-engine="ready"]');
    await page.goBack({ waitUntil: 'commit' }); // a page restored from the cache fires no load event
    await page.waitForFunction(() => window.restoredFromCache !== undefined);
    assert.equal(await page.evaluate(() => window.restoredFromCache), true, 'the page came back from the back/forward cache');
    assert.deepEqual(await traces(page), CLEAN);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await cached.close();
  }
});
