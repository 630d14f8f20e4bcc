// Helpers for the offline, one-file, kiosk and settings browser tests (not a test file itself).
// Same Chromium and launch arguments as page.test.mjs; the form is filled as a person would.
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { toQuestion, toPlan, pickNumber } from './aid-helpers.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const webDir = path.join(repoRoot, 'web');
export const screenshotDir = path.join(repoRoot, 'test-results/screenshots');
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
export const RED_FLAGS = ['saddleAnesthesia', 'bladderBowelDysfunction', 'bilateralLegWeakness', 'bilateralSciatica',
  'sexualDysfunction', 'gaitDisturbance', 'cancerHistory', 'unexplainedWeightLoss', 'nightPain', 'fever',
  'immunocompromised', 'intravenousDrugUse', 'recentInfectionOrProcedure', 'significantTrauma', 'osteoporosis', 'prolongedCorticosteroids',
  'progressiveNeuroDeficit'];

export function launchChromium() {
  mkdirSync(screenshotDir, { recursive: true });
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Records console errors and uncaught page errors into the returned array. */
/**
 * Stops a page's fake clock (page.clock.install) where it is: from here on only clock.runFor moves
 * the page's time, never the real time a busy machine spends between two steps of a test. Then one
 * key press (activity, for the kiosk) starts its idle time at this known moment.
 */
export async function pauseClockAndTouch(page) {
  // A second ahead of the page's time: the fake clock runs on while the time is read and sent back,
  // and pausing at a moment it has already passed is an error ("Cannot fast-forward to the past") on
  // a loaded machine. The second fires no kiosk timer (the idle time is 30 s at least), and the key
  // press below starts the idle time afresh.
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
  await page.keyboard.press('Shift');
}

export function collectErrors(page) {
  const errors = [];
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}

export async function chooseAudience(page, audience) {
  await page.locator(`#chooser [data-audience="${audience}"]`).click();
  await page.locator('#workspace').waitFor({ state: 'visible' });
}

export async function answerRadio(page, questionKey, label) {
  await toQuestion(page, questionKey); // patients: the screen that asks it
  await page.locator(`#q-${questionKey}`).getByRole('radio', { name: label, exact: true }).check();
}

/** A number: typed by a clinician; chosen by touch (a range, then the value) by a patient. */
export async function giveNumber(page, key, value) {
  await toQuestion(page, key);
  if (await page.locator(`#q-${key} .picker`).isVisible()) await pickNumber(page, key, value);
  else await page.locator(`#input-${key}`).fill(String(value));
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

/**
 * A copy of web/ in a temporary folder with its own precache list (tools/precache.mjs), so a test
 * can change files like a deployment would, and never depends on a stale web/precache-manifest.js.
 * Returns the folder; remove it with rmSync(dir, { recursive: true, force: true }).
 */
export function webCopy(prefix) {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  cpSync(webDir, dir, { recursive: true });
  regeneratePrecache(dir);
  return dir;
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
