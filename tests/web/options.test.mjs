// The options comparison through the real page, one browser: at the reassess step a patient sees it
// just before "Are you open to surgery or an injection?" (stacked cards on a phone, side by side on
// a kiosk screen), with the neutral frame and the not-a-choice line; "what matters most to me" is
// printed with the plan and changes nothing the engine decides; a red flag answered yes takes the
// comparison away at once. On a narrow screen one option's card shows at a time, chosen above the
// cards (by keyboard too). Clinicians see a compact table with the referral criteria beside it.
// What matters most travels in the take-home code beside the answers, never among them; an older
// code without it still opens. The printed comparison stays on one page, A4 and Letter.
// axe-clean on each screen; screenshots in test-results/screenshots/options-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  startAid, openPage, chooseAudience, fillFast, toQuestion, toPlan, answer, vector, axe, screenshotDir, outputDir, VIEWPORTS, preparePrint,
} from './support.mjs';
import { SIGNED_OFF } from './settings-presets.mjs';


let aid;
before(async () => { aid = await startAid({ settings: SIGNED_OFF }); });
after(async () => { await aid?.close(); });


/** The top of each option's card, in the columns' order. */
const cardTops = (page, scope) => page.locator(`${scope} [data-option]`).evaluateAll((cards) => cards.map((card) => Math.round(card.getBoundingClientRect().top)));

/** The options whose cards are on screen, in the columns' order. */
const cardsShown = (page, scope) => page.locator(`${scope} [data-option]`).evaluateAll((cards) => cards
  .filter((card) => card.getClientRects().length > 0).map((card) => card.getAttribute('data-option')));

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
    // A phone shows one option's card at a time, the first at first, chosen above the cards; the
    // choice comes before the card it shows (the order a screen reader reads), and arrow keys move it.
    const pick = grid.locator('[data-options-pick]');
    assert.equal(await pick.isVisible(), true);
    assert.match(await pick.locator('legend').innerText(), /one option at a time/);
    assert.deepEqual(await cardsShown(page, '[data-options-in-questions]'), ['conservative']);
    assert.equal(await pick.evaluate((node) => Boolean(node.compareDocumentPosition(document.getElementById('questions-card-conservative')) & Node.DOCUMENT_POSITION_FOLLOWING)), true);
    await pick.getByRole('radio', { name: 'Operation (microdiscectomy)' }).check();
    assert.deepEqual(await cardsShown(page, '[data-options-in-questions]'), ['operation']);
    await pick.getByRole('radio', { name: 'Operation (microdiscectomy)' }).focus();
    await page.keyboard.press('ArrowUp');
    assert.deepEqual(await cardsShown(page, '[data-options-in-questions]'), ['injection'], 'the arrow keys choose the option shown');
    // Every option's cells are there for a screen reader once its card is shown; none is lost.
    assert.equal(await grid.locator('[data-cell]').count(), 3 * (await grid.locator('[data-option="conservative"] dd').count()));
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'no sideways scrolling');
    await grid.screenshot({ path: path.join(screenshotDir, 'options-phone-questions.png') });
    assert.deepEqual(await axe(page), []);
    // How long the comparison is at 360 px (the narrowest phone the page is made for), each option shown.
    await page.setViewportSize({ width: 360, height: 740 });
    const heights = [];
    for (const id of ['conservative', 'injection', 'operation']) {
      await pick.locator(`input[value="${id}"]`).check();
      heights.push(Math.round((await grid.boundingBox()).height));
    }
    console.log(`# options at 360 px: the comparison is ${heights.join(' / ')} px high with the conservative / injection / operation card shown`);
    assert.ok(Math.max(...heights) < 3000, `one card at a time keeps it short: ${heights}`);
    await page.setViewportSize(VIEWPORTS.phone);
    await pick.locator('input[value="conservative"]').check();

    // "What matters most to me": printed with the plan; the plan itself stays exactly as it was.
    await grid.getByRole('radio', { name: 'Avoiding an operation', exact: true }).check();
    await toPlan(page);
    assert.deepEqual(await planShown(page), decided);
    await preparePrint(page); // the take-home sheet is built when the plan is printed
    assert.equal(await page.locator('[data-print-options] [data-options-chosen]').textContent(),
      'What matters most to me (you can skip this): Avoiding an operation');
    await page.locator('#plan [data-options] details.options__more > summary').click();
    assert.deepEqual(await cardsShown(page, '#plan [data-options]'), ['conservative'], 'one card at a time in the plan too');
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
    assert.equal(await grid.locator('[data-options-pick]').isVisible(), false, 'no choice of option where all three show');
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

