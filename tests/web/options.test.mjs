// The options comparison through the real page, one browser: at the reassess step a patient sees it
// just before "Are you open to surgery or an injection?" (stacked cards on a phone, side by side on
// a kiosk screen), with the neutral frame and the not-a-choice line; "what matters most to me" is
// printed with the plan and changes nothing the engine decides; a red flag answered yes takes the
// comparison away at once. Clinicians see a compact table with the referral criteria beside it.
// axe-clean on each screen; screenshots in test-results/screenshots/options-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  startAid, openPage, chooseAudience, fillFast, toQuestion, toPlan, answer, vector, repoRoot, screenshotDir, VIEWPORTS, preparePrint,
} from './support.mjs';
import { SIGNED_OFF } from './settings-presets.mjs';

const AXE = path.join(repoRoot, 'node_modules/axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let aid;
before(async () => { aid = await startAid({ settings: SIGNED_OFF }); });
after(async () => { await aid?.close(); });

async function axe(page) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
  return result.violations.map((v) => `${v.id} x${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

/** The top of each option's card, in the columns' order. */
const cardTops = (page, scope) => page.locator(`${scope} [data-option]`).evaluateAll((cards) => cards.map((card) => Math.round(card.getBoundingClientRect().top)));

/** What the plan decided, as the page shows it: the triage and every line id. */
const planShown = (page) => page.evaluate(() => ({
  triage: document.getElementById('plan').getAttribute('data-triage'),
  lines: Array.from(document.querySelectorAll('#plan-body [data-rec-id]')).map((line) => line.getAttribute('data-rec-id')),
}));

test('options: a patient on a phone sees them before the procedure question; the choice is printed and changes nothing', async () => {
  const { page, context, consoleErrors } = await openPage(aid, { viewport: VIEWPORTS.phone, bypassCSP: true, locale: 'en-US' });
  try {
    await chooseAudience(page, 'patient');
    await fillFast(page, vector('options-reassess-patient').input);
    await page.waitForSelector('#plan[data-triage="reassess"]');
    const decided = await planShown(page);

    // In the questions: the comparison sits right before the procedure question, in the same step.
    await toQuestion(page, 'procedureCandidate');
    const grid = page.locator('[data-options-in-questions]');
    await grid.waitFor({ state: 'visible' });
    assert.equal(await page.evaluate(() => document.getElementById('q-procedureCandidate').previousElementSibling.hasAttribute('data-options-in-questions')), true);
    assert.match(await grid.locator('.options__frame').innerText(), /Many people get better whichever they choose/);
    assert.match(await grid.locator('[data-options-not-a-choice]').innerText(), /not a choice/);
    assert.equal(await grid.locator('[data-option]').count(), 3);
    assert.match(await grid.locator('[data-cell="operationLater/conservative"]').innerText(), /39 in 100 had an operation within 1 year/);
    // Every cell with a figure names its sources; certainty where the review grades it.
    assert.equal(await grid.locator('dd:not(:has(.cite))').count(), 1, 'one cell has no figure (time off work, waiting)');
    assert.match(await grid.locator('[data-cell="soon/injection"] [data-certainty]').innerText(), /How sure the review is/);
    // A phone stacks the cards, one option after another.
    const tops = await cardTops(page, '[data-options-in-questions]');
    assert.ok(tops[0] < tops[1] && tops[1] < tops[2], `stacked on a phone: ${tops}`);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'no sideways scrolling');
    await grid.screenshot({ path: path.join(screenshotDir, 'options-phone-questions.png') });
    assert.deepEqual(await axe(page), []);

    // "What matters most to me": printed with the plan; the plan itself stays exactly as it was.
    await grid.getByRole('radio', { name: 'Avoiding an operation', exact: true }).check();
    await toPlan(page);
    assert.deepEqual(await planShown(page), decided);
    await preparePrint(page); // the take-home sheet is built when the plan is printed
    assert.equal(await page.locator('[data-print-options] [data-options-chosen]').textContent(),
      'What matters most to me (you can skip this): Avoiding an operation');
    await page.locator('#plan [data-options] details.options__more > summary').click();
    await page.locator('#plan [data-options]').screenshot({ path: path.join(screenshotDir, 'options-phone-plan.png') });
    assert.deepEqual(await axe(page), []);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('[data-print-options] table').isVisible(), true, 'the comparison is on the take-home sheet');
    await page.locator('[data-print-options]').screenshot({ path: path.join(screenshotDir, 'options-print.png') });
    await page.emulateMedia({ media: 'screen' });

    // A red flag answered yes decides the plan: the comparison goes at once.
    await answer(page, 'progressiveNeuroDeficit', 'yes');
    await page.waitForSelector('#plan[data-triage="urgent"]', { state: 'attached' }); // a care card is on screen, the plan behind it
    assert.equal(await page.locator('[data-options-in-questions], #plan [data-options], [data-print-options]').count(), 0);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

test('options: at a kiosk the cards stand side by side, in Spanish; clinicians get the table with the referral criteria', async () => {
  const { page, context, consoleErrors } = await openPage(aid, { viewport: VIEWPORTS.kiosk, bypassCSP: true, locale: 'es-ES' });
  try {
    await page.waitForSelector('html[lang="es"]');
    await chooseAudience(page, 'patient');
    await fillFast(page, vector('options-long-standing-es-patient').input);
    await page.waitForSelector('#plan[data-triage="conservative"]');
    await toQuestion(page, 'procedureCandidate');
    const grid = page.locator('[data-options-in-questions]');
    await grid.waitFor({ state: 'visible' });
    const tops = await cardTops(page, '[data-options-in-questions]');
    assert.ok(tops[0] === tops[1] && tops[1] === tops[2], `side by side: ${tops}`);
    // The same question lines up across the three cards.
    const rows = await grid.locator('[data-cell^="risks/"]').evaluateAll((cells) => cells.map((cell) => Math.round(cell.getBoundingClientRect().top)));
    assert.equal(new Set(rows).size, 1, `rows aligned: ${rows}`);
    assert.match(await grid.innerText(), /39 de cada 100/);
    await grid.screenshot({ path: path.join(screenshotDir, 'options-kiosk-es.png') });
    assert.deepEqual(await axe(page), []);

    await page.locator('#audience-switch input[value="clinician"]').check();
    await page.waitForSelector('html[data-audience="clinician"]');
    const compact = page.locator('#plan [data-options]');
    await compact.waitFor({ state: 'visible' });
    assert.equal(await page.locator('[data-options-in-questions]').count(), 0, 'clinicians: in the plan, not in the questions');
    assert.equal(await compact.locator('table th[scope="col"]').count(), 3);
    assert.match(await compact.locator('[data-options-referral]').innerText(), /Intervenciones Basadas en la Evidencia/);
    await compact.screenshot({ path: path.join(screenshotDir, 'options-kiosk-clinician-es.png') });
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});
