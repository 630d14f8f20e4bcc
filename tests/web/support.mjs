// The one set of helpers for the browser tests (not a test file itself): Debian's Chromium through
// playwright-core, web/ served by tools/static-server.mjs (under a sub-path), and a person's ways
// through the page: choosing the wording, answering a question on its screen, giving a number by
// touch or by typing, reaching the plan. Answers are given by value (every language works), driven
// by the page's own questions (each names its JSON pointer in data-field); the red flags and their
// tiers come from the engine (RED_FLAGS, flagsOfUrgency), never from a list written here.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startStaticServer } from '../../tools/static-server.mjs';
import { loadEngine } from '../wasm/load-engine.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const webDir = path.join(repoRoot, 'web');
export const screenshotDir = path.join(repoRoot, 'test-results/screenshots');
export const outputDir = path.join(repoRoot, 'test-results');
export const BASE_PATH = '/tools/radiculo/';
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// The headless browser's own omnibox popup: a WebUI page in a renderer of its own, made for every new
// window though no headless user ever sees it. It kept about one core busy for the first seconds of
// each window (2.8 s of its main thread during one cold load of the page): on a 2-core machine the
// page's timings measured the browser's hidden address bar, and the browser suite ran slower. Measured
// with bench/page.mjs's cold load (CPU 4x, 5 loads, medians): first plan 2,628 ms with it, 1,436 ms
// without; spread 2,228-3,431 ms with it, 1,412-1,627 ms without.
const HIDDEN_BROWSER_UI = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];
// Chromium takes the last --disable-features it is given, so Playwright's own (playwright-core 1.65,
// chromiumSwitches.ts: its tests' known fixes) are repeated here, before ours.
const PLAYWRIGHT_DISABLED_FEATURES = ['AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose', 'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable', 'LensOverlay', 'MediaRouter', 'PaintHolding', 'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect', 'TcpPortRandomizationWin', 'OptimizationHints', 'NetworkTimeServiceQuerying',
  'AimEnabled', 'PreconnectToSearch'];
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...HIDDEN_BROWSER_UI].join(',')}`];
export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  tablet: { width: 800, height: 1280 },
  desk: { width: 1440, height: 900 },
  kiosk: { width: 1920, height: 1080 },
};
// How a value of the contract is answered with a choice: a red flag or yes/no question, a level, a score.
const CHOICE = { true: 'yes', false: 'no', null: 'not-sure' };
const choiceOf = (value) => (String(value) in CHOICE ? CHOICE[String(value)] : String(value));

// The engine's contract, from the shipped module: the red flags in the order asked, and their tiers.
const content = JSON.parse((await loadEngine()).content('en'));
export const RED_FLAGS = content.redFlagGroups.flatMap((group) => group.flags);
/** The red flags of a tier ("emergency", "sameDay", "withinTwoWeeks"), as the engine decides them. */
export const flagsOfUrgency = (urgency) => RED_FLAGS.filter((flag) => content.redFlagUrgency[flag] === urgency);

export function launchChromium() {
  mkdirSync(screenshotDir, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/**
 * Starts the static server and Chromium with the clinic settings the test names (settings-presets.mjs:
 * SHIPPED, SIGNED_OFF or DEMO); returns { server, browser, close() }.
 */
export async function startAid({ settings } = {}) {
  if (!settings) throw new Error('startAid: name the clinic settings this test runs with (settings-presets.mjs)');
  const server = await startStaticServer({ root: webDir, basePath: BASE_PATH, settings });
  const browser = await launchChromium();
  return { server, browser, close: async () => { await browser.close(); await server.close(); } };
}

export function vector(name) {
  return JSON.parse(readFileSync(path.join(repoRoot, 'tests/vectors', `${name}.json`), 'utf8'));
}

/** Records console errors and uncaught page errors into the returned array. */
export function collectErrors(page) {
  const errors = [];
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}

/** Where a clinic publishes the aid in these tests (takeHomeAddress): an https address on the web. */
export const PUBLIC_ADDRESS = 'https://radiculo.example.org/aid/';

/**
 * In this browser context, `address` (an https address on the web, ending in '/') serves the aid's
 * files from the test server, as a clinic's own host would: for a phone that opens a take-home
 * code, or a page served from a host a phone can reach.
 */
export async function servePublicly(context, aid, address = PUBLIC_ADDRESS) {
  await context.route((url) => url.href.startsWith(address), async (route) => {
    let response;
    try {
      response = await route.fetch({ url: aid.server.url + route.request().url().slice(address.length) });
    } catch {
      // The test closed its context while the page still loaded something in the background (a part
      // it loads after a plan): that request ends with it. Were the context open, the page would see
      // the failed load (a console error).
      await route.abort().catch(() => {});
      return;
    }
    await route.fulfill({ response }).catch(() => {}); // the same: the context closed meanwhile
  });
}

/**
 * A fresh context and page at the aid, with every request, console errors and off-origin requests
 * recorded (those are aborted). publicAddress: the page is opened there (servePublicly), not on the
 * test server's loopback address.
 */
export async function openPage(aid, { viewport = VIEWPORTS.tablet, url, publicAddress, ...contextOptions } = {}) {
  const origin = new URL(publicAddress || aid.server.url).origin;
  const context = await aid.browser.newContext({ viewport, reducedMotion: 'reduce', ...contextOptions });
  const requests = [];
  const offOrigin = [];
  context.on('request', (request) => requests.push(request.url()));
  await context.route((address) => address.origin !== origin, (route) => {
    offOrigin.push(route.request().url());
    return route.abort();
  });
  if (publicAddress) await servePublicly(context, aid, publicAddress);
  const page = await context.newPage();
  const consoleErrors = collectErrors(page);
  await page.goto(url || publicAddress || aid.server.url);
  await page.waitForSelector('html[data-engine="ready"]');
  return { context, page, origin, requests, consoleErrors, offOrigin };
}

export async function chooseAudience(page, audience) {
  await page.locator(`#chooser [data-audience="${audience}"]`).click();
  await page.locator('#workspace').waitFor({ state: 'visible' });
}

