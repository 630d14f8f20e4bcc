// Handing the plan over without a server (web/handover.js): the take-home QR code, read
// back from the pixels the page draws (jsQR on a real screenshot), opened on an emulated phone to the
// identical plan; the printout's code; a damaged or foreign code refused with a clear message and no
// plan; every shared case through the answer code and back; "Copy for the record" giving the
// engine's note; FHIR answers saved and opened again; the Questionnaire from the intended-use page.
// Throughout: no request leaves the origin and nothing is stored.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { startAid, openPage, chooseAudience, fillFrom, vector, screenshotDir, VIEWPORTS, PUBLIC_ADDRESS, servePublicly, preparePrint } from './support.mjs';
import { loadRecords } from '../wasm/load-engine.mjs';
import { loadVectors } from '../wasm/vectors.mjs';
import { SIGNED_OFF } from './settings-presets.mjs';

let aid;
before(async () => { aid = await startAid({ settings: SIGNED_OFF }); });
after(async () => { await aid?.close(); });

const PHONE = { viewport: VIEWPORTS.phone, isMobile: true, hasTouch: true, serviceWorkers: 'block', reducedMotion: 'reduce' };
const KIOSK = { viewport: { width: 1080, height: 1920 }, hasTouch: true, serviceWorkers: 'block' };

/** The text a QR code in a PNG image carries. */
function decodePng(bytes) {
  const image = PNG.sync.read(bytes);
  const found = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  assert.ok(found, 'the QR code could not be read from its pixels');
  return { text: found.data, version: found.version };
}

/** The text a QR code carries, read from a screenshot of the element (as a phone camera would). */
async function scan(locator) {
  return decodePng(await locator.screenshot());
}

/** Nothing kept by the page: no cookie, no web storage, no IndexedDB, no cache. */
async function assertNothingStored(page, context) {
  assert.deepEqual(await context.cookies(), []);
  const kept = await page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    databases: indexedDB.databases ? (await indexedDB.databases()).length : 0,
    caches: (await caches.keys()).length,
  }));
  assert.deepEqual(kept, { local: 0, session: 0, databases: 0, caches: 0 });
}

/** What the plan says, word for word (the screen and the print sheet; the code's canvas has no text). */
const planText = (page) => page.locator('#plan-body').evaluate((node) => node.textContent);

