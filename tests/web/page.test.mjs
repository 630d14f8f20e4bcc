// The real page in a real browser: Debian's Chromium driven by playwright-core, against web/ served
// by tools/static-server.mjs under a sub-path (/tools/radiculo/). Each case fills the form from
// a shared vector (tests/vectors/*.json) with clicks and the keyboard, then checks what a person
// sees (triage, recommendation ids, the Why? text), that no console error occurred, that every
// request stayed on the page's own origin, and that no answer was stored anywhere.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  startAid, openPage as openAid, chooseAudience, fillFrom, typeInto, enginePlan, vector, axe, screenshotDir, BASE_PATH,
} from './support.mjs';
import { SIGNED_OFF } from './settings-presets.mjs';

const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  tablet: { width: 800, height: 1280 },
  kiosk: { width: 1920, height: 1080 },
};

let aid;
let server;
let browser;

before(async () => {
  aid = await startAid({ settings: SIGNED_OFF });
  ({ server, browser } = aid);
});

after(async () => {
  await aid?.close();
});

/**
 * A fresh browser context that records every request and console error, and aborts (and records)
 * any request that would leave the page's origin.
 */
async function openPage(viewport, contextOptions = {}) {
  const opened = await openAid(aid, { viewport, ...contextOptions });
  return { ...opened, aborted: opened.offOrigin };
}

async function assertNothingStoredOrSent(opened) {
  const { page, context, origin, requests, aborted, consoleErrors } = opened;
  const stored = await page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    databases: (await indexedDB.databases()).length,
    cookie: document.cookie,
  }));
  assert.deepEqual(stored, { local: 0, session: 0, databases: 0, cookie: '' }, 'nothing may be stored');
  assert.deepEqual(await context.cookies(), [], 'no cookies');
  assert.deepEqual(aborted, [], 'no request may leave the page origin');
  assert.ok(requests.length > 0);
  for (const url of requests) assert.ok(url.startsWith(origin + BASE_PATH), `request to ${url}`);
  assert.deepEqual(consoleErrors, [], 'no console errors');
}

async function screenshots(page, name) {
  // As a person would look at it: the first "Why?" open, the plan scrolled to its top.
  await page.evaluate(() => {
    document.querySelectorAll('#plan details').forEach((details, index) => { details.open = index === 0; });
    document.getElementById('plan').scrollTop = 0;
  });
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport);
    await page.evaluate(() => new Promise((done) => {
      window.scrollTo(0, 0);
      requestAnimationFrame(() => requestAnimationFrame(done)); // let the plan bar see the scroll
    }));
    await page.screenshot({ path: path.join(screenshotDir, `${name}-${size}.png`) });
    if (size !== 'kiosk') await page.locator('#plan').screenshot({ path: path.join(screenshotDir, `${name}-${size}-plan.png`) });
  }
}

const CASES = [
  { name: 'emergency-saddle-anesthesia-only-answer', viewport: 'phone' },
  { name: 'urgent-infection-fever', viewport: 'tablet' },
  { name: 'urgent-fever-not-sure', viewport: 'kiosk' },
  { name: 'check-now-saddle-not-sure-patient', viewport: 'phone' },
  { name: 'priority-osteoporosis-patient', viewport: 'tablet' },
  { name: 'emergency-combination-deficit-cancerHistory', viewport: 'phone' },
  { name: 'conservative-spasm-severe-pain', viewport: 'phone', inDays: true },
  { name: 'reassess-candidate-contained-l5-s1', viewport: 'kiosk' },
  { name: 'reassess-patient-wording', viewport: 'tablet' },
];

