// The journeys, each on its own device, counted and checked (tests/web/journeys.mjs drives
// them; bench/journeys.mjs prints the same counts as a table):
// - phone 390x844, patient, typical: one question group per screen, at most 8 screens, no typing,
//   the first action on screen when the plan opens;
// - phone, patient, emergency: the care card under the answer, on screen with the answer, no scrolling;
// - kiosk 1080x1920, touch only: no key pressed, no text field ever focused, large type, Start over
//   in view, no Print without a printer, no clinician wording;
// - desk 1366x768, clinician by mouse and by keyboard: the whole plan summary on the one screen;
// - tablet 820x1180, clinician by touch; and 1024x768 landscape, the summary on its first screen;
// - keyboard only (Tab, arrows, Enter) completes the patient flow on a phone and at the kiosk.
// axe-core (WCAG 2.2 A/AA) finds no violation on any screen of any journey.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  startAid, openJourney, patientTypical, patientEmergency, clinicianPointer, clinicianKeyboard, patientKeyboard, scrollNeeded,
} from './journeys.mjs';
import { axe, screenshotDir } from './support.mjs';
import { SIGNED_OFF } from './settings-presets.mjs';


let aid;
before(async () => { aid = await startAid({ settings: SIGNED_OFF }); });
after(async () => { await aid?.close(); });


/** A journey's page (CSP bypassed for axe only), and an onScreen hook that scans and photographs each screen. */
async function journey(device, name, options = {}) {
  const opened = await openJourney(aid, device, { bypassCSP: true, locale: 'en-US', ...options });
  const problems = [];
  let shot = 0;
  const onScreen = async (screen) => {
    for (const violation of await axe(opened.page)) problems.push(`${screen}: ${violation}`);
    shot += 1;
    await opened.page.screenshot({ path: path.join(screenshotDir, `journey-${name}-${String(shot).padStart(2, '0')}-${screen.replace(/\W+/g, '-')}.png`) });
  };
  return { ...opened, problems, onScreen };
}

function report(name, counts) {
  console.log(`# journey ${name}: ${JSON.stringify(counts)}`);
}

test('journey: phone, patient, typical case: one group per screen, no typing, the plan\'s first action on screen', async () => {
  const { page, context, problems, onScreen, consoleErrors, offOrigin } = await journey('phone', 'phone-patient');
  try {
    const counts = await patientTypical(page, { onScreen });
    report('phone patient typical', counts);
    assert.ok(counts.screens <= 8, `${counts.screens} screens`);
    assert.equal(counts.keys, 0, 'no typing');
    assert.equal(counts.scroll, 0, 'the first action is on screen when the plan opens');
    // "Step n of N": N counts the care screen from the start, so it never changes on the way, and a
    // care screen added later keeps the same total (under 6 weeks it is skipped, its number too).
    const totals = new Set(counts.progress.map((text) => text.replace(/^Step \d+ of /, '')));
    assert.deepEqual([...totals], [String(counts.screens + 1)], counts.progress.join(' / '));
    // The plan in the care-card order: the result, what to do, when to get help, then the rest folded.
    const order = await page.evaluate(() => Array.from(document.querySelectorAll('#plan-body > *'))
      .filter((node) => node.getClientRects().length).map((node) => node.id || node.className));
    assert.deepEqual(order.slice(0, 4), ['triage', 'care-section care-section--actions', 'care-section care-section--safety', 'more']);
    assert.equal(await page.locator('#plan details.more').getAttribute('open'), null, 'the full lines start folded');
    assert.ok((await page.locator('#plan .actions > li').count()) <= 5, 'at most 5 short actions');
    // "When to get help" starts on the first screen (the plan opens at its title, the header above it).
    const safetyTop = await page.evaluate(() => document.querySelector('#plan [data-safety-net]').getBoundingClientRect().top);
    assert.ok(safetyTop < 844 - 48, `"When to get help" starts at ${safetyTop} px of 844`);
    // A scan not needed is not "Avoid" to a patient.
    await page.locator('#plan details.more > summary').click();
    assert.equal(await page.locator('[data-rec-id="no-routine-imaging"] .badge').innerText(), 'Not needed now');
    await page.locator('#plan-add-care').tap(); // the care screen, asked for: the same total
    await page.locator('#section-care').waitFor({ state: 'visible' });
    assert.match(await page.locator('#step-progress-text').textContent(), new RegExp(` of ${counts.screens + 1}$`));
    assert.deepEqual(problems, []);
    assert.deepEqual(consoleErrors, []);
    assert.deepEqual(offOrigin, []);
  } finally {
    await context.close();
  }
});