test('handover: a phone opens the kiosk\'s take-home code and shows the identical plan, not in kiosk mode, then drops the answers from the address', async () => {
  // A kiosk the clinic serves at its public address, in kiosk mode (?kiosk&idle=…).
  const kiosk = await openPage(aid, { ...KIOSK, publicAddress: PUBLIC_ADDRESS, url: `${PUBLIC_ADDRESS}?kiosk&idle=600` });
  const phone = await aid.browser.newContext(PHONE);
  await servePublicly(phone, aid);
  try {
    const { page } = kiosk;
    await chooseAudience(page, 'patient');
    await fillFrom(page, vector('priority-age-90-patient').input);
    await page.waitForSelector('#plan[data-triage]');
    const triage = await page.locator('#plan').getAttribute('data-triage');
    await page.locator('#take-home-show').click();
    await page.locator('#take-home').waitFor({ state: 'visible' });
    await page.locator('#take-home').screenshot({ path: path.join(screenshotDir, 'handover-take-home-kiosk.png') });
    const { text, version } = await scan(page.locator('#take-home-code'));
    assert.equal(text, await page.locator('#take-home-link').textContent(), 'the code is the link shown under it');
    assert.ok(text.startsWith(`${PUBLIC_ADDRESS}#R3`), `origin and path only, never the kiosk's query: ${text}`);
    assert.match(await page.locator('#take-home').textContent(), /in its history and its open tabs/, 'the screen says where the phone keeps the link (measured: bench/history.mjs)');
    assert.match(await page.locator('#privacy-code').textContent(), /phone's browser keeps the link in its history/, 'and so does the privacy line');
    assert.ok(version <= 6, `QR version ${version}: small enough to scan from a kiosk screen at arm's length`);

    const mobile = await phone.newPage();
    const offOrigin = [];
    const origin = new URL(PUBLIC_ADDRESS).origin;
    await phone.route((address) => address.origin !== origin, (route) => { offOrigin.push(route.request().url()); return route.abort(); });
    await servePublicly(phone, aid); // after the catch-all: the later route is tried first
    await mobile.goto(text);
    await mobile.waitForSelector('html[data-engine="ready"]');
    await mobile.waitForSelector(`#plan[data-triage="${triage}"]`);
    assert.equal(new URL(mobile.url()).hash, '', 'the answers are gone from the address bar');
    assert.equal(await mobile.evaluate(() => document.documentElement.getAttribute('data-audience')), 'patient');
    assert.match(await mobile.locator('#page-notice').textContent(), /Opened from your code.*history and its open tabs/s);
    assert.equal(await mobile.evaluate(() => document.documentElement.classList.contains('kiosk')), false, 'the person\'s phone is not a kiosk');
    assert.equal(await mobile.locator('#start-over').isVisible(), false, 'no kiosk "Start over" on the phone');
    // Word for word; only the kiosk's references are plain text, not links that open a new window.
    const linkNote = / \(opens a new window\)/g;
    assert.equal((await planText(mobile)).replace(linkNote, ''), await planText(page), 'the same plan, word for word');
    await mobile.screenshot({ path: path.join(screenshotDir, 'handover-opened-on-phone.png') });
    assert.deepEqual(offOrigin, []);
    assert.deepEqual(kiosk.offOrigin, []);
    await assertNothingStored(mobile, phone);
    await assertNothingStored(page, kiosk.context);

    // The kiosk's next person: no code, no link left on the screen.
    await page.evaluate(() => window.Radiculo.app.startAgain({ nextPerson: true }));
    assert.equal(await page.locator('#take-home').isHidden(), true);
    assert.equal(await page.locator('#take-home-link').textContent(), '');
    assert.equal(await page.locator('#take-home-code').evaluate((canvas) => canvas.width), 0);
  } finally {
    await phone.close();
    await kiosk.context.close();
  }
});

test('handover: the printed plan carries the same code, and a clinician reopens it in Spanish and the clinician wording', async () => {
  const { page, context, offOrigin } = await openPage(aid, { viewport: VIEWPORTS.desk, serviceWorkers: 'block', locale: 'es-ES', publicAddress: PUBLIC_ADDRESS });
  try {
    await chooseAudience(page, 'clinician');
    await fillFrom(page, vector('urgent-infection-fever').input);
    await page.waitForSelector('#plan[data-triage="urgent"]');
    // The pixels the printer gets: the canvas's own image.
    await preparePrint(page);
    const png = await page.locator('.print-sheet .print-code__image').evaluate((canvas) => canvas.toDataURL('image/png').split(',')[1]);
    const printed = decodePng(Buffer.from(png, 'base64'));
    await page.locator('#take-home-show').click();
    assert.equal(printed.text, await page.locator('#take-home-link').textContent());
    await page.pdf({ path: path.join(screenshotDir, '..', 'handover-print.pdf'), format: 'A4' });
    // On paper each module keeps 0.58 mm however long the address makes the code.
    await page.emulateMedia({ media: 'print' });
    const printedModule = await page.locator('.print-sheet .print-code__image').evaluate((canvas) =>
      canvas.getBoundingClientRect().width / Number(canvas.closest('.print-code').style.getPropertyValue('--qr-modules')));
    await page.emulateMedia({ media: 'screen' });
    assert.ok(Math.abs(printedModule - (0.58 * 96) / 25.4) < 0.01, `a module is ${printedModule} px on paper`);

    const reopened = await context.newPage();
    await reopened.goto(printed.text);
    await reopened.waitForSelector('#plan[data-triage="urgent"]');
    await preparePrint(reopened); // its printout too, as on the first page
    assert.equal(await reopened.evaluate(() => document.documentElement.lang), 'es');
    assert.equal(await reopened.evaluate(() => document.documentElement.getAttribute('data-audience')), 'clinician');
    assert.equal(await planText(reopened), await planText(page));
    assert.deepEqual(offOrigin, []);
  } finally {
    await context.close();
  }
});

test('handover: a damaged code or one made for other questions is refused with a clear message and no plan', async () => {
  const { page, context, offOrigin } = await openPage(aid, { viewport: VIEWPORTS.phone, serviceWorkers: 'block' });
  try {
    const code = await page.evaluate(async (input) => {
      const engine = window.Radiculo.engineClient.engine;
      await window.Radiculo.handover.whenCodeReady(); // the code's part, loaded when a code is first wanted
      return window.Radiculo.answerCode.encode(input, engine.schema(), engine.version().contentVersion);
    }, Object.assign({ audience: 'patient', language: 'en' }, vector('emergency-saddle-anesthesia-only-answer').input));
    const answersAt = code.indexOf('**') + 2; // after R3, the fingerprint, the content version and no preference
    const cases = [
      { name: 'one answer changed', code: code.slice(0, answersAt + 2) + (code[answersAt + 2] === '1' ? '0' : '1') + code.slice(answersAt + 3), message: /damaged or incomplete/ },
      { name: 'cut short', code: code.slice(0, -5), message: /damaged or incomplete/ },
      { name: 'another format', code: `R9${code.slice(2)}`, message: /another version/ },
    ];
    // Made for other questions: the same answers under another fingerprint, with a correct check.
    const foreign = await page.evaluate((text) => {
      const body = `${text.slice(0, 2)}ZZZZ${text.slice(6, -3)}`;
      let value = 0x811c9dc5;
      for (let i = 0; i < body.length; i += 1) { value ^= body.charCodeAt(i); value = Math.imul(value, 0x01000193) >>> 0; }
      return body + (value % 36 ** 3).toString(36).toUpperCase().padStart(3, '0');
    }, code);
    cases.push({ name: 'other questions', code: foreign, message: /another version/ });
    for (const item of cases) {
      await page.goto('about:blank'); // a code acts when a page loads, not when a fragment changes
      await page.goto(`${aid.server.url}#${item.code}`);
      await page.waitForSelector('html[data-engine="ready"]');
      await page.locator('#page-notice').waitFor({ state: 'visible' });
      assert.match(await page.locator('#page-notice').textContent(), item.message, item.name);
      assert.equal(await page.locator('#plan').getAttribute('data-triage'), null, `${item.name}: no plan`);
      assert.equal(new URL(page.url()).hash, '', `${item.name}: the code is gone from the address`);
    }
    await page.screenshot({ path: path.join(screenshotDir, 'handover-code-refused.png') });
    // A page link such as #plan is not a code.
    const fresh = await context.newPage();
    await fresh.goto(`${aid.server.url}#plan`);
    await fresh.waitForSelector('html[data-engine="ready"]');
    assert.equal(await fresh.locator('#page-notice').isHidden(), true);
    assert.equal(new URL(fresh.url()).hash, '#plan');
    assert.deepEqual(offOrigin, []);
  } finally {
    await context.close();
  }
});

test('handover: every shared case, in both wordings and languages, goes through the answer code and back unchanged, in a small QR code', async () => {
  const { page, context } = await openPage(aid, { viewport: VIEWPORTS.tablet, serviceWorkers: 'block' });
  // The code at its longest: with the longest "what matters most" choice beside the answers.
  const preference = JSON.parse(readFileSync(new URL('../../content/rules.json', import.meta.url), 'utf8')).options.preferences
    .reduce((longest, id) => (id.length > longest.length ? id : longest), '');
  try {
    const inputs = loadVectors().filter((item) => item.expect.ok && item.input && typeof item.input === 'object' && !('resourceType' in item.input))
      .flatMap((item) => ['clinician', 'patient'].flatMap((audience) => ['en', 'es'].map((language) => ({ name: item.name, input: Object.assign({}, item.input, { audience, language }) }))));
    await page.evaluate(() => window.Radiculo.handover.whenCodeReady()); // the take-home code and the QR encoder, loaded when a code is first wanted
    const result = await page.evaluate(({ inputs, address, preference }) => {
      const schema = window.Radiculo.engineClient.engine.schema();
      const sorted = (value) => JSON.stringify(value, (key, item) => (Array.isArray(item) ? [...item].sort()
        : item && typeof item === 'object' ? Object.fromEntries(Object.entries(item).sort()) : item));
      const failures = [];
      let longest = '';
      let largest = 0;
      for (const { name, input } of inputs) {
        const code = window.Radiculo.answerCode.encode(input, schema, window.Radiculo.engineClient.engine.version().contentVersion, preference);
        const back = window.Radiculo.answerCode.decode(code, schema);
        if (!back.ok || sorted(back.assessment) !== sorted(input) || back.preference !== preference.toUpperCase()) failures.push(name);
        const qr = window.qrcode(0, 'M');
        qr.addData(`${address}#`, 'Byte');
        qr.addData(code, 'Alphanumeric');
        qr.make();
        if (code.length > longest.length) longest = code;
        largest = Math.max(largest, qr.getModuleCount());
      }
      return { failures, longest, largest, count: inputs.length };
    }, { inputs, address: PUBLIC_ADDRESS, preference });
    assert.deepEqual(result.failures, []);
    assert.ok(result.count >= 300, `${result.count} cases`);
    const version = (result.largest - 17) / 4;
    console.log(`handover: ${result.count} cases; longest code ${result.longest.length} characters (${result.longest}); largest QR version ${version} (${result.largest} modules) for ${PUBLIC_ADDRESS}`);
    assert.ok(version <= 6, `QR version ${version}`);
  } finally {
    await context.close();
  }
});

test('handover: "Copy for the record" gives the engine\'s note, and FHIR answers are saved and opened again to the same plan', async () => {
  const { page, context, offOrigin } = await openPage(aid, { viewport: VIEWPORTS.desk, serviceWorkers: 'block' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(aid.server.url).origin });
  const engine = await loadRecords();
  try {
    await chooseAudience(page, 'clinician');
    const input = vector('reassess-candidate-contained-l4-l5').input;
    await fillFrom(page, input);
    await page.waitForSelector('#plan[data-triage="reassess"]');
    const before = await planText(page);
    // At the desk (1366x768) Copy, Save and the code are at the top of the plan pane: no scrolling.
    const placed = await page.evaluate(() => {
      const pane = document.getElementById('plan');
      const top = (id) => document.getElementById(id).getBoundingClientRect().bottom - pane.getBoundingClientRect().top + pane.scrollTop;
      return { copy: top('copy-note'), save: top('save-fhir'), pane: pane.clientHeight, viewport: window.innerHeight };
    });
    assert.ok(placed.copy <= Math.min(placed.pane, placed.viewport) && placed.save <= Math.min(placed.pane, placed.viewport), JSON.stringify(placed));

    await page.locator('#copy-note').click();
    await page.locator('#record-note').waitFor({ state: 'visible' });
    const shown = await page.locator('#record-note-text').inputValue();
    const today = await page.evaluate(() => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; });
    const expected = JSON.parse(engine.note(JSON.stringify(Object.assign({ audience: 'clinician', language: 'en' }, input)), today, aid.server.url));
    assert.equal(shown, expected.note, 'the note is the engine\'s, for these answers');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), expected.note, 'and it is on the clipboard');
    await page.locator('#handover').screenshot({ path: path.join(screenshotDir, 'handover-note-clinician.png') });

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#save-fhir').click()]);
    const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.equal(saved.resourceType, 'QuestionnaireResponse');
    assert.match(download.suggestedFilename(), /^radiculo-answers-\d{4}-\d{2}-\d{2}-\d{6}-reassess\.json$/, 'date, time and triage: two people\'s files differ');
    assert.match(await page.locator('#handover-status').textContent(), new RegExp(download.suggestedFilename().replace(/\./g, '\\.')), 'the status names the file handed to the browser');

    await page.locator('#start-again').click();
    await chooseAudience(page, 'clinician');
    await page.locator('#open-fhir-file').setInputFiles({ name: 'answers.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(saved)) });
    await page.waitForSelector('#plan[data-triage="reassess"]');
    assert.equal(await planText(page), before, 'the same plan from the saved answers');
    assert.match(await page.locator('#page-notice').textContent(), /Opened the answers from the file/);

    // Not Radiculo's answers: refused, with the place named; the answers on the page stay.
    const other = { ...saved, questionnaire: 'http://example.org/Questionnaire/other' };
    await page.locator('#open-fhir-file').setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(other)) });
    await page.locator('#handover-status').waitFor({ state: 'visible' });
    assert.match(await page.locator('#handover-status').textContent(), /could not be opened as Radiculo answers: .*questionnaire/);
    assert.equal(await planText(page), before);
    assert.deepEqual(offOrigin, []);
    await assertNothingStored(page, context);
  } finally {
    await context.close();
  }
});

