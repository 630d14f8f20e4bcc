// Clinic settings (web/settings.json: data a clinic's IT person edits, no build), read with a strict
// schema by clinic-settings.js, in a copy of web/ served like a deployment:
// - an edited settings.json changes the numbers, clinic, language, audience and kiosk idle time;
// - every value that does not fit the schema is named on the footer's admin line and the console,
//   never dropped silently, and never shown as HTML; a file that is not JSON leaves the defaults;
// - as shipped (and with no readable settings.json): only what content/review.json records as
//   reviewed, the clinician wording in English; the two sign-off switches: patient wording off, and
//   only the languages a clinic has reviewed;
// - under the offline worker: an edit applies at the next reload, offline the saved copy is used,
//   a Wi-Fi login page (200, HTML) never replaces it, and a missing settings.json never stops the
//   worker installing;
// - the settings file is never run as code (an appended-script attack).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startStaticServer } from '../../tools/static-server.mjs';
import {
  launchChromium, collectErrors, chooseAudience, pauseClockAndTouch, webDir, screenshotDir, webCopy, waitForControl,
  answer as answerOnItsScreen, toPlan, flagsOfUrgency,
} from './support.mjs';
import { SIGNED_OFF } from './settings-presets.mjs';

// Fever with any of these is a dangerous combination; with one of them unanswered, fever is
// examined within hours.
const FEVER_PARTNERS = ['immunocompromised', 'intravenousDrugUse', 'recentInfectionOrProcedure', 'prolongedCorticosteroids'];

let browser;
let dir;
let server;
let portal = false; // true: the server answers settings.json as a Wi-Fi login page would
const requests = [];
const settingsFile = () => path.join(dir, 'settings.json');
const shipped = () => JSON.parse(readFileSync(path.join(webDir, 'settings.json'), 'utf8'));

/**
 * The settings of a clinic that has signed off the patient wording and both languages (SIGNED_OFF)
 * with these values changed, or, given a string, exactly that text. The shipped file itself is
 * tested on its own ("as shipped").
 */
function writeSettings(values) {
  const text = typeof values === 'string' ? values : `${JSON.stringify({ ...SIGNED_OFF, ...values }, null, 2)}\n`;
  writeFileSync(settingsFile(), text);
}

before(async () => {
  browser = await launchChromium();
  dir = webCopy('radiculo-settings-');
  server = await startStaticServer({
    root: dir,
    basePath: '/clinic/',
    log: requests,
    intercept: (request, response, pathname) => {
      if (pathname === '/clinic/collect') { // where the review's appended script posted the answers
        response.writeHead(204);
        response.end();
        return true;
      }
      if (!portal || !pathname.endsWith('/settings.json')) return false;
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      response.end('<!doctype html><title>Guest Wi-Fi</title><p>Please log in to use the Wi-Fi.</p>');
      return true;
    },
  });
});
after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Answers a red flag by its value (works in any language); patients on the screen that asks it. */
const answer = answerOnItsScreen;

/** A page of the copy with the worker blocked; console warnings are kept too. */
async function open(query = '', contextOptions = {}) {
  const context = await browser.newContext({ serviceWorkers: 'block', locale: 'en-US', ...contextOptions });
  const page = await context.newPage();
  const errors = collectErrors(page);
  const warnings = [];
  page.on('console', (message) => { if (message.type() === 'warning') warnings.push(message.text()); });
  await page.goto(`${server.url}${query}`);
  await page.waitForSelector('html[data-engine="ready"]');
  return { context, page, errors, warnings };
}

const noticeLines = async (page) => (await page.locator('#settings-notice p').allInnerTexts());