test('journey: phone, patient, emergency: the care card under the answer, on screen at once; the rest set aside', async () => {
  const { page, context, problems, onScreen, consoleErrors } = await journey('phone', 'phone-emergency');
  try {
    const counts = await patientEmergency(page, { onScreen });
    report('phone patient emergency', counts);
    assert.equal(counts.pointer, 2, 'two taps: patient, then Yes');
    assert.equal(counts.scroll, 0, 'the whole card is on screen right after the answer');
    assert.equal(counts.answerScroll, 0, 'and so is the answer that raised it');
    assert.equal(await scrollNeeded(page, '#plan #triage'), 0, 'the emergency plan opens with its banner on screen');
    // Back to the questions: the rest of the screen was set aside, one tap brings it back.
    await page.locator('#plan-back').tap();
    await page.locator('[data-care-card="emergency"]').waitFor({ state: 'visible' });
    assert.equal(await page.locator('#q-bladderBowelDysfunction').isVisible(), false, 'set aside');
    await page.locator('[data-card-back]').tap();
    assert.equal(await page.locator('#q-bladderBowelDysfunction').isVisible(), true, 'one tap back to them');
    // "Not sure" to a cauda equina question: its own card (examined within hours), also under the answer.
    await page.locator('#q-saddleAnesthesia label:has(> input[value="not-sure"])').tap();
    const card = page.locator('[data-care-card="check-now"]');
    await card.waitFor({ state: 'visible' });
    assert.equal(await scrollNeeded(page, '[data-care-card="check-now"]'), 0);
    await onScreen('check-now card');
    // What to do is on the card itself; "See what to do now" leads to the plan, which the engine
    // makes from the red flags alone (no duration or pain needed for an examination within hours).
    assert.match(await card.innerText(), /within the next few hours/);
    assert.equal(await card.locator('[data-card-plan]').count(), 1);
    // One tap from the card to a plan that can be kept: printed (or taken home as a code, where this page can make one).
    await card.locator('[data-card-plan]').tap();
    await page.locator('#plan[data-triage="check-now"]').waitFor({ state: 'visible' });
    assert.equal(await page.locator('#print-plan').isVisible(), true, 'Print, one tap from the card');
    await page.locator('#plan-back').tap();
    await card.waitFor({ state: 'visible' });
    await card.locator('[data-card-back]').tap();
    for (const [key, values] of [['symptomWeeks', [['symptomWeeks-band', '2'], ['symptomWeeks-pick', '3']]], ['painScore', [['painScore', '5']]]]) {
      while (!(await page.locator(`#q-${key}`).isVisible())) await page.locator('[data-step-continue]').tap();
      for (const [name, value] of values) await page.locator(`label.choice:has(> input[name="${name}"][value="${value}"])`).filter({ visible: true }).tap();
    }
    assert.equal(await page.locator('[data-step-continue]').isVisible(), true, 'Continue stays on this screen');
    while (!(await page.locator('[data-care-card="check-now"]').isVisible())) await page.locator('[data-step-back]').tap();
    await card.locator('[data-card-plan]').tap();
    await page.locator('#plan[data-triage="check-now"]').waitFor({ state: 'visible' });
    assert.equal(await scrollNeeded(page, '#plan #triage-label'), 0, 'the plan opens on its result');
    await onScreen('check-now plan');
    assert.deepEqual(problems, []);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

test('journey: small phone 320x640, patient, emergency: what to do ("Call …") on the first screen of the plan', async () => {
  const { page, context, problems, onScreen, consoleErrors } = await journey('smallPhone', 'small-phone-emergency');
  try {
    const counts = await patientEmergency(page, { onScreen });
    report('small phone patient emergency', counts);
    assert.equal(await scrollNeeded(page, '#plan #triage-label'), 0, 'the result on screen');
    assert.equal(await scrollNeeded(page, '#plan-body > [data-call-now] .call-now__text'), 0, 'and the call to make');
    assert.deepEqual(problems, []);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

test('journey: kiosk 1080x1920, touch only: no key, no text field, large type, Start over in view', async () => {
  const { page, context, problems, onScreen, consoleErrors } = await journey('kiosk', 'kiosk', { kiosk: true });
  try {
    await page.evaluate(() => {
      window.typedInto = [];
      document.addEventListener('focusin', (event) => { if (event.target.matches('input[type="text"], textarea')) window.typedInto.push(event.target.id); });
    });
    const sizes = async () => page.evaluate(() => {
      const px = (selector) => {
        const node = Array.from(document.querySelectorAll(selector)).find((candidate) => candidate.getClientRects().length);
        return node ? parseFloat(getComputedStyle(node).fontSize) : null;
      };
      return { body: parseFloat(getComputedStyle(document.body).fontSize), question: px('.question__legend'), help: px('.question__help') };
    });
    let checked = false;
    const counts = await patientTypical(page, {
      onScreen: async (screen) => {
        await onScreen(screen);
        if (screen === 'step group-caudaEquinaOrCord') {
          const size = await sizes();
          assert.ok(size.body >= 20 && size.help >= 20, `body and help at least 20 px: ${JSON.stringify(size)}`);
          assert.ok(size.question >= 24, `questions at least 24 px: ${JSON.stringify(size)}`);
          checked = true;
        }
      },
    });
    report('kiosk older adult', counts);
    assert.ok(checked);
    assert.equal(counts.keys, 0, 'no key pressed');
    assert.deepEqual(await page.evaluate(() => window.typedInto), [], 'no text field was ever focused');
    assert.ok(counts.screens <= 8);
    assert.equal(counts.scroll, 0);
    // Start over stays in view at the plan, even scrolled to its end; no Print without a printer; no clinician wording.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const startOver = await page.locator('#start-over').boundingBox();
    assert.ok(startOver && startOver.y >= 0 && startOver.y + startOver.height <= 1920, 'Start over in view');
    assert.ok(startOver.height >= 48, `Start over is a large target (${startOver.height} px)`);
    assert.equal(await page.locator('#print-plan').isVisible(), false, 'no Print without a printer');
    assert.equal(await page.locator('#audience-switch').isVisible(), false, 'no clinician wording at a kiosk');
    // The largest text: nothing wider than the screen, the plan and the questions.
    await page.locator('[data-text-size="3"]').tap();
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(await overflow(), 0, 'largest text: the plan fits the width');
    await onScreen('plan largest text');
    await page.locator('#plan-back').tap();
    assert.equal(await overflow(), 0, 'largest text: the questions fit the width');
    await onScreen('questions largest text');
    // An emergency at a kiosk: tell the reception desk, on the card under the answer.
    await page.locator('#q-priorLumbarSurgery').waitFor({ state: 'visible' });
    await page.locator('#start-over').tap();
    await page.locator('#start-over-yes').tap(); // asked first: answers were given
    await page.locator('#chooser [data-audience="patient"]').tap();
    await page.locator('#q-saddleAnesthesia label:has(> input[value="yes"])').tap();
    const card = page.locator('[data-care-card="emergency"]');
    await card.waitFor({ state: 'visible' });
    assert.match(await card.innerText(), /Tell the reception desk now\./);
    assert.equal(await scrollNeeded(page, '[data-care-card="emergency"]'), 0);
    await onScreen('kiosk emergency card');
    assert.deepEqual(problems, []);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

test('journey: desk 1366x768, clinician by mouse: the whole plan summary on one screen', async () => {
  const { page, context, problems, onScreen, consoleErrors } = await journey('desk', 'desk-mouse');
  try {
    const counts = await clinicianPointer(page, { onScreen });
    report('desk clinician mouse', counts);
    assert.ok(counts.pointer <= 10, `${counts.pointer} clicks`);
    assert.equal(counts.keys, counts.typed, 'keys only for the weeks and the age');
    assert.equal(counts.summaryOnScreen, true, `the summary ends at ${counts.summaryBottom} px of 768`);
    assert.equal(counts.scroll, 0);
    // Guideline conflicts are tagged on the summary and said beside the line, not only under "Why?".
    assert.ok(await page.locator('[data-plan-summary] [data-note-stance]').count() > 0);
    // A citation opens in place, with a way back.
    const cite = page.locator('#plan .recs a.cite').first();
    await cite.click();
    const pop = page.locator('[data-cite-pop]');
    await pop.waitFor({ state: 'visible' });
    await onScreen('citation in place');
    await pop.locator('.cite-pop__back').click();
    assert.equal(await pop.count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement.classList.contains('cite')), true, 'back to the citation');
    assert.deepEqual(problems, []);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

test('journey: desk 1366x768, clinician by keyboard: Y / N / ? keys and "None of these", well under 37 keys', async () => {
  const { page, context, problems, onScreen, consoleErrors } = await journey('desk', 'desk-keyboard');
  try {
    const counts = await clinicianKeyboard(page, { onScreen });
    report('desk clinician keyboard', counts);
    assert.ok(counts.keys - counts.typed < 15, `${counts.keys - counts.typed} keys besides the weeks and the age`);
    assert.equal(counts.summaryOnScreen, true);
    // The shortcut keys on a focused question: Y, N, ? (and U).
    await page.locator('#q-fever input[value="no"]').focus();
    await page.keyboard.press('y');
    assert.equal(await page.locator('#q-fever input[value="yes"]').isChecked(), true);
    await page.locator('#q-fever input[value="yes"]').focus();
    await page.keyboard.press('?');
    assert.equal(await page.locator('#q-fever input[value="not-sure"]').isChecked(), true);
    await page.waitForSelector('#plan[data-triage="urgent"]');
    assert.deepEqual(problems, []);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

test('journey: tablet 820x1180, clinician by touch, then the plan bar to the summary', async () => {
  const { page, context, problems, onScreen, consoleErrors } = await journey('tablet', 'tablet');
  try {
    const counts = await clinicianPointer(page, { touch: true, onScreen });
    report('tablet clinician', counts);
    assert.ok(counts.pointer <= 11, `${counts.pointer} taps`);
    assert.equal(counts.summaryOnScreen, true, `the summary ends at ${counts.summaryBottom} px of 1180`);
    assert.deepEqual(problems, []);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

test('journey: tablet 1024x768 landscape, clinician by touch: the whole plan summary on the first screen, as at a desk', async () => {
  const { page, context, problems, onScreen, consoleErrors } = await journey('tabletLandscape', 'tablet-landscape');
  try {
    const counts = await clinicianPointer(page, { touch: true, onScreen });
    report('tablet landscape clinician', counts);
    assert.equal(counts.viaBar, undefined, 'the plan is beside the questions: no plan bar needed');
    assert.equal(counts.summaryOnScreen, true, `the summary ends at ${counts.summaryBottom} px of 768`);
    assert.deepEqual(problems, []);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

test('journey: keyboard only (Tab, arrows, Enter) completes the patient flow on a phone and at the kiosk', async () => {
  for (const [device, options] of [['phone', {}], ['kiosk', { kiosk: true }]]) {
    const { page, context, consoleErrors } = await journey(device, `keyboard-${device}`, options);
    try {
      const counts = await patientKeyboard(page);
      report(`${device} patient keyboard only`, counts);
      if (device === 'phone') {
        // The keys the patient's hint names (N on a question, then on to the next): far fewer presses.
        await page.locator('#plan-back').focus();
        await page.evaluate(() => window.Radiculo.app.startAgain());
        const lettered = await patientKeyboard(page, { letters: true });
        report('phone patient keyboard with the named keys', lettered);
        assert.ok(lettered.keys < counts.keys - 20, `${lettered.keys} keys with Y / N / U, ${counts.keys} with Tab and arrows`);
        await page.locator('#plan[data-triage="conservative"]').waitFor({ state: 'visible' });
      }
      await page.locator('#plan[data-triage="conservative"]').waitFor({ state: 'visible' });
      assert.equal(await scrollNeeded(page, '#plan [data-first-action]'), 0);
      // Focus is on the plan's title, and visible.
      assert.equal(await page.evaluate(() => document.activeElement.id), 'plan-title');
      assert.deepEqual(consoleErrors, []);
    } finally {
      await context.close();
    }
  }
});

// How a typed duration is read ("3 weeks", "10 days", "2-3 weeks") is tested without a browser
// (tests/page/answers.test.mjs); here, that the page reads it so.
test('typed durations (clinicians): "10 days" is 10 days, whatever the unit buttons say', async () => {
  const { page, context, consoleErrors } = await journey('desk', 'typed-durations');
  try {
    await page.locator('#chooser [data-audience="clinician"]').click();
    await page.locator('#input-symptomWeeks').fill('10 days');
    await page.locator('#q-painScore label:has(> input[value="4"])').click();
    await page.locator('#input-ageYears').fill('45');
    for (const button of await page.locator('#questions [data-none-of-these]').all()) await button.click();
    await page.locator('#plan[data-triage="conservative"]').waitFor();
    assert.equal(await page.locator('#note-symptomWeeks').innerText(), '(in weeks: 1.43)');
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});