for (const { name, viewport, inDays } of CASES) {
  test(`page: ${name} shows the vector's triage and exactly its lines`, async () => {
    const { input, expect } = vector(name);
    const opened = await openPage(VIEWPORTS[viewport]);
    const { page, context } = opened;
    try {
      const audience = input.audience || 'clinician';
      await chooseAudience(page, audience);
      await fillFrom(page, input, { inDays, byKeyboard: true });

      const plan = page.locator('#plan');
      await page.waitForSelector(`#plan[data-triage="${expect.triage}"]`);
      const ids = await page.locator('[data-rec-id]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-rec-id')));
      assert.deepEqual(ids, expect.ids);
      for (const [id, kind] of Object.entries(expect.kinds || {})) {
        assert.equal(await page.locator(`[data-rec-id="${id}"]`).getAttribute('data-kind'), kind, id);
      }
      if (['emergency', 'check-now', 'urgent'].includes(expect.triage)) {
        await assert.doesNotReject(plan.getByRole('alert').waitFor({ state: 'visible' }), 'the triage is an alert');
      }

      // Patients: the full lines are folded under "More about your plan" (one tap opens them).
      if (await page.locator('#plan details.more:not([open])').count()) await page.locator('#plan details.more > summary').click();
      // Why? on every line: hidden until clicked, then the engine's rationale and basis are visible.
      const expected = await enginePlan(page, Object.assign({}, input, { audience }));
      assert.equal(expected.triage, expect.triage);
      for (const line of expected.recommendations) {
        const item = page.locator(`[data-rec-id="${line.id}"]`);
        const why = item.locator('[data-why]');
        assert.equal(await why.isVisible(), false, `${line.id}: Why? starts closed`);
        // Named after its line for screen readers: "Why? <the line>".
        assert.match(await item.locator('summary').evaluate((node) => node.textContent), /^Why\? \S/);
        await item.getByText('Why?', { exact: true }).click();
        await why.waitFor({ state: 'visible' });
        const text = await why.innerText();
        assert.ok(text.includes(line.rationale), `${line.id}: rationale shown`);
        assert.ok(text.includes(line.basis), `${line.id}: basis shown`);
        // Clinicians find every note under Why?; patients see disagreeing ones beside the line.
        for (const stance of (expect.notes && expect.notes[line.id]) || []) {
          assert.equal(await item.locator(`[data-note-stance="${stance}"]`).count() > 0, true, `${line.id}: ${stance} note`);
        }
        for (const number of line.citations) {
          assert.equal(await item.locator(`.rec__sources a[href="#ref-${number}"]`).count(), 1, `${line.id}: cites ${number}`);
          assert.equal(await page.locator(`#ref-${number}`).count(), 1, `reference ${number} listed`);
        }
      }
      if (audience === 'patient') {
        assert.equal(await page.locator('#plan-title').innerText(), 'Your plan');
        const firstText = await page.locator('[data-rec-id] .rec__text').first().innerText();
        assert.equal(firstText, expected.recommendations[0].text, 'patient wording of the first line');
      }
      await screenshots(page, name);
      await assertNothingStoredOrSent(opened);
    } finally {
      await context.close();
    }
  });
}