test('settings: as shipped, the page offers the clinician wording in English only', async () => {
  // web/settings.json as shipped: no review of the patient wording or of Spanish is on record
  // (content/review.json), so neither is offered: no chooser, no switches, no demonstration mark.
  writeSettings(readFileSync(path.join(webDir, 'settings.json'), 'utf8'));
  const { context, page, errors, warnings } = await open('', { locale: 'es-ES' });
  try {
    assert.equal(await page.locator('#chooser').isVisible(), false);
    assert.equal(await page.getAttribute('html', 'data-audience'), 'clinician');
    assert.equal(await page.getAttribute('html', 'lang'), 'en', 'English, despite a Spanish browser');
    assert.equal(await page.locator('#audience-switch').isVisible(), false, 'no audience switch');
    assert.equal(await page.locator('#language-picker').isVisible(), false, 'no language picker');
    assert.equal(await page.locator('#demo-mark').isVisible(), false, 'not a demonstration');
    assert.equal(await page.locator('#settings-notice').isVisible(), false, 'nothing to report');
    assert.deepEqual(warnings.filter((text) => text.includes('settings')), []);
    const settings = await page.evaluate(() => ({ ...window.Radiculo.app.settings }));
    assert.deepEqual([settings.patientWording, settings.languages, settings.audiences, settings.demoMark], [false, ['en'], ['clinician'], false]);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
  // No settings.json at all, or one that cannot be read: the same (what content/review.json records
  // as reviewed), never everything.
  for (const text of [null, '{ "patientWording": true, ']) {
    if (text === null) rmSync(settingsFile(), { force: true });
    else writeSettings(text);
    const second = await open('', { locale: 'es-ES' });
    try {
      const settings = await second.page.evaluate(() => ({ ...window.Radiculo.app.settings }));
      assert.deepEqual([settings.patientWording, settings.languages, settings.audiences], [false, ['en'], ['clinician']], String(text));
      assert.equal(await second.page.getAttribute('html', 'data-audience'), 'clinician');
    } finally {
      await second.context.close();
    }
  }
});

test('settings: with no numbers and no clinic set, the page says "your local emergency number", no clinic line, no notice', async () => {
  writeSettings({});
  const { context, page, errors, warnings } = await open();
  try {
    await chooseAudience(page, 'patient');
    await answer(page, 'saddleAnesthesia', 'yes');
    await toPlan(page); // patients: on from the care card to the plan
    const box = page.locator('[data-call-now="emergency"]');
    await box.waitFor({ state: 'visible' });
    assert.equal(await box.innerText(), 'Call your local emergency number or go to the emergency department now.');
    assert.equal(await page.locator('#clinic-info').isVisible(), false);
    assert.equal(await page.locator('#settings-notice').isVisible(), false, 'nothing to report');
    assert.deepEqual(warnings.filter((text) => text.includes('settings')), []);
    assert.ok(!requests.some((line) => line.endsWith('/settings.js')), 'no settings.js is asked for');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('settings: an edited settings.json changes the numbers, clinic, language, audience and kiosk idle time', async () => {
  writeSettings({ emergencyNumber: '112', urgentAdviceNumber: '0300 123 4567', clinicName: 'Riverside Spine Clinic',
    clinicContact: 'Front desk 555 0100', kioskIdleSeconds: 45, defaultLanguage: 'es', defaultAudience: 'patient' });
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
    assert.match(await page.locator('#clinic-info').innerText(), /Centro: Riverside Spine Clinic · Front desk 555 0100/);
    assert.equal(await page.locator('#settings-notice').isVisible(), false);

    await answer(page, 'saddleAnesthesia', 'yes');
    await toPlan(page); // patients: on from the care card to the plan
    const box = page.locator('#plan-body > [data-call-now="emergency"]');
    await box.waitFor({ state: 'visible' });
    // At a kiosk the desk comes first (staff are a few metres away), then the number.
    assert.match(await box.innerText(), /^Avise ahora en el mostrador de recepción\.\n+Llame al 112 o vaya ahora al servicio de urgencias del hospital \(sala de emergencias\)\.\n+Centro: Riverside Spine Clinic/);
    // Below the engine's headline, above the plan's lines.
    const order = await page.evaluate(() => Array.from(document.querySelectorAll('#triage, [data-call-now], .recs'))
      .map((node) => node.id || node.getAttribute('data-call-now') || node.className));
    assert.deepEqual(order, ['triage', 'emergency', 'recs']);
    await page.locator('#plan').screenshot({ path: path.join(screenshotDir, 'settings-emergency-es-tablet-plan.png') });

    // Urgent, in English: the clinic's urgent-advice line, never the emergency number (the fever's
    // partners answered no: with one unanswered, fever is checked within hours).
    await page.locator('#language-select').selectOption('en');
    for (const flag of [...flagsOfUrgency('emergency'), ...FEVER_PARTNERS]) await answer(page, flag, 'no');
    await answer(page, 'fever', 'yes');
    await toPlan(page);
    await page.waitForSelector('#plan[data-triage="urgent"]');
    const urgent = await page.locator('[data-call-now="urgent"]').innerText();
    assert.match(urgent, /^See a clinician today: call 0300 123 4567\./);
    assert.doesNotMatch(urgent, /112|emergency/);

    // Kiosk idle time from settings.json: 45 s from the last touch (the page's time moves only with runFor now).
    await pauseClockAndTouch(page);
    await page.clock.runFor(44_000);
    assert.equal(await page.locator('#still-there').isVisible(), false);
    await page.clock.runFor(1_000);
    await page.locator('#still-there').waitFor({ state: 'visible' });
    // 20 s later, the reset: back in the default language and audience, nothing answered.
    await page.clock.runFor(20_000);
    await page.locator('#still-there').waitFor({ state: 'hidden' });
    assert.equal(await page.getAttribute('html', 'lang'), 'es');
    assert.equal(await page.getAttribute('html', 'data-audience'), 'patient');
    assert.equal(await page.locator('#questions input:checked:not([name$="-unit"])').count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('settings: every value that does not fit is named on the admin line and the console, never used', async () => {
  writeSettings({
    emergencyNumber: '999, but you do not need the emergency department', // free text where a number belongs
    urgentAdviceNumber: 911, // unquoted: a number in JSON
    clinicName: 'Riverside \u202eCLINIC', // a right-to-left override
    clinicContact: 'x'.repeat(121),
    kioskIdleSeconds: 5,
    defaultLanguage: 'fr',
    defaultAudience: 'nurse',
    takeHomeAddress: 'https://example.org/radiculo/#answers', // the code goes after '#'
    emergencyNumer: '112', // a typo in a key
  });
  const { context, page, errors, warnings } = await open('', { viewport: { width: 800, height: 1280 } });
  try {
    const expected = [
      /^Settings: "emergencyNumer" is not a setting \(ignored\)/,
      /^Settings: emergencyNumber ignored: must be a phone number in quotes \(digits, spaces, \+ - \( \) only, \+ only first, at most 20 characters\)/,
      /^Settings: urgentAdviceNumber ignored: write the number in quotes, e\.g\. "urgentAdviceNumber": "911"$/,
      /^Settings: clinicName ignored: contains control or text-direction characters$/,
      /^Settings: clinicContact ignored: longer than 120 characters$/,
      /^Settings: takeHomeAddress ignored: must be the web address of this aid in quotes, starting with https:\/\/, without a '#' part/,
      /^Settings: kioskIdleSeconds ignored: must be a whole number of seconds from 15 to 3600, without quotes; using 90$/,
      /^Settings: defaultLanguage ignored: must be "auto" or one of the languages offered \("en", "es"\); using "auto"$/,
      /^Settings: defaultAudience ignored: must be "" \(ask\) or one of "clinician", "patient"$/,
    ];
    const lines = await noticeLines(page);
    assert.equal(lines.length, expected.length, lines.join('\n'));
    expected.forEach((pattern, index) => assert.match(lines[index], pattern));
    assert.equal(await page.locator('#settings-notice').isVisible(), true);
    assert.equal(await page.getAttribute('#settings-notice', 'lang'), 'en');
    // The console names each one too (for whoever looks there first).
    assert.equal(warnings.filter((text) => text.startsWith('Radiculo settings: ')).length, expected.length);
    await page.locator('#settings-notice').screenshot({ path: path.join(screenshotDir, 'settings-notice.png') });

    // None of them is used: the defaults stand in.
    // (printer and kioskClinicianWording are not in the shipped file: their defaults, a printer outside a kiosk only.)
    // clinic-settings.js adds what it resolves for this page: the wordings offered and the one to start in.
    assert.deepEqual(await page.evaluate(() => ({ ...window.Radiculo.app.settings })),
      { ...SIGNED_OFF, languages: ['en', 'es'], printer: true, kioskClinicianWording: false, demo: false, clinicPhone: '',
        audiences: ['clinician', 'patient'], fixedAudience: '', demoMark: false,
        // Numbers as tel: links dial them, and where a take-home code leads ('' on this loopback page).
        dial: { emergencyNumber: '', urgentAdviceNumber: '', clinicPhone: '' }, takeHome: '' });
    assert.equal(await page.locator('#chooser').isVisible(), true, 'no default audience');
    await chooseAudience(page, 'patient');
    // In the page's language: switched to Spanish, the same lines are worded in Spanish (the keys and
    // values as written in settings.json), and marked as Spanish.
    await page.locator('#language-select').selectOption('es');
    await page.waitForFunction(() => document.documentElement.lang === 'es');
    const spanish = await noticeLines(page);
    assert.equal(spanish.length, expected.length, spanish.join('\n'));
    assert.match(spanish[0], /^Configuración: "emergencyNumer" no es un ajuste \(no se usa\)/);
    assert.match(spanish[6], /^Configuración: kioskIdleSeconds no se usa: debe ser un número entero de segundos de 15 a 3600, sin comillas; se usa 90$/);
    assert.equal(await page.getAttribute('#settings-notice', 'lang'), 'es');
    await page.locator('#settings-notice').screenshot({ path: path.join(screenshotDir, 'settings-notice-es.png') });
    await page.locator('#language-select').selectOption('en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.deepEqual(await noticeLines(page), lines, 'back in English');
    await answer(page, 'saddleAnesthesia', 'yes');
    await toPlan(page); // patients: on from the care card to the plan
    assert.equal(await page.locator('[data-call-now="emergency"]').innerText(),
      'Call your local emergency number or go to the emergency department now.');
    // The cauda equina and cord questions, and the fever's partners, answered no, so a same-day flag
    // gives the urgent plan (with a partner unanswered, fever is checked within hours).
    for (const flag of [...flagsOfUrgency('emergency'), ...FEVER_PARTNERS]) await answer(page, flag, 'no');
    await answer(page, 'fever', 'yes');
    await toPlan(page);
    await page.waitForSelector('#plan[data-triage="urgent"]');
    assert.equal(await page.locator('[data-call-now="urgent"]').innerText(), 'See a clinician today: call your doctor\'s surgery or urgent care.');
    await page.locator('#plan-body [data-call-now]').screenshot({ path: path.join(screenshotDir, 'settings-call-now-urgent-default.png') });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('settings: text is only ever text: markup in a value is shown as typed, nothing runs', async () => {
  writeSettings({ clinicName: '<img src=x onerror="document.title=\'pwned\'">', clinicContact: '<b>Front desk</b>' });
  const { context, page, errors } = await open();
  try {
    assert.equal(await page.locator('#clinic-info').innerText(), 'Clinic: <img src=x onerror="document.title=\'pwned\'"> · <b>Front desk</b>');
    assert.equal(await page.locator('#clinic-info img, #clinic-info b').count(), 0);
    assert.equal(await page.title(), 'Radiculo');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('settings: a settings file that is not JSON (or is code) leaves the defaults, is never run, and says so', async () => {
  // The defaults: only what content/review.json records as reviewed, so the clinician wording.
  // An attack on settings.js (script appended to the file), now aimed at settings.json: script text appended to the file.
  writeSettings(`${readFileSync(path.join(webDir, 'settings.json'), 'utf8')}
document.title = 'pwned';
fetch('collect', { method: 'POST', body: 'saddleAnesthesia=yes' });
`);
  requests.length = 0;
  const { context, page, errors } = await open();
  try {
    const lines = await noticeLines(page);
    assert.equal(lines.length, 1, lines.join('\n'));
    assert.match(lines[0], /^Settings: settings\.json is not valid JSON \(.+\); using the defaults$/);
    assert.equal(await page.getAttribute('html', 'data-audience'), 'clinician', 'the defaults offer only reviewed wordings');
    await answer(page, 'saddleAnesthesia', 'yes');
    await page.waitForSelector('#plan[data-triage="emergency"]');
    assert.equal(await page.locator('[data-call-now="emergency"]').count(), 1, 'the call-now box is there');
    assert.equal(await page.title(), 'Radiculo');
    assert.deepEqual(requests.filter((line) => !line.startsWith('GET ')), [], 'nothing was posted');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
  // Valid JSON, but not one object.
  writeSettings('["112"]\n');
  const second = await open();
  try {
    assert.deepEqual(await noticeLines(second.page), ['Settings: settings.json must be one JSON object, { "emergencyNumber": "112", ... }; using the defaults']);
  } finally {
    await second.context.close();
  }
});

test('settings: patient wording off and one reviewed language: clinician wording only, no chooser, no switches', async () => {
  writeSettings({ patientWording: false, languages: ['en'], defaultAudience: 'patient' });
  const { context, page, errors } = await open('', { locale: 'es-ES' });
  try {
    assert.deepEqual(await noticeLines(page), ['Settings: defaultAudience "patient" ignored: patientWording is false']);
    // Straight to the questions, in the clinician wording, in English (despite a Spanish browser).
    assert.equal(await page.locator('#chooser').isVisible(), false);
    assert.equal(await page.getAttribute('html', 'data-audience'), 'clinician');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.locator('#audience-switch').isVisible(), false, 'no audience switch');
    assert.equal(await page.locator('#language-picker').isVisible(), false, 'no language picker');
    assert.equal(await page.locator('#chooser-languages button').count(), 0);
    assert.equal(await page.locator('#questions-title').innerText(), 'Assessment');
    // "Start again" comes back to the same place, not to "Which best describes you?".
    await answer(page, 'fever', 'yes');
    await toPlan(page);
    await page.locator('#start-again').click();
    assert.equal(await page.locator('#chooser').isVisible(), false);
    assert.equal(await page.getAttribute('html', 'data-audience'), 'clinician');
    // The intended-use page follows the same settings: English, clinician wording, whatever is asked.
    await page.goto(`${server.url}about.html?lang=es&audience=patient`);
    await page.waitForSelector('html[data-engine="ready"]');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    const clinicianTitle = await page.evaluate(() => window.Radiculo.engineClient.engine.content('en').intendedUse.title.clinician);
    assert.equal(await page.locator('#about-title').innerText(), clinicianTitle);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('settings: languages the content does not have are named; English stays when none is left', async () => {
  writeSettings({ languages: ['fr', 'EN'], patientWording: 'false' });
  const { context, page, errors } = await open('', { locale: 'es-ES' });
  try {
    assert.deepEqual(await noticeLines(page), [
      'Settings: patientWording ignored: must be true or false, without quotes; patient wording is off until this is fixed',
      'Settings: languages: "fr" ignored: not a language of this content ("en", "es")',
      'Settings: languages: "EN" ignored: not a language of this content ("en", "es")',
      'Settings: languages: no language left; "en" is always offered',
    ]);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.getAttribute('html', 'data-audience'), 'clinician', 'an unreadable switch is off');
    assert.equal(await page.locator('#language-picker').isVisible(), false);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('settings: under the offline worker, an edit applies at the next reload; offline, the saved copy', async () => {
  writeSettings({ emergencyNumber: '911' });
  const context = await browser.newContext({ locale: 'en-US' });
  try {
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(server.url);
    await waitForControl(page);
    const number = () => page.evaluate(() => window.Radiculo.app.settings.emergencyNumber);
    assert.equal(await number(), '911');
    writeSettings({ emergencyNumber: '999' }); // the IT person's edit, no rebuild
    await page.reload();
    await page.waitForSelector('html[data-engine="ready"]');
    assert.equal(await number(), '999', 'network first: the edit is live');
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('html[data-engine="ready"]');
    assert.equal(await number(), '999', 'offline: the last copy fetched');
    assert.equal(await page.locator('#settings-notice').isVisible(), false, 'offline is normal: nothing to report');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('settings: a Wi-Fi login page (200, HTML) never replaces the saved settings; the admin line says why', async () => {
  writeSettings({ emergencyNumber: '112' });
  const context = await browser.newContext({ locale: 'en-US' });
  try {
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(server.url);
    await waitForControl(page);
    await page.reload(); // now under the worker, which has saved settings.json
    await page.waitForSelector('html[data-engine="ready"]');
    assert.equal(await page.evaluate(() => window.Radiculo.app.settings.emergencyNumber), '112');

    portal = true; // the clinic's Wi-Fi now answers every address with its login page
    await page.reload();
    await page.waitForSelector('html[data-engine="ready"]');
    assert.equal(await page.evaluate(() => window.Radiculo.app.settings.emergencyNumber), '112', 'the saved copy');
    assert.deepEqual(await noticeLines(page), ["Settings: the server's answer for settings.json is not a JSON object (text/html; charset=utf-8); using the copy saved on this device"]);

    portal = false; // and once the network is back, the saved copy is still the clinic's
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('html[data-engine="ready"]');
    assert.equal(await page.evaluate(() => window.Radiculo.app.settings.emergencyNumber), '112');
    assert.deepEqual(errors, []);
  } finally {
    portal = false;
    await context.close();
  }
});

test('settings: a missing settings.json never stops the worker installing; the page says so', async () => {
  rmSync(settingsFile(), { force: true });
  const context = await browser.newContext({ locale: 'en-US' });
  try {
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(server.url);
    await page.waitForSelector('html[data-engine="ready"]');
    assert.deepEqual(await noticeLines(page), ['Settings: settings.json could not be loaded (the server answered 404); using the defaults']);
    await waitForControl(page); // installed all the same: offline mode works
    assert.equal((await page.evaluate(() => caches.keys())).length, 1);
    assert.deepEqual(errors.filter((text) => !/404/.test(text)), [], 'no console error but the 404 itself');
  } finally {
    await context.close();
    writeSettings({});
  }
});
