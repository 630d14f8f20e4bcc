// Clinic settings (web/settings.js, edited by a clinic's IT person, no build): a copy of web/ with an
// edited settings.js shows that clinic's emergency number, name and contact, starts in its default
// language and audience, and uses its kiosk idle time. Under the offline worker, an edit on the
// server takes effect at the next reload (settings.js is network-first), and offline the saved copy is used.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startStaticServer } from './static-server.mjs';
import { launchChromium, collectErrors, chooseAudience, webDir, screenshotDir, webCopy, waitForControl } from './browser-helpers.mjs';

let browser;
let dir;
let server;
const settingsFile = () => path.join(dir, 'settings.js');

function writeSettings(values) {
  // Edit the shipped file as a person would: change values, keep its comments and layout.
  let text = readFileSync(path.join(webDir, 'settings.js'), 'utf8');
  for (const [key, value] of Object.entries(values)) {
    const pattern = new RegExp(`(\\n\\s*${key}: )[^\\n,]*`);
    assert.match(text, pattern, `settings.js has ${key}`);
    text = text.replace(pattern, (whole, start) => `${start}${typeof value === 'string' ? `'${value}'` : value}`);
  }
  writeFileSync(settingsFile(), text);
}

before(async () => {
  browser = await launchChromium();
  dir = webCopy('radiculo-settings-');
  server = await startStaticServer({ root: dir, basePath: '/clinic/' });
});
after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Answers a red flag by its value (works in any language). */
const answer = (page, flag, value) => page.locator(`#q-${flag} input[value="${value}"]`).check();

test('settings: the shipped defaults say "your local emergency number" and show no clinic line', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block', locale: 'en-US' });
  try {
    const page = await context.newPage();
    const errors = collectErrors(page);
    writeSettings({}); // the file as shipped
    await page.goto(server.url);
    await chooseAudience(page, 'patient');
    await answer(page, 'saddleAnesthesia', 'yes');
    const box = page.locator('[data-call-now="emergency"]');
    await box.waitFor({ state: 'visible' });
    assert.equal(await box.innerText(), 'Call your local emergency number or go to the emergency department now.');
    assert.equal(await page.locator('#clinic-info').isVisible(), false);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('settings: an edited settings.js changes the number, clinic, language, audience and kiosk idle time', async () => {
  writeSettings({ emergencyNumber: '112', clinicName: 'Riverside Spine Clinic', clinicContact: 'Front desk 555 0100',
    kioskIdleSeconds: 45, defaultLanguage: 'es', defaultAudience: 'patient' });
  const context = await browser.newContext({ serviceWorkers: 'block', locale: 'en-US', viewport: { width: 800, height: 1280 } });
  try {
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.clock.install();
    await page.goto(`${server.url}?kiosk`);
    await page.waitForSelector('html[data-engine="ready"]');
    // Default language and audience: Spanish (despite an English browser), patient wording, no chooser.
    assert.equal(await page.getAttribute('html', 'lang'), 'es');
    assert.equal(await page.getAttribute('html', 'data-audience'), 'patient');
    assert.equal(await page.locator('#chooser').isVisible(), false);
    assert.equal(await page.locator('#workspace').isVisible(), true);
    assert.match(await page.locator('#clinic-info').innerText(), /Clínica: Riverside Spine Clinic · Front desk 555 0100/);

    await answer(page, 'saddleAnesthesia', 'yes');
    const box = page.locator('#plan-body > [data-call-now="emergency"]');
    await box.waitFor({ state: 'visible' });
    assert.match(await box.innerText(), /^Llame a 112 o vaya a urgencias ahora\.\n+Clínica: Riverside Spine Clinic/);
    // Below the engine's headline, above the plan's lines.
    const order = await page.evaluate(() => Array.from(document.querySelectorAll('#triage, [data-call-now], .recs'))
      .map((node) => node.id || node.getAttribute('data-call-now') || node.className));
    assert.deepEqual(order, ['triage', 'emergency', 'recs']);
    await page.locator('#plan').screenshot({ path: path.join(screenshotDir, 'settings-emergency-es-tablet-plan.png') });

    // Urgent, in English: the urgent wording with the same number.
    await page.locator('#language-select').selectOption('en');
    for (const flag of ['saddleAnesthesia', 'bladderBowelDysfunction', 'bilateralLegWeakness', 'bilateralSciatica',
      'sexualDysfunction', 'gaitDisturbance']) await answer(page, flag, 'no');
    await answer(page, 'fever', 'yes');
    await page.waitForSelector('#plan[data-triage="urgent"]');
    assert.match(await page.locator('[data-call-now="urgent"]').innerText(), /If you cannot see a clinician today: call 112/);

    // Kiosk idle time from settings.js: 45 s.
    await page.clock.runFor(44_000);
    assert.equal(await page.locator('#still-there').isVisible(), false);
    await page.clock.runFor(1_500);
    await page.locator('#still-there').waitFor({ state: 'visible' });
    // After the reset: back in the default language and audience, nothing answered.
    await page.clock.runFor(21_000);
    await page.locator('#still-there').waitFor({ state: 'hidden' });
    assert.equal(await page.getAttribute('html', 'lang'), 'es');
    assert.equal(await page.getAttribute('html', 'data-audience'), 'patient');
    assert.equal(await page.locator('#questions input:checked:not([name$="-unit"])').count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('settings: under the offline worker, an edit on the server applies at the next reload; offline, the saved copy', async () => {
  writeSettings({ emergencyNumber: '911' });
  const context = await browser.newContext({ locale: 'en-US' });
  try {
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(server.url);
    await waitForControl(page);
    const number = () => page.evaluate(() => window.Radiculo.settings.emergencyNumber);
    assert.equal(await number(), '911');
    writeSettings({ emergencyNumber: '999' }); // the IT person's edit, no rebuild
    await page.reload();
    await page.waitForSelector('html[data-engine="ready"]');
    assert.equal(await number(), '999', 'network first: the edit is live');
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('html[data-engine="ready"]');
    assert.equal(await number(), '999', 'offline: the last copy fetched');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