test('handover: the intended-use page gives the FHIR Questionnaire for integrators', async () => {
  const { page, context, offOrigin } = await openPage(aid, { viewport: VIEWPORTS.desk, serviceWorkers: 'block', url: `${aid.server.url}about.html?lang=en&audience=clinician` });
  try {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-fhir-questionnaire]').click()]);
    const questionnaire = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.equal(questionnaire.resourceType, 'Questionnaire');
    const engine = await loadRecords();
    assert.deepEqual(questionnaire, JSON.parse(engine.fhirQuestionnaire('clinician', 'en')));
    assert.deepEqual(offOrigin, []);
  } finally {
    await context.close();
  }
});

test('handover: patients see only the take-home code, not the clinician\'s record and FHIR buttons', async () => {
  const { page, context } = await openPage(aid, { viewport: VIEWPORTS.phone, serviceWorkers: 'block', publicAddress: PUBLIC_ADDRESS });
  try {
    await chooseAudience(page, 'patient');
    await fillFrom(page, vector('adult-age-18-is-in-scope').input);
    await page.waitForSelector('#plan[data-triage="conservative"]');
    assert.equal(await page.locator('#take-home-show').isVisible(), true);
    for (const id of ['#copy-note', '#save-fhir', '#open-fhir']) assert.equal(await page.locator(id).isVisible(), false, id);
  } finally {
    await context.close();
  }
});