test('page: the parts a first plan does not need load when first needed; a plan that compares the options is drawn whole', async () => {
  // No offline worker: it would fetch every listed file at once, as it should; here only the page's own requests count.
  const opened = await openPage(VIEWPORTS.tablet, { serviceWorkers: 'block' });
  const { page, context, requests } = opened;
  // index.html's <template id="scripts-on-demand">, as the page asked for them.
  const ON_DEMAND = /\/(options-view|print-sheet|about|kiosk|answer-code)\.min\.js$|\/lib\/qrcode\.js$/;
  const loaded = () => requests.map((url) => new URL(url).pathname).filter((name) => ON_DEMAND.test(name)).map((name) => path.posix.basename(name)).sort();
  try {
    await chooseAudience(page, 'clinician');
    assert.deepEqual(loaded(), [], 'the start screen loads none of them');
    // Every plan the page draws, as it draws it: a reassess plan always compares the options.
    await page.evaluate(() => {
      window.drawnPlans = [];
      new MutationObserver(() => {
        const plan = document.getElementById('plan');
        window.drawnPlans.push({ triage: plan.getAttribute('data-triage'), options: Boolean(plan.querySelector('[data-options]')) });
      }).observe(document.getElementById('plan-body'), { childList: true });
    });
    const { input } = vector('reassess-candidate-contained-l5-s1');
    await fillFrom(page, input);
    await page.waitForSelector('#plan[data-triage="reassess"] [data-options]');
    const drawn = await page.evaluate(() => window.drawnPlans.filter((plan) => plan.triage === 'reassess'));
    assert.ok(drawn.length > 0 && drawn.every((plan) => plan.options), `every reassess plan drawn with its comparison: ${JSON.stringify(drawn)}`);
    // After the plan, what printing needs (this loopback page offers no take-home code: no QR encoder).
    await page.evaluate(() => window.Radiculo.app.whenPrintReady());
    assert.deepEqual(loaded(), ['options-view.min.js', 'print-sheet.min.js'], 'the comparison with its plan, the print sheet after it; no kiosk, no intended use');
    await page.locator('#about-link').click();
    await page.waitForSelector('#about-dialog[open] [data-about-section="inputs"]');
    assert.ok(loaded().includes('about.min.js'), 'the intended use when its link is used');
    assert.equal(await page.locator('#plan[data-triage="reassess"]').count(), 1, 'in place: the answers and the plan stay');
    await assertNothingStoredOrSent(opened);
  } finally {
    await context.close();
  }
});

test('page: keyboard only, a cauda-equina "yes" is an emergency at once', async () => {
  const opened = await openPage(VIEWPORTS.tablet);
  const { page, context } = opened;
  try {
    await page.locator('#chooser').waitFor({ state: 'visible' });
    await page.keyboard.press('Tab'); // skip link is hidden until chosen: first is "I am a patient"
    const focused = await page.evaluate(() => document.activeElement.getAttribute('data-audience'));
    assert.equal(focused, 'patient');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // "I am a clinician"
    await page.locator('#workspace').waitFor({ state: 'visible' });
    // Past "Show the help" and the group's "None of these", into the first question: its "Yes".
    let name = '';
    for (let presses = 0; presses < 3 && name !== 'saddleAnesthesia'; presses += 1) {
      await page.keyboard.press('Tab');
      name = await page.evaluate(() => document.activeElement.name || '');
    }
    assert.equal(name, 'saddleAnesthesia');
    await page.keyboard.press('Space');
    await page.waitForSelector('#plan[data-triage="emergency"]');
    assert.equal(await page.locator('#plan [role="alert"]').count(), 1);
    assert.match(await page.locator('#triage-bar').innerText(), /Emergency/);
    await assertNothingStoredOrSent(opened);
  } finally {
    await context.close();
  }
});