export async function answer(page, key, value) {
  await toQuestion(page, key);
  await page.locator(`#q-${key} input[value="${value}"]`).check();
}

/**
 * A number: typed by a clinician (`byKeyboard`: key by key, over what was there); chosen by touch (a
 * range, then the exact value) by a patient.
 */
export async function typeInto(page, key, text, { byKeyboard = false } = {}) {
  await toQuestion(page, key);
  if (await page.locator(`#q-${key} .picker`).isVisible()) return pickNumber(page, key, Number(text));
  const field = page.locator(`#input-${key}`);
  if (!byKeyboard) return field.fill(text);
  await field.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

/** A choice by its label ("Yes", "Not sure", "L4-L5"), on the screen that asks it. */
export async function answerRadio(page, questionKey, label) {
  await toQuestion(page, questionKey);
  await page.locator(`#q-${questionKey}`).getByRole('radio', { name: label, exact: true }).check();
}

/** A number: typed by a clinician; chosen by touch (a range, then the value) by a patient. */
export async function giveNumber(page, key, value) {
  return typeInto(page, key, String(value));
}

/**
 * Answers every red flag "No" (or `flags` as given), 3 weeks, pain 5, the age (45): a conservative
 * plan. Patients go on to their plan screen.
 */
export async function completePlan(page, flags = {}, { age = 45 } = {}) {
  for (const flag of RED_FLAGS) {
    const value = flags[flag];
    await answerRadio(page, flag, value === true ? 'Yes' : value === null ? 'Not sure' : 'No');
  }
  await giveNumber(page, 'symptomWeeks', 3);
  await toQuestion(page, 'painScore');
  await page.locator('#q-painScore').getByRole('radio', { name: '5', exact: true }).check();
  await giveNumber(page, 'ageYears', age);
  await toPlan(page);
}

/** Is the page in the patient's step-by-step flow? */
export async function inSteps(page) {
  return page.evaluate(() => document.documentElement.getAttribute('data-flow') === 'steps');
}

/**
 * Patients answer one screen at a time: goes to the screen that holds this question as a person
 * would, with Back, Continue (pressed again after its "please answer" note), "Change my answers"
 * from the plan, or "Back to the questions" on a care card that set them aside.
 */
export async function toQuestion(page, key) {
  if (!(await inSteps(page))) return;
  for (let tries = 0; tries < 30; tries += 1) {
    const where = await page.evaluate((key) => {
      const question = document.getElementById(`q-${key}`);
      if (!question) return 'missing';
      if (question.getClientRects().length) return 'here';
      if (document.documentElement.hasAttribute('data-flow-at-plan')) return 'plan';
      if (question.hasAttribute('data-not-asked')) return 'not asked';
      if (question.hasAttribute('data-set-aside') || document.querySelector('#step-nav[data-set-aside]')) return 'aside';
      const steps = Array.from(document.querySelectorAll('#questions [data-step]'));
      const current = steps.findIndex((step) => !step.hasAttribute('data-step-hidden'));
      const target = steps.findIndex((step) => step.contains(question));
      return target < current ? 'back' : target > current ? 'next' : 'hidden';
    }, key);
    if (where === 'here') return;
    if (where === 'plan') await page.locator('#plan-back').click();
    else if (where === 'aside') await page.locator('[data-card-back]').click();
    else if (where === 'back') await page.locator('[data-step-back]').click();
    else if (where === 'next') await page.locator('[data-step-continue]').click();
    else throw new Error(`question ${key} cannot be reached: ${where}`);
  }
  throw new Error(`question ${key} not reached`);
}

/** Patients: on to the plan screen (Continue to the end, or a care card's "See what to do now"). */
export async function toPlan(page) {
  if (!(await inSteps(page))) return;
  for (let tries = 0; tries < 30; tries += 1) {
    if (await page.locator('#plan').isVisible()) return;
    if (await page.locator('[data-card-plan]').isVisible()) await page.locator('[data-card-plan]').click();
    else if (await page.locator('[data-card-back]').isVisible() && !(await page.locator('[data-step-continue]').isVisible())) await page.locator('[data-card-back]').click();
    else await page.locator('[data-step-continue]').click();
  }
  throw new Error('the plan was not reached');
}

/** The touch choice for a number of weeks (days below a week) or years, as a patient taps it. */
export async function pickNumber(page, key, value) {
  const unit = key === 'symptomWeeks' && value < 1 ? 'days' : 'weeks';
  const number = unit === 'days' ? Math.round(value * 7) : value;
  const radio = page.locator(`#q-${key} [data-picker] input[data-number="${number}"]${key === 'symptomWeeks' ? `[data-unit="${unit}"]` : ''}:not([name$="-band"])`);
  if (await radio.count() !== 1) throw new Error(`${key} ${value}: no single touch choice`);
  const row = await radio.evaluate((input) => input.closest('[data-band-row]') && input.closest('[data-band-row]').getAttribute('data-band-row'));
  if (row !== null) await page.locator(`#q-${key} label:has(> input[name="${key}-band"][value="${row}"])`).click();
  await page.locator(`#q-${key} label:has(> input[data-number="${number}"]${key === 'symptomWeeks' ? `[data-unit="${unit}"]` : ''}:not([name$="-band"]))`).click();
}

/** Clears every answer on the page (without "Start again": the audience stays). */
export async function clearAnswers(page) {
  await page.evaluate(() => {
    const form = document.getElementById('questions');
    for (const input of form.querySelectorAll('input[type="radio"]:not([name$="-unit"])')) input.checked = false;
    for (const input of form.querySelectorAll('input[type="text"]')) input.value = '';
    form.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

/** The page's questions in the order asked: each question's key, the JSON pointer it answers, its kind of control. */
function pageQuestions(page) {
  return page.evaluate(() => Array.from(document.querySelectorAll('#questions [data-question][data-field]')).map((node) => ({
    key: node.getAttribute('data-question'),
    pointer: node.getAttribute('data-field'),
    control: node.querySelector('.number-input') ? 'number' : node.querySelector('input[type="checkbox"]') ? 'checks' : 'choice',
  })));
}

/** Every answer of an assessment, by its JSON pointer (a red flag, a part of herniation, a field). */
function answersOf(input) {
  const found = new Map();
  for (const [key, value] of Object.entries(input)) {
    if (key === 'audience' || key === 'language') continue;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [part, inner] of Object.entries(value)) found.set(`/${key}/${part}`, inner);
    } else {
      found.set(`/${key}`, value);
    }
  }
  return found;
}

/** The page's question for each answer, in the page's order; an answer no question takes is an error. */
async function answersByQuestion(page, input) {
  const given = answersOf(input);
  const questions = (await pageQuestions(page)).filter((question) => given.has(question.pointer));
  const asked = new Set(questions.map((question) => question.pointer));
  const unasked = [...given.keys()].filter((pointer) => !asked.has(pointer));
  if (unasked.length) throw new Error(`the page has no question for ${unasked.join(', ')}: every field of the contract needs one`);
  return questions.map((question) => ({ ...question, value: given.get(question.pointer) }));
}

/**
 * Fills the form from a vector's input as a person would, by value (works in every language), in
 * the page's order; patients then see their plan. `inDays`: the duration typed in days;
 * `byKeyboard`: numbers typed key by key and the score chosen with the arrow keys; `stay`: patients
 * stay on the last screen answered (not on to the plan).
 */
export async function fillFrom(page, input, { inDays = false, byKeyboard = false, stay = false } = {}) {
  for (const question of await answersByQuestion(page, input)) {
    const { key, value } = question;
    if (question.control === 'number') {
      if (inDays && key === 'symptomWeeks') {
        await toQuestion(page, key);
        await page.locator(`#q-${key} input[name="${key}-unit"][value="days"]`).check();
        await typeInto(page, key, String(Math.round(value * 7)), { byKeyboard });
      } else {
        await typeInto(page, key, String(value), { byKeyboard });
      }
    } else if (question.control === 'checks') {
      for (const finding of value) await page.locator(`[data-finding="${finding}"] input`).check();
    } else if (byKeyboard && await page.locator(`#q-${key} .choices--scale`).count()) {
      // A scale by keyboard: focus its first choice, then arrow to the score.
      await toQuestion(page, key);
      await page.locator(`#q-${key} input`).first().focus();
      await page.keyboard.press('Space');
      for (let i = 0; i < value; i += 1) await page.keyboard.press('ArrowRight');
    } else {
      await answer(page, key, choiceOf(value));
    }
  }
  if (!stay) await toPlan(page);
}

/**
 * The same answers set in one step (radios checked, fields filled, one change event): for scans that
 * only need the resulting screen. fillFrom is the person-like way.
 * - A duration under a week that is a whole number of days is entered in days, as the patient's
 *   touch choice writes it ("3 days" is 3/7 weeks); every other duration in weeks (the unit is
 *   always set: clearAnswers leaves it as it was).
 * - assessedFindings are ticked (the page offers them to clinicians only, while the finding is there).
 * - Patients are asked about care and scans only from the engine's conservativeWeeks: answers to
 *   questions not asked yet are added as a person adds them, with "Add care so far" on the plan
 *   (returns { addedCare }: that choice lasts the person's visit).
 */
export async function fillFast(page, input) {
  const questions = await answersByQuestion(page, input);
  await page.evaluate(({ questions, CHOICE }) => {
    const form = document.getElementById('questions');
    for (const { key, value, control } of questions) {
      if (control === 'checks') {
        for (const finding of value) form.querySelector(`[data-finding="${finding}"] input`).checked = true;
      } else if (control === 'number') {
        const unit = form.querySelector(`input[name="${key}-unit"][value="days"]`);
        const days = Math.round(value * 7);
        const inDays = Boolean(unit) && typeof value === 'number' && value < 1 && days / 7 === value;
        if (unit) form.querySelector(`input[name="${key}-unit"][value="${inDays ? 'days' : 'weeks'}"]`).checked = true;
        form.querySelector(`#input-${key}`).value = String(inDays ? days : value);
      } else {
        const choice = String(value) in CHOICE ? CHOICE[String(value)] : String(value);
        form.querySelector(`#q-${key} input[value="${choice}"]`).checked = true;
      }
    }
    form.dispatchEvent(new Event('change', { bubbles: true }));
  }, { questions, CHOICE });
  await toPlan(page);
  const notAsked = await page.evaluate((keys) => keys.some((key) => document.getElementById(`q-${key}`).hasAttribute('data-not-asked')),
    questions.map((question) => question.key));
  if (notAsked && await inSteps(page) && await page.locator('#plan-add-care').isVisible()) {
    await page.locator('#plan-add-care').click();
    await toPlan(page);
    return { addedCare: true };
  }
  return { addedCare: false };
}

/** The plan the page's own engine gives for this input (the very module the page loaded). */
export async function enginePlan(page, input) {
  return page.evaluate((assessment) => window.Radiculo.engineClient.engine.evaluate(assessment), input);
}

/** Waits for what printing needs that the page loads only when asked (the print sheet, the QR
 * encoder), as the page's own Print button does. */
export async function whenPrintReady(page) {
  await page.evaluate(() => window.Radiculo.app.whenPrintReady());
}

/** The accessibility rules every screen is held to: WCAG 2.0, 2.1 and 2.2, levels A and AA (axe-core's tags). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe-core on the screen as it is (injected once; the page's CSP must be bypassed for it):
 * one line per violation, naming the rule, how many elements and the first three of them. */
export async function axe(page) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.addScriptTag({ path: path.join(repoRoot, 'node_modules/axe-core/axe.min.js') });
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), AXE_TAGS);
  return result.violations.map((v) => `${v.id} x${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

/** What the browser does before it prints (its Print, window.print(), page.pdf()): the page builds
 * its printout then, not with each answer. For tests that read the printout without printing. */
export async function preparePrint(page) {
  await whenPrintReady(page);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
}

/**
 * Stops a page's fake clock (page.clock.install) and from then on only clock.runFor moves the page's
 * time, never the real time a busy machine spends between two steps of a test; then one key press
 * (activity, for the kiosk) starts its idle time at this known moment. The clock keeps running while
 * this call travels to the page, and pauseAt refuses a time already past: so it pauses a moment
 * ahead of the page's clock (no timer of the page is due that soon after the last answer).
 */
export async function pauseClockAndTouch(page) {
  await page.clock.pauseAt(await page.evaluate(() => Date.now()) + PAUSE_AHEAD_MS);
  await page.keyboard.press('Shift');
}
const PAUSE_AHEAD_MS = 1000;

/**
 * A copy of web/ in a temporary folder with its own precache list (tools/precache.mjs), so a test
 * can change files like a deployment would, and never depends on a stale web/precache-manifest.js.
 * settings (settings-presets.mjs): written as the copy's settings.json (else the shipped one stays).
 * Returns the folder; remove it with rmSync(dir, { recursive: true, force: true }).
 */
export function webCopy(prefix, { settings } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  cpSync(webDir, dir, { recursive: true });
  if (settings) writeFileSync(path.join(dir, 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
  regeneratePrecache(dir);
  return dir;
}

/**
 * The one-file copy built with these clinic settings (tools/one-file.mjs on a copy of web/), alone in
 * a temporary folder: { dir, file }. Remove dir with rmSync(dir, { recursive: true, force: true }).
 */
export function oneFileWith(settings, prefix = 'radiculo-one-file-') {
  const web = webCopy(`${prefix}web-`, { settings });
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const file = path.join(dir, 'radiculo-offline.html');
  execFileSync(process.execPath, [path.join(repoRoot, 'tools/one-file.mjs'), web, file], { stdio: 'ignore' });
  rmSync(web, { recursive: true, force: true });
  return { dir, file };
}

export function regeneratePrecache(dir) {
  execFileSync(process.execPath, [path.join(repoRoot, 'tools/precache.mjs'), dir], { stdio: 'ignore' });
}

/** Resolves once a service worker controls the page; fails (does not hang) if none does in time. */
export async function waitForControl(page, timeoutMs = 15_000) {
  const controlled = await page.evaluate((limit) => Promise.race([
    (async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
      }
      return true;
    })(),
    new Promise((resolve) => setTimeout(() => resolve(false), limit)),
  ]), timeoutMs);
  if (!controlled) throw new Error('no service worker took control (did its install fail? a file not matching the precache list?)');
}