/** A take-home code for these answers, with what matters most beside them (the page's own encoder). */
const codeFor = (page, input, preference) => page.evaluate(async ({ input, preference }) => {
  const engine = window.Radiculo.engineClient.engine;
  await window.Radiculo.handover.whenCodeReady(); // the code's part, loaded when a code is first wanted
  return window.Radiculo.answerCode.encode(input, engine.schema(), engine.version().contentVersion, preference);
}, { input, preference });

test('options: what matters most travels in the take-home code beside the answers, never among them; an older code without it still opens', async () => {
  const { page, context, consoleErrors } = await openPage(aid, { viewport: VIEWPORTS.phone, serviceWorkers: 'block', locale: 'en-US' });
  try {
    const input = Object.assign({ audience: 'patient', language: 'en' }, vector('options-reassess-patient').input);
    const code = await codeFor(page, input, 'avoidOperation');
    const plain = await codeFor(page, input, '');
    // The answers read back from the code are the answers given: what matters most is beside them.
    const read = await page.evaluate(({ code, plain }) => {
      const schema = window.Radiculo.engineClient.engine.schema();
      // An R2 code (before what matters most travelled): the same code without that part, its check made again.
      const body = `R2${plain.slice(2, plain.indexOf('**') + 1)}${plain.slice(plain.indexOf('**') + 2, -3)}`;
      let value = 0x811c9dc5;
      for (let i = 0; i < body.length; i += 1) { value ^= body.charCodeAt(i); value = Math.imul(value, 0x01000193) >>> 0; }
      const older = body + (value % 36 ** 3).toString(36).toUpperCase().padStart(3, '0');
      const { decode } = window.Radiculo.answerCode;
      return { withPreference: decode(code, schema), without: decode(plain, schema), older, fromOlder: decode(older, schema) };
    }, { code, plain });
    assert.match(code, /^R3/);
    assert.equal(read.withPreference.preference, 'AVOIDOPERATION');
    assert.deepEqual(read.withPreference.assessment, read.without.assessment);
    assert.equal('preference' in read.withPreference.assessment, false, 'never among the answers the engine reads');
    assert.equal(read.fromOlder.ok, true, `an R2 code opens: ${read.older}`);
    assert.equal(read.fromOlder.preference, '');
    assert.deepEqual(read.fromOlder.assessment, read.without.assessment);

    // The phone opens the code: the plan of these answers, what matters most shown beside it; the
    // engine gives the very plan it gives for the same answers without it (and for the older code).
    const opened = [];
    for (const [name, text] of [['with', code], ['without', plain], ['older', read.older]]) {
      await page.goto('about:blank'); // a code acts when a page loads
      await page.goto(`${aid.server.url}#${text}`);
      await page.waitForSelector('#plan[data-triage="reassess"]');
      opened.push({ name, plan: await planShown(page), chosen: await page.locator('#plan [data-options] [data-options-chosen]').innerText() });
      if (name === 'with') {
        assert.equal(await page.locator('#plan [data-options] [data-options-chosen]').isVisible(), true);
        await page.locator('#plan [data-options]').screenshot({ path: path.join(screenshotDir, 'options-phone-code-opened.png') });
        // The same choice is there in the questions, and a code made now carries it again.
        await preparePrint(page);
        assert.match(await page.locator('[data-print-options] [data-options-chosen]').textContent(), /Avoiding an operation/);
        assert.equal(await page.evaluate(() => window.Radiculo.optionsView.chosen().toUpperCase()), 'AVOIDOPERATION');
      }
    }
    assert.equal(opened[0].chosen, 'What matters most to me (you can skip this): Avoiding an operation');
    assert.equal(opened[1].chosen, '');
    assert.equal(opened[2].chosen, '');
    assert.deepEqual(opened[0].plan, opened[1].plan, 'what matters most changes nothing the engine decides');
    assert.deepEqual(opened[2].plan, opened[1].plan, 'the older code opens to the same plan');
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

/** The pages of a PDF (poppler-utils), and the page on which each text first appears (0 if on none). */
function pdfPages(file, texts) {
  const squash = (text) => String(text).replace(/\s+/g, ' ').replace(/-/g, '').trim();
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))[1]);
  const byPage = Array.from({ length: pages }, (unused, index) => squash(execFileSync('pdftotext', ['-f', String(index + 1), '-l', String(index + 1), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })));
  return { pages, at: texts.map((text) => byPage.findIndex((page) => page.includes(squash(text))) + 1) };
}

