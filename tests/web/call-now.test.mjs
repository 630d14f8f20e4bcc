// The call-now box under the triage banner (clinic.js, Radiculo.clinic.callNowBox): who to call, by the
// plan's triage id. Emergency: the emergency number. check-now (a possible cauda equina sign not yet
// answered: examined within hours) and urgent (a clinician today): the clinic's non-emergency
// urgent-advice number, else "your doctor's surgery or urgent care", never the emergency number.
// priority (within days, at most 2 weeks): book an appointment, plus the clinic's contact.
// The tiers the engine emits today (emergency, urgent) are tested through real plans; check-now and
// priority, which the engine does not emit yet, by calling the box builder in the real page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startAid, openPage, chooseAudience, answer, toPlan, fillFrom, flagsOfUrgency, RED_FLAGS, screenshotDir, VIEWPORTS, preparePrint } from './support.mjs';
import { SIGNED_OFF } from './settings-presets.mjs';

// Fever with any of these is a dangerous combination; with one of them unanswered, fever is
// examined within hours.
const FEVER_PARTNERS = ['immunocompromised', 'intravenousDrugUse', 'recentInfectionOrProcedure', 'prolongedCorticosteroids'];

let aid;
before(async () => { aid = await startAid({ settings: SIGNED_OFF }); });
after(async () => { await aid?.close(); });

const CLINIC = { emergencyNumber: '112', urgentAdviceNumber: '0300 123 4567', clinicName: 'Riverside Spine Clinic', clinicContact: 'Front desk 555 0100' };