test('page: an answer the engine rejects shows its message beside that field, and the wording can switch', async () => {
  const opened = await openPage(VIEWPORTS.phone);
  const { page, context } = opened;
  try {
    const { input } = vector('conservative-typical');
    await chooseAudience(page, 'clinician');
    await fillFrom(page, input);
    await page.waitForSelector('#plan[data-triage]');
    const triage = await page.locator('#plan').getAttribute('data-triage');

    await typeInto(page, 'conservativeCareWeeks', String(input.symptomWeeks + 5));
    const error = page.locator('#q-conservativeCareWeeks .field-error');
    await error.waitFor({ state: 'visible' });
    // The engine's words, naming the other question by its label (never the contract key symptomWeeks).
    assert.match(await error.innerText(), /^Must not be more than episode duration$/);
    assert.equal(await page.locator('#input-conservativeCareWeeks').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('#plan').getAttribute('data-triage'), null, 'no plan from an invalid answer');

    await typeInto(page, 'ageYears', 'forty');
    await page.locator('#q-ageYears .field-error').waitFor({ state: 'visible' });
    // A literal that JavaScript would round to 18 is sent as typed, so the engine rejects it.
    await typeInto(page, 'conservativeCareWeeks', '0');
    await typeInto(page, 'ageYears', '17.9999999999999999');
    await page.locator('#q-ageYears .field-error').waitFor({ state: 'visible' });
    assert.match(await page.locator('#q-ageYears .field-error').innerText(), /whole number/);
    assert.equal(await page.locator('#plan').getAttribute('data-triage'), null, 'no plan from a rounded age');
    await typeInto(page, 'conservativeCareWeeks', String(input.symptomWeeks + 5));
    await page.screenshot({ path: path.join(screenshotDir, 'invalid-answers-phone.png') });

    await typeInto(page, 'conservativeCareWeeks', '0');
    await typeInto(page, 'ageYears', '40');
    await page.waitForSelector(`#plan[data-triage="${triage}"]`);
    assert.equal(await error.isVisible(), false);

    // Switching the wording keeps every answer (no re-entry) and rewords questions and plan.
    const clinicianQuestion = await page.locator('#q-fever legend').innerText();
    await page.locator('#audience-switch').getByRole('radio', { name: 'Patient' }).click();
    await page.waitForSelector('html[data-audience="patient"]');
    assert.notEqual(await page.locator('#q-fever legend').innerText(), clinicianQuestion);
    assert.equal(await page.locator('#plan').getAttribute('data-triage'), triage);
    assert.equal(await page.locator('#plan-title').innerText(), 'Your plan');

    // Start again: back to the question, every answer gone.
    await page.locator('#start-again').click();
    await page.locator('#chooser').waitFor({ state: 'visible' });
    assert.equal(await page.locator('#questions input:checked:not([name$="-unit"])').count(), 0);
    assert.equal(await page.locator('#input-ageYears').inputValue(), '');
    await assertNothingStoredOrSent(opened);
  } finally {
    await context.close();
  }
});

test('page: a browser without WebAssembly gets a clear message, not a blank page', async () => {
  const context = await browser.newContext({ viewport: VIEWPORTS.phone });
  try {
    await context.addInitScript(() => { delete window.WebAssembly; });
    const page = await context.newPage();
    await page.goto(server.url);
    const message = page.locator('#unsupported');
    await message.waitFor({ state: 'visible' });
    assert.match(await message.innerText(), /cannot start in this browser/);
    assert.equal(await page.locator('#loading').isVisible(), false);
    await page.screenshot({ path: path.join(screenshotDir, 'unsupported-phone.png') });
  } finally {
    await context.close();
  }
});

test('page: a browser that refuses to compile the module (no wasm-unsafe-eval) gets the same message', async () => {
  const context = await browser.newContext({ viewport: VIEWPORTS.tablet });
  try {
    const page = await context.newPage();
    await page.route(server.url, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replaceAll(" 'wasm-unsafe-eval'", '');
      await route.fulfill({ response, body: html });
    });
    await page.goto(server.url);
    await page.locator('#unsupported').waitFor({ state: 'visible' });
    assert.equal(await page.locator('#chooser').isVisible(), false);
  } finally {
    await context.close();
  }
});

test('page: no WCAG 2.2 AA violations found by axe-core on a full plan (phone and kiosk)', async () => {
  // axe is injected as a script, which the page's own CSP rightly forbids: bypass it for this check only.
  const opened = await openPage(VIEWPORTS.phone, { bypassCSP: true });
  const { page, context } = opened;
  try {
    const { input } = vector('reassess-candidate-contained-l5-s1');
    await chooseAudience(page, 'patient');
    await fillFrom(page, Object.assign({}, input, { redFlags: Object.assign({}, input.redFlags, { osteoporosis: null }) }));
    await page.waitForSelector('#plan[data-triage="incomplete"]');
    await page.locator('#plan details.more > summary').click(); // the patient's full lines, folded
    await page.locator('[data-rec-id] summary').first().click();
    for (const viewport of [VIEWPORTS.phone, VIEWPORTS.kiosk]) {
      await page.setViewportSize(viewport);
      assert.deepEqual(await axe(page), [], `axe at ${viewport.width}px`);
    }
  } finally {
    await context.close();
  }
});