test('options: the printed comparison, a reassess plan and a long-standing plan, both languages and audiences, A4 and Letter: on one page', async () => {
  const printDir = path.join(outputDir, 'print');
  mkdirSync(printDir, { recursive: true });
  const counts = [];
  for (const [name, combinations] of [
    ['options-reassess-patient', [['patient', 'en'], ['clinician', 'es']]],
    ['options-long-standing-26-weeks-clinician', [['clinician', 'en'], ['patient', 'es']]],
  ]) {
    const { page, context } = await openPage(aid, { viewport: VIEWPORTS.desk, serviceWorkers: 'block', locale: 'en-US' });
    try {
      const { input, expect } = vector(name);
      await chooseAudience(page, combinations[0][0]);
      await fillFast(page, input);
      await page.waitForSelector(`#plan[data-triage="${expect.triage}"]`);
      for (const [audience, language] of combinations) {
        if (await page.getAttribute('html', 'lang') !== language) await page.locator('#language-select').selectOption(language);
        if (await page.getAttribute('html', 'data-audience') !== audience) await page.locator(`#audience-switch input[value="${audience}"]`).check();
        // A patient switched to is taken back to the questions: the plan is drawn behind them.
        await page.waitForSelector(`html[lang="${language}"][data-audience="${audience}"] #plan[data-triage="${expect.triage}"] [data-options]`, { state: 'attached' });
        const plan = await page.evaluate((assessment) => window.Radiculo.engineClient.engine.evaluate(assessment), { ...input, audience, language });
        const last = plan.options.rows[plan.options.rows.length - 1];
        const ends = [plan.options.title, plan.options.notAChoice.text, plan.options.rows[0].cells[0].text, last.cells[last.cells.length - 1].text];
        for (const format of ['A4', 'Letter']) {
          const file = path.join(printDir, `options-${name}-${audience}-${language}-${format}.pdf`);
          await preparePrint(page);
          await page.emulateMedia({ media: 'print' });
          // Letter: the paper a printer in the US holds, whatever size the sheet asks for.
          await page.pdf({ path: file, format, preferCSSPageSize: format === 'A4' });
          await page.emulateMedia({ media: 'screen' });
          const { pages, at } = pdfPages(file, ends);
          assert.ok(at.every((where) => where > 0), `${name} ${audience} ${language} ${format}: the whole comparison is printed (${at})`);
          assert.equal(new Set(at).size, 1, `${name} ${audience} ${language} ${format}: the comparison on one page (${at})`);
          counts.push(`${name} ${audience} ${language} ${format}: comparison on page ${at[0]} of ${pages}`);
          if (format === 'A4') execFileSync('pdftoppm', ['-png', '-gray', '-r', '70', '-f', String(at[0]), '-l', String(at[0]), file, file.replace(/\.pdf$/, '')]);
        }
      }
    } finally {
      await context.close();
    }
  }
  console.log(`# options printed: ${counts.join('; ')}`);
});