test('handover: a kiosk copy with takeHomeAddress in settings.json gives a code for the clinic\'s public address', async () => {
  const opened = await openPage(aid, { viewport: VIEWPORTS.tablet, serviceWorkers: 'block' });
  const { page, context, offOrigin } = opened;
  try {
    await page.route('**/settings.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ...SIGNED_OFF, takeHomeAddress: 'https://radiculo.example.org/aid/' }) }));
    await page.reload();
    await page.waitForSelector('html[data-engine="ready"]');
    await chooseAudience(page, 'patient');
    await fillFrom(page, vector('adult-age-18-is-in-scope').input);
    await page.waitForSelector('#plan[data-triage="conservative"]');
    await page.locator('#take-home-show').click();
    const { text } = await scan(page.locator('#take-home-code'));
    assert.match(text, /^https:\/\/radiculo\.example\.org\/aid\/#R3[0-9A-Z*+.-]+$/);
    assert.deepEqual(offOrigin, [], 'the code names the address; the page never contacts it');
  } finally {
    await context.close();
  }
});

test('handover: a code acts only when the page loads: a changed fragment, or an opener on another site, changes no answer', async () => {
  const { page, context, offOrigin } = await openPage(aid, { viewport: VIEWPORTS.desk, serviceWorkers: 'block' });
  try {
    await chooseAudience(page, 'clinician');
    await fillFrom(page, vector('emergency-saddle-anesthesia-only-answer').input);
    await page.waitForSelector('#plan[data-triage="emergency"]');
    const before = await planText(page);
    // A valid code of calm answers, put in this page's address as another window could.
    const calm = await page.evaluate(async (input) => {
      const engine = window.Radiculo.engineClient.engine;
      await window.Radiculo.handover.whenCodeReady();
      return window.Radiculo.answerCode.encode(input, engine.schema(), engine.version().contentVersion);
    }, Object.assign({ audience: 'clinician', language: 'en' }, vector('adult-age-18-is-in-scope').input));
    await page.evaluate((code) => new Promise((resolve) => {
      window.addEventListener('hashchange', () => requestAnimationFrame(() => requestAnimationFrame(resolve)), { once: true });
      window.location.hash = code;
    }), calm);
    assert.equal(await page.locator('#plan').getAttribute('data-triage'), 'emergency', 'the answers on the page stay');
    assert.equal(await planText(page), before);
    assert.equal(await page.locator('#page-notice').isHidden(), true, 'and no "Opened from your code"');
    assert.deepEqual(offOrigin, []);

    // A page on another site that opens the aid keeps no handle on it (Cross-Origin-Opener-Policy).
    const opener = await aid.browser.newContext({ serviceWorkers: 'block' });
    try {
      await opener.route('https://portal.example/**', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>portal</title>' }));
      const portal = await opener.newPage();
      await portal.goto('https://portal.example/');
      const [popup] = await Promise.all([opener.waitForEvent('page'), portal.evaluate((url) => { window.aid = window.open(url); }, aid.server.url)]);
      await popup.waitForSelector('html[data-engine="ready"]');
      assert.equal(await portal.evaluate(() => window.aid.closed), true, 'the opener\'s handle is cut: it cannot set the aid\'s address');
    } finally {
      await opener.close();
    }
  } finally {
    await context.close();
  }
});

test('handover: a page on a loopback address without takeHomeAddress offers no code and says why on the settings line', async () => {
  const { page, context } = await openPage(aid, { viewport: VIEWPORTS.desk, serviceWorkers: 'block' });
  try {
    await chooseAudience(page, 'clinician');
    await fillFrom(page, vector('adult-age-18-is-in-scope').input);
    await page.waitForSelector('#plan[data-triage]');
    assert.equal(await page.locator('#take-home-show').isVisible(), false, 'no button that could only fail');
    assert.equal(await page.locator('#privacy-code').isVisible(), false, 'and the privacy line has nothing to add');
    await preparePrint(page);
    assert.equal(await page.locator('.print-sheet').count(), 1, 'the printout is there');
    assert.equal(await page.locator('.print-sheet .print-code__image').count(), 0, 'no code on the printout');
    assert.match(await page.locator('#settings-checks').textContent(), /no take-home code: this page is served from 127\.0\.0\.1, which a patient's phone cannot open; set takeHomeAddress/);
    assert.equal(await page.locator('#copy-note').isVisible(), true, 'the clinician\'s record actions are still there');
  } finally {
    await context.close();
  }
});

test('handover: a code made with other content opens, and says so beside the plan', async () => {
  const { page, context } = await openPage(aid, { viewport: VIEWPORTS.phone, serviceWorkers: 'block' });
  try {
    const code = await page.evaluate(async (input) => (await window.Radiculo.handover.whenCodeReady(), window.Radiculo.answerCode.encode(input, window.Radiculo.engineClient.engine.schema(), '1.0.0')),
      Object.assign({ audience: 'patient', language: 'en' }, vector('adult-age-18-is-in-scope').input));
    await page.goto('about:blank');
    await page.goto(`${aid.server.url}#${code}`);
    await page.waitForSelector('#plan[data-triage]');
    const version = await page.evaluate(() => window.Radiculo.engineClient.engine.version().contentVersion);
    assert.match(await page.locator('#page-notice').textContent(), new RegExp(`content version 1\\.0\\.0; this page has version ${version.replace(/\./g, '\\.')}`));
  } finally {
    await context.close();
  }
});

test('handover: a file larger than the engine takes is refused before it is read, and the engine client refuses a long text before the module', async () => {
  const { page, context } = await openPage(aid, { viewport: VIEWPORTS.desk, serviceWorkers: 'block' });
  try {
    await chooseAudience(page, 'clinician');
    // Count the reads of any file's contents.
    await page.evaluate(() => {
      window.fileReads = 0;
      const text = Blob.prototype.text;
      Blob.prototype.text = function () { window.fileReads += 1; return text.call(this); };
    });
    await page.locator('#open-fhir-file').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.alloc(64 * 1024 + 1, 0x20) });
    await page.locator('#page-notice').waitFor({ state: 'visible' }); // no plan yet: the page's notice line
    assert.match(await page.locator('#page-notice').textContent(), /could not be opened as Radiculo answers: .*64 KiB/);
    assert.equal(await page.evaluate(() => window.fileReads), 0, 'not a byte of it read');
    const client = await page.evaluate(async () => {
      const engine = await window.Radiculo.engineClient.engine.records();
      const result = engine.fromQuestionnaireResponse(' '.repeat(64 * 1024 + 1));
      const note = engine.note({ language: 'en', audience: 'clinician', pad: 'x'.repeat(70 * 1024) }, '2026-01-01', '');
      return { code: result.errors[0].code, message: result.errors[0].message, note: note.ok, noteCode: note.errors[0].code };
    });
    assert.deepEqual({ code: client.code, note: client.note, noteCode: client.noteCode }, { code: 'tooLarge', note: false, noteCode: 'tooLarge' });
    assert.match(client.message, /64 KiB/);
  } finally {
    await context.close();
  }
});

test('handover: a kiosk keeps nothing: no Copy, Save or Open even with the clinician wording, the clipboard untouched, the intended-use link opens no window', async () => {
  const kioskSettings = { ...SIGNED_OFF, kioskClinicianWording: true };
  const { page, context } = await openPage(aid, { ...KIOSK, publicAddress: PUBLIC_ADDRESS, url: `${PUBLIC_ADDRESS}?kiosk&idle=600` });
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(PUBLIC_ADDRESS).origin });
    await page.route('**/settings.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(kioskSettings) }));
    await page.reload();
    await page.waitForSelector('html[data-engine="ready"]');
    await page.evaluate(() => navigator.clipboard.writeText('before the kiosk'));
    await chooseAudience(page, 'clinician');
    await fillFrom(page, vector('reassess-candidate-contained-l4-l5').input);
    await page.waitForSelector('#plan[data-triage="reassess"]');
    for (const id of ['#copy-note', '#save-fhir', '#open-fhir', '#open-fhir-file']) assert.equal(await page.locator(id).count(), 0, `${id} is not on a kiosk`);
    assert.equal(await page.locator('#take-home-show').isVisible(), true, 'the take-home code still is');
    // Ctrl+S and Ctrl+O do nothing at a kiosk (no file dialog); Ctrl+P neither without a printer.
    const blocked = await page.evaluate(() => ['s', 'o'].map((key) => !document.body.dispatchEvent(new KeyboardEvent('keydown', { key, ctrlKey: true, bubbles: true, cancelable: true }))));
    assert.deepEqual(blocked, [true, true]);
    // The intended-use link by any click: only its dialog, in place, never a window.
    for (const click of [{ modifiers: ['Shift'] }, { modifiers: ['Control'] }, { button: 'middle' }]) await page.locator('#about-link').click(click);
    await page.locator('#about-link').click();
    await page.locator('dialog[open]').waitFor();
    assert.equal(context.pages().length, 1, 'no other window');
    assert.equal(await page.locator('dialog[open] a[href]:not([href^="#"])').count(), 0, 'the dialog\'s links out are plain text');
    await page.keyboard.press('Escape');
    await page.evaluate(() => window.Radiculo.app.startAgain({ nextPerson: true }));
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'before the kiosk', 'nothing of the person on the clipboard');
  } finally {
    await context.close();
  }
});