/** The page with these settings (settings.json answered by the test), the worker blocked. */
async function withSettings(settings, options = {}) {
  const opened = await openPage(aid, { viewport: VIEWPORTS.tablet, serviceWorkers: 'block', ...options });
  await opened.page.route('**/settings.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(settings) }));
  await opened.page.reload();
  await opened.page.waitForSelector('html[data-engine="ready"]');
  return opened;
}

/** The box the page builds for a triage, audience and language: its text and its class, or null. */
function box(page, triage, audience, language = 'en') {
  return page.evaluate(({ triage, audience, language }) => {
    const words = window.Radiculo.words.forAudience(window.Radiculo.engineClient.engine.content(language), audience);
    const node = window.Radiculo.clinic.callNowBox(triage, words);
    return node && { text: node.innerText || node.textContent, lines: Array.from(node.children, (child) => child.textContent), className: node.className };
  }, { triage, audience, language });
}

test('call-now: real emergency and urgent plans, with the clinic\'s numbers', async () => {
  const { page, context, consoleErrors, offOrigin } = await withSettings({ ...SIGNED_OFF, ...CLINIC });
  try {
    await chooseAudience(page, 'patient');
    await answer(page, 'saddleAnesthesia', 'yes');
    await toPlan(page); // patients: from the care card under the answer to the plan
    await page.waitForSelector('#plan[data-triage="emergency"]');
    assert.deepEqual(await page.locator('#plan-body > [data-call-now]').evaluateAll((nodes) => nodes.map((node) => Array.from(node.children, (c) => c.textContent))),
      [['Call 112 or go to the emergency department now.', 'Clinic: Riverside Spine Clinic · Front desk 555 0100']]);
    await page.locator('#plan-body > [data-call-now]').screenshot({ path: path.join(screenshotDir, 'call-now-emergency-patient.png') });

    // The cauda equina and cord questions, and the fever's partners, answered no, so a same-day flag
    // gives the urgent plan (with a partner unanswered, fever is checked within hours).
    for (const flag of [...flagsOfUrgency('emergency'), ...FEVER_PARTNERS]) await answer(page, flag, 'no');
    await answer(page, 'fever', 'yes');
    await toPlan(page);
    await page.waitForSelector('#plan[data-triage="urgent"]');
    const urgent = page.locator('#plan-body > [data-call-now="urgent"]');
    assert.deepEqual(await urgent.evaluate((node) => Array.from(node.children, (c) => c.textContent)),
      ['See a clinician today: call 0300 123 4567.', 'Clinic: Riverside Spine Clinic · Front desk 555 0100']);
    await urgent.screenshot({ path: path.join(screenshotDir, 'call-now-urgent-patient.png') });
    // The printed plan carries the same box.
    await preparePrint(page);
    assert.match(await page.locator('[data-print-sheet] .call-now').textContent(), /^See a clinician today: call 0300 123 4567\./);

    await page.locator('#audience-switch input[value="clinician"]').check();
    await page.waitForSelector('html[data-audience="clinician"]');
    assert.match(await urgent.textContent(), /^Arrange a clinician assessment today: call 0300 123 4567\./);
    assert.deepEqual(consoleErrors, []);
    assert.deepEqual(offOrigin, []);
  } finally {
    await context.close();
  }
});

test('call-now: check-now and priority boxes, built by the page, with and without the clinic\'s settings', async () => {
  const set = await withSettings({ ...SIGNED_OFF, ...CLINIC });
  try {
    const { page } = set;
    const checkNow = await box(page, 'check-now', 'patient');
    assert.equal(checkNow.className, 'call-now call-now--check-now');
    assert.deepEqual(checkNow.lines,
      ['Get examined by a clinician within the next few hours, today: call 0300 123 4567.', 'Clinic: Riverside Spine Clinic · Front desk 555 0100']);
    assert.deepEqual((await box(page, 'check-now', 'clinician')).lines[0], 'Arrange an examination within hours, today: call 0300 123 4567.');
    assert.deepEqual((await box(page, 'priority', 'patient')).lines,
      ['Book an appointment with a clinician in the time your plan gives.', 'Clinic: Riverside Spine Clinic · Front desk 555 0100']);
    assert.deepEqual((await box(page, 'priority', 'clinician')).lines[0], 'Book a clinician appointment in the time the plan gives.');
    assert.deepEqual((await box(page, 'check-now', 'patient', 'es')).lines[0],
      'Hágase examinar por un médico en las próximas horas, hoy mismo: llame al 0300 123 4567.');
    assert.deepEqual((await box(page, 'priority', 'patient', 'es')).lines[0], 'Pida una cita con un médico en el plazo que indica su plan.');
    // The emergency number is only ever the emergency route.
    for (const triage of ['check-now', 'urgent', 'priority']) {
      for (const audience of ['patient', 'clinician']) {
        for (const language of ['en', 'es']) {
          const built = await box(page, triage, audience, language);
          assert.ok(!built.text.includes('112'), `${triage} ${audience} ${language}: ${built.text}`);
        }
      }
    }
    // No box for the other tiers (nor for an id the table does not know).
    for (const triage of ['conservative', 'incomplete', 'reassess', 'out-of-scope', 'toString', '']) {
      assert.equal(await box(page, triage, 'patient'), null, triage);
    }
    // Seen on the page: a check-now box as the plan would show it.
    await page.evaluate(() => {
      const words = window.Radiculo.words.forAudience(window.Radiculo.engineClient.engine.content('en'), 'patient');
      const node = window.Radiculo.clinic.callNowBox('check-now', words);
      node.id = 'box-under-test';
      document.getElementById('chooser').after(node);
    });
    await page.locator('#box-under-test').screenshot({ path: path.join(screenshotDir, 'call-now-check-now-patient.png') });
    assert.doesNotMatch(await page.locator('#settings-checks').textContent(), /emergencyNumber is not set/, 'set: nothing to say');
    assert.deepEqual(set.consoleErrors, []);
  } finally {
    await set.context.close();
  }

  const unset = await withSettings({ ...SIGNED_OFF });
  try {
    const { page } = unset;
    assert.deepEqual((await box(page, 'check-now', 'patient')).lines,
      ['Get examined by a clinician within the next few hours, today: call your doctor\'s surgery or urgent care.']);
    assert.deepEqual((await box(page, 'urgent', 'clinician')).lines,
      ['Arrange a clinician assessment today: call the patient\'s doctor\'s surgery or urgent care.']);
    assert.deepEqual((await box(page, 'priority', 'patient')).lines, ['Book an appointment with a clinician in the time your plan gives.']);
    assert.deepEqual((await box(page, 'emergency', 'patient')).lines, ['Call your local emergency number or go to the emergency department now.']);
    assert.deepEqual((await box(page, 'urgent', 'patient', 'es')).lines,
      ['Vea a un médico hoy: llame al número de su médico o de su centro de salud, o de un servicio de atención urgente.']);
    // A page patients use, with no emergency number: the settings line says so to the clinic.
    assert.match(await page.locator('#settings-checks').textContent(), /emergencyNumber is not set: patients read "your local emergency number"/);
  } finally {
    await unset.context.close();
  }
});

test('call-now: a patient who skipped a whole screen of emergency-tier questions is asked once more before the "within hours" plan', async () => {
  const { page, context, consoleErrors } = await withSettings({ ...SIGNED_OFF, ...CLINIC }, { viewport: VIEWPORTS.phone, hasTouch: true, isMobile: true });
  try {
    await chooseAudience(page, 'patient');
    // Every other red flag "no"; the emergency tier's questions (the engine's redFlagUrgency) not touched.
    const skipped = flagsOfUrgency('emergency');
    const redFlags = Object.fromEntries(RED_FLAGS.filter((flag) => !skipped.includes(flag)).map((flag) => [flag, false]));
    await fillFrom(page, { ageYears: 45, symptomWeeks: 3, painScore: 5, redFlags }, { stay: true });
    const again = page.locator('#step-again');
    for (let presses = 0; presses < 20 && !(await again.isVisible()) && !(await page.locator('#plan').isVisible()); presses += 1) {
      await page.locator('[data-step-continue]').click();
    }
    assert.equal(await again.isVisible(), true, 'asked once more');
    assert.equal(await page.locator('#plan').isVisible(), false, 'before the plan');
    assert.match(await again.textContent(), /You did not answer any question on the screen "Questions about feeling, peeing, pooing and walking"/);
    await page.screenshot({ path: path.join(screenshotDir, 'call-now-skipped-group-asked-again.png') });
    // "Answer them now": back on that screen.
    await page.locator('[data-step-again]').click();
    assert.equal(await page.locator(`#q-${skipped[0]}`).isVisible(), true);
    // Still skipped: the plan is the engine's, unchanged (within hours), and it is not asked a third time.
    await toPlan(page);
    await page.waitForSelector('#plan[data-triage="check-now"]');
    assert.equal(await again.isVisible(), false);

    // "Not sure" is an answer: the plan stands without asking again (here: its care card, then the plan).
    await page.locator('#start-again').click();
    await chooseAudience(page, 'patient');
    await fillFrom(page, { ageYears: 45, symptomWeeks: 3, painScore: 5, redFlags: { ...redFlags, [skipped[0]]: null } }, { stay: true });
    for (let presses = 0; presses < 20 && !(await again.isVisible()) && !(await page.locator('#plan').isVisible()); presses += 1) {
      await page.locator('[data-step-continue]').click();
    }
    assert.equal(await again.isVisible(), false, 'not asked when the person answered "Not sure"');
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

test('call-now: a tel: link dials what the clinic meant, is named "Call …", the clinic\'s phone is one tap, and a kiosk\'s emergency plan tells the desk first', async () => {
  const settings = { ...SIGNED_OFF, ...CLINIC, emergencyNumber: '+44 (0)20 7946 0000', urgentAdviceNumber: '++12', clinicPhone: '01632 960 123' };
  const phone = await withSettings(settings, { viewport: VIEWPORTS.phone, hasTouch: true, isMobile: true });
  try {
    const { page } = phone;
    const notice = await page.locator('#settings-notice').textContent();
    assert.match(await page.locator('#settings-checks').textContent(), /emergencyNumber "\+44 \(0\)20 7946 0000" is dialled as \+442079460000/, 'the dialled form on the admin line');
    assert.match(notice, /urgentAdviceNumber ignored: .*\+ only first/, 'a "+" after the first character is refused');
    await chooseAudience(page, 'patient');
    await answer(page, 'saddleAnesthesia', 'yes');
    await toPlan(page);
    await page.waitForSelector('#plan[data-triage="emergency"]');
    const links = await page.locator('#plan-body > [data-call-now] a[href^="tel:"]').evaluateAll((nodes) => nodes.map((node) => [node.getAttribute('href'), node.getAttribute('aria-label'), node.textContent]));
    assert.deepEqual(links, [['tel:+442079460000', 'Call +44 (0)20 7946 0000', '+44 (0)20 7946 0000'], ['tel:01632960123', 'Call 01632 960 123', '01632 960 123']]);
  } finally {
    await phone.context.close();
  }

  const kiosk = await withSettings(settings, { viewport: { width: 1080, height: 1920 }, hasTouch: true, url: `${aid.server.url}?kiosk` });
  try {
    const { page } = kiosk;
    await chooseAudience(page, 'patient');
    await answer(page, 'saddleAnesthesia', 'yes');
    await toPlan(page);
    await page.waitForSelector('#plan[data-triage="emergency"]');
    const box = page.locator('#plan-body > [data-call-now]');
    assert.deepEqual(await box.evaluate((node) => Array.from(node.children, (child) => child.textContent)).then((lines) => lines.slice(0, 2)),
      ['Tell the reception desk now.', 'Call +44 (0)20 7946 0000 or go to the emergency department now.']);
    assert.equal(await box.locator('a').count(), 0, 'no tel: link at a kiosk');
    await preparePrint(page);
    assert.match(await page.locator('[data-print-sheet] .call-now').textContent(), /^Tell the reception desk now\./, 'and on its printout');
    await page.screenshot({ path: path.join(screenshotDir, 'call-now-kiosk-emergency-plan.png') });
  } finally {
    await kiosk.context.close();
  }
});
