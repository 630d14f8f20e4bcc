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

/** Starts the static server and Chromium; returns { server, browser, close() }. */
export async function startAid() {
  mkdirSync(screenshotDir, { recursive: true });
  const server = await startStaticServer({ root: path.join(repoRoot, 'web'), basePath: BASE_PATH });
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
  await page.locator(`#q-${key} input[value="${value}"]`).check();
}

export async function typeInto(page, key, text) {
  await page.locator(`#input-${key}`).fill(text);
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

/** Fills the form from a vector's input by value (works in every language). */
export async function fillFrom(page, input) {
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
 */
export async function fillFast(page, input) {
  await page.evaluate(({ input, VALUE }) => {
    const form = document.getElementById('questions');
    const check = (key, value) => { form.querySelector(`#q-${key} input[value="${value}"]`).checked = true; };
    const type = (key, value) => { form.querySelector(`#input-${key}`).value = String(value); };
    for (const [flag, value] of Object.entries(input.redFlags || {})) check(flag, VALUE[String(value)]);
    if (input.symptomWeeks !== undefined) type('symptomWeeks', input.symptomWeeks);
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
    form.dispatchEvent(new Event('change', { bubbles: true }));
  }, { input, VALUE });
}

/** The plan the page's own engine gives for this input (the very module the page loaded). */
export async function enginePlan(page, input) {
  return page.evaluate((assessment) => window.Radiculo.engine.evaluate(assessment), input);
}
