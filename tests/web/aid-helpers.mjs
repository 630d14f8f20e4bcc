// Shared helpers for the browser tests of the take-home print, accessibility, intended-use page and
// Spanish (print/a11y/about/spanish .test.mjs): the same set-up as page.test.mjs (Debian's Chromium
// through playwright-core, web/ served under a sub-path), but answers are given by value, so the
// same helpers work in every language.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startStaticServer } from './static-server.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const screenshotDir = path.join(repoRoot, 'test-results/screenshots');
export const outputDir = path.join(repoRoot, 'test-results');
export const BASE_PATH = '/tools/radiculo/';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  tablet: { width: 800, height: 1280 },
  desk: { width: 1440, height: 900 },
  kiosk: { width: 1920, height: 1080 },
};
const VALUE = { true: 'yes', false: 'no', null: 'not-sure' };

/**
 * Starts the static server and Chromium with the clinic settings the test names (settings-presets.mjs:
 * SHIPPED, SIGNED_OFF or DEMO); returns { server, browser, close() }.
 */
export async function startAid({ settings } = {}) {
  if (!settings) throw new Error('startAid: name the clinic settings this test runs with (settings-presets.mjs)');
  mkdirSync(screenshotDir, { recursive: true });
  const server = await startStaticServer({ root: path.join(repoRoot, 'web'), basePath: BASE_PATH, settings });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return { server, browser, close: async () => { await browser.close(); await server.close(); } };
}

export function vector(name) {
  return JSON.parse(readFileSync(path.join(repoRoot, 'tests/vectors', `${name}.json`), 'utf8'));
}

/** A fresh context and page at the aid, with console errors and off-origin requests recorded. */
export async function openPage(aid, { viewport = VIEWPORTS.tablet, url, ...contextOptions } = {}) {
  const origin = new URL(aid.server.url).origin;
  const context = await aid.browser.newContext({ viewport, reducedMotion: 'reduce', ...contextOptions });
  const consoleErrors = [];
  const offOrigin = [];
  await context.route((address) => address.origin !== origin, (route) => {
    offOrigin.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
  page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
  await page.goto(url || aid.server.url);
  await page.waitForSelector('html[data-engine="ready"]');
  return { context, page, consoleErrors, offOrigin };
}

export async function chooseAudience(page, audience) {
  await page.locator(`#chooser [data-audience="${audience}"]`).click();
  await page.locator('#workspace').waitFor({ state: 'visible' });
}

export async function answer(page, key, value) {
  await toQuestion(page, key);
  await page.locator(`#q-${key} input[value="${value}"]`).check();
}

/** A number: typed by a clinician; chosen by touch (a range, then the exact value) by a patient. */
export async function typeInto(page, key, text) {
  await toQuestion(page, key);
  if (await page.locator(`#q-${key} .picker`).isVisible()) await pickNumber(page, key, Number(text));
  else await page.locator(`#input-${key}`).fill(text);
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

/** Fills the form from a vector's input by value (works in every language); patients then see their plan. */
export async function fillFrom(page, input) {
  await fillAnswers(page, input);
  await toPlan(page);
}

async function fillAnswers(page, input) {
  for (const [flag, value] of Object.entries(input.redFlags || {})) await answer(page, flag, VALUE[String(value)]);
  if (input.symptomWeeks !== undefined) await typeInto(page, 'symptomWeeks', String(input.symptomWeeks));
  if (input.painScore !== undefined) await answer(page, 'painScore', String(input.painScore));
  for (const key of ['muscleSpasm', 'priorLumbarSurgery', 'improving', 'procedureCandidate', 'priorMri']) {
    if (input[key] !== undefined) await answer(page, key, VALUE[String(input[key])]);
  }
  if (input.ageYears !== undefined) await typeInto(page, 'ageYears', String(input.ageYears));
  if (input.conservativeCareWeeks !== undefined) await typeInto(page, 'conservativeCareWeeks', String(input.conservativeCareWeeks));
  if (input.herniation) {
    await answer(page, 'herniationContained', VALUE[String(input.herniation.contained)]);
    await answer(page, 'herniationLevel', input.herniation.level);
  }
}

/**
 * The same answers set in one step (radios checked, fields filled, one change event): for scans that
 * only need the resulting screen. fillFrom is the person-like way.
 * - A duration under a week that is a whole number of days is entered in days, as the patient's
 *   touch choice writes it ("3 days" is 3/7 weeks); every other duration in weeks (the unit is
 *   always set: clearAnswers leaves it as it was).
 * - assessedFindings are ticked (the page offers them to clinicians only, while the finding is there).
 * - Patients are asked about care and scans only from 6 weeks: answers about them given earlier are
 *   added as a person adds them, with "Add care so far" on the plan (shown on a plan of simple care).
 */
export async function fillFast(page, input) {
  await page.evaluate(({ input, VALUE }) => {
    const form = document.getElementById('questions');
    const check = (key, value) => { form.querySelector(`#q-${key} input[value="${value}"]`).checked = true; };
    const type = (key, value) => { form.querySelector(`#input-${key}`).value = String(value); };
    for (const [flag, value] of Object.entries(input.redFlags || {})) check(flag, VALUE[String(value)]);
    if (input.symptomWeeks !== undefined) {
      const days = Math.round(input.symptomWeeks * 7);
      const inDays = typeof input.symptomWeeks === 'number' && input.symptomWeeks < 1 && days / 7 === input.symptomWeeks;
      form.querySelector(`input[name="symptomWeeks-unit"][value="${inDays ? 'days' : 'weeks'}"]`).checked = true;
      type('symptomWeeks', inDays ? days : input.symptomWeeks);
    }
    if (input.painScore !== undefined) check('painScore', String(input.painScore));
    for (const key of ['muscleSpasm', 'priorLumbarSurgery', 'improving', 'procedureCandidate', 'priorMri']) {
      if (input[key] !== undefined) check(key, VALUE[String(input[key])]);
    }
    if (input.ageYears !== undefined) type('ageYears', input.ageYears);
    if (input.conservativeCareWeeks !== undefined) type('conservativeCareWeeks', input.conservativeCareWeeks);
    if (input.herniation) {
      check('herniationContained', VALUE[String(input.herniation.contained)]);
      check('herniationLevel', input.herniation.level);
    }
    for (const key of input.assessedFindings || []) form.querySelector(`[data-finding="${key}"] input`).checked = true;
    form.dispatchEvent(new Event('change', { bubbles: true }));
  }, { input, VALUE });
  await toPlan(page);
  const care = ['conservativeCareWeeks', 'improving', 'procedureCandidate', 'priorMri', 'herniation'].some((key) => input[key] !== undefined);
  if (care && await inSteps(page) && await page.locator('#plan-add-care').isVisible()) {
    await page.locator('#plan-add-care').click();
    await toPlan(page);
  }
}

/** The plan the page's own engine gives for this input (the very module the page loaded). */
export async function enginePlan(page, input) {
  return page.evaluate((assessment) => window.Radiculo.engineClient.engine.evaluate(assessment), input);
}
