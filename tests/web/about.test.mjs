// "Show the basis" through the real page: the intended-use page (a dialog on the main page, and
// about.html on its own) renders every section from the engine's content() and schema(); opening and
// closing it keeps the answers; "What would change this" shows the engine's whatWouldChange for each
// phase; patients see where guidelines disagree in one plain sentence; a passed review date is said
// plainly in the footer, the intended-use page and the printout.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startAid, openPage, chooseAudience, fillFrom, fillFast, clearAnswers, vector, enginePlan, screenshotDir, VIEWPORTS, preparePrint } from './support.mjs';
import { SIGNED_OFF } from './settings-presets.mjs';

const SECTIONS = ['purpose', 'forWhom', 'notFor', 'dataUse', 'attributes', 'inputsChecked', 'inputs', 'triageRules',
  'recommendations', 'optionsComparison', 'limits', 'developer', 'funding', 'references', 'dates'];
const LADDER = ['emergency', 'check-now', 'out-of-scope', 'urgent', 'priority', 'incomplete', 'reassess', 'conservative'];

let aid;
before(async () => { aid = await startAid({ settings: SIGNED_OFF }); });
after(async () => { await aid?.close(); });

// The answers only: the options comparison's choice of card (a view of the plan, shown in the patient
// wording) is not an answer.
const formState = (page) => page.evaluate(() => ({
  checked: Array.from(document.querySelectorAll('#questions input:checked:not([data-options-pick] input)')).map((input) => `${input.name}=${input.value}`),
  typed: Array.from(document.querySelectorAll('#questions input[type="text"]')).map((input) => input.value),
  triage: document.getElementById('plan').getAttribute('data-triage'),
}));

/** Every section present, generated from this content (not a copy): counts match content() and schema(). */
async function assertAllSections(page, root, content, audience) {
  for (const id of SECTIONS) assert.equal(await page.locator(`${root} [data-about-section="${id}"]`).count(), 1, id);
  for (const key of ['purpose', 'notFor', 'optionsComparison', 'limits', 'attributes', 'funding', 'developer']) {
    const text = await page.locator(`${root} [data-about-section="${key}"]`).innerText();
    assert.ok(text.includes(content.intendedUse[key][audience]), key);
  }
  const inputs = page.locator(`${root} [data-input]`);
  assert.equal(await inputs.count(), Object.keys(content.questions).length, 'every question');
  assert.equal(await page.locator(`${root} [data-input] .about__check`).count(), Object.keys(content.questions).length, 'every check');
  const pain = await page.locator(`${root} [data-input="painScore"]`).innerText();
  assert.ok(pain.includes(content.questions.painScore[audience].text));
  assert.match(pain, /0\D+10/, 'pain range from the schema');
  const rules = await page.locator(`${root} [data-triage-rule]`).evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-triage-rule')));
  assert.deepEqual(rules, LADDER, 'the triage rules, in order');
  const rows = Object.values(content.triageTable).reduce((sum, list) => sum + list.length, 0);
  assert.equal(await page.locator(`${root} [data-rec][data-when]`).count(), rows, 'every recommendation row of every triage');
  const injection = await page.locator(`${root} [data-triage-rows="reassess"] [data-rec="transforaminal-steroid-consider"]`).innerText();
  assert.ok(injection.includes(content.conditionDescriptions.injectionCriteriaMet[audience]), 'trigger described');
  assert.equal(await page.locator(`${root} [data-about-section="references"] .ref`).count(), content.references.length);
  assert.equal(await page.locator(`${root} [data-about-section="references"] .ref__beyond`).count(),
    content.references.filter((reference) => reference.beyondSource).length, 'beyond-source marks');
  const dates = await page.locator(`${root} [data-about-section="dates"]`).innerText();
  // The dates in words, in the page's language ("1 de diciembre de 2026"), as the print sheet's date.
  const inWords = await page.evaluate((c) => [c.contentReleased, c.reviewDue].map((iso) => window.Radiculo.words.formatDate(iso, c)), content);
  for (const value of [...inWords, content.contentVersion]) assert.ok(dates.includes(value), value);
  assert.ok(!dates.includes(content.contentReleased), 'no raw ISO date');
  // The review status comes from a record (content/review.json): none yet, so 'pending' and no review date.
  assert.deepEqual(content.contentReviewed, { clinician: null, patient: null }, 'no review of either wording on record');
  assert.ok(dates.includes(content.reviewStatus[audience]), 'review status');
  assert.doesNotMatch(dates, /reviewed (on )?\d{4}-\d{2}-\d{2}/, 'no review date without a record');
  assert.ok(dates.includes(content.translationReview), 'translation review');
}

test('about: the intended-use dialog renders every section, and opening and closing it keeps the answers', async () => {
  const { page, context, consoleErrors } = await openPage(aid, { viewport: VIEWPORTS.desk });
  try {
    await chooseAudience(page, 'clinician');
    await fillFrom(page, vector('reassess-candidate-contained-l5-s1').input);
    await page.waitForSelector('#plan[data-triage="reassess"]');
    const before = await formState(page);
    const content = await page.evaluate(() => window.Radiculo.engineClient.engine.content('en'));

    await page.locator('#about-link').click();
    await page.locator('#about-dialog[open]').waitFor();
    assert.equal(await page.locator('#about-dialog-title').innerText(), content.intendedUse.title.clinician);
    await assertAllSections(page, '#about-dialog', content, 'clinician');
    await page.screenshot({ path: path.join(screenshotDir, 'about-dialog-clinician-desk.png') });
    await page.locator('#about-dialog [data-about-close]').click();
    await page.locator('#about-dialog').waitFor({ state: 'hidden' });
    assert.deepEqual(await formState(page), before, 'answers and plan unchanged');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'about-link', 'focus back where it was');

    // Patient wording, Spanish, closed with Escape: still the same answers.
    await page.locator('#audience-switch input[value="patient"]').check();
    await page.locator('#language-select').selectOption('es');
    await page.waitForSelector('html[lang="es"]');
    const spanish = await page.evaluate(() => window.Radiculo.engineClient.engine.content('es'));
    await page.setViewportSize(VIEWPORTS.tablet);
    await page.locator('#about-link').click();
    await page.locator('#about-dialog[open]').waitFor();
    await assertAllSections(page, '#about-dialog', spanish, 'patient');
    await page.screenshot({ path: path.join(screenshotDir, 'about-dialog-patient-es-tablet.png') });
    await page.keyboard.press('Escape');
    await page.locator('#about-dialog').waitFor({ state: 'hidden' });
    assert.deepEqual(await formState(page), before);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

test('about: about.html on its own renders the same sections (direct link, printing)', async () => {
  const { page, context, consoleErrors } = await openPage(aid, {
    viewport: VIEWPORTS.tablet, url: `${aid.server.url}about.html?lang=es&audience=patient`,
  });
  try {
    assert.equal(await page.getAttribute('html', 'lang'), 'es');
    await page.locator('[data-about-section="dates"]').waitFor();
    const content = await page.evaluate(() => window.Radiculo.engineClient.engine.content('es'));
    assert.equal(await page.locator('#about-title').innerText(), content.intendedUse.title.patient);
    await assertAllSections(page, '#about-root', content, 'patient');
    await page.screenshot({ path: path.join(screenshotDir, 'about-page-patient-es-tablet.png'), fullPage: true });
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

test('about: "what would change this" shows the engine\'s answer in every phase', async () => {
  const { page, context } = await openPage(aid, { viewport: VIEWPORTS.desk });
  try {
    await chooseAudience(page, 'clinician');
    const content = await page.evaluate(() => window.Radiculo.engineClient.engine.content('en'));
    const short = (key) => content.questions[key].clinician.short;

    // Incomplete, through the page as a person answers: osteoporosis left open -> osteoporosis,
    // within 2 weeks if yes; all no would be reassessment.
    const incomplete = vector('incomplete-even-after-failed-care').input;
    await fillFrom(page, incomplete);
    await page.waitForSelector('#plan[data-triage="incomplete"]');
    const plan = await enginePlan(page, { ...incomplete, audience: 'clinician' });
    assert.deepEqual(plan.whatWouldChange.askNext, [{
      flag: 'osteoporosis', triageIfYes: 'priority', label: short('osteoporosis'), triageIfYesLabel: content.triages.priority.clinician,
    }]);
    const block = page.locator('#plan-body > [data-what-would-change="incomplete"]');
    const asked = await block.locator('[data-wwc="askNext"] li').evaluateAll((nodes) => nodes.map((n) => [n.getAttribute('data-flag'), n.getAttribute('data-triage-if-yes')]));
    assert.deepEqual(asked, [['osteoporosis', 'priority']]);
    const text = await block.innerText();
    assert.ok(text.includes(short('osteoporosis')) && text.includes(content.triages.priority.clinician), text);
    const range = block.locator('[data-wwc="range"]');
    assert.equal(await range.getAttribute('data-best'), 'reassess');
    assert.equal(await range.getAttribute('data-worst'), 'priority');
    assert.ok((await range.innerText()).includes(content.triages.reassess.clinician));
    // The question links back to its question.
    await block.locator('[data-wwc="askNext"] a').click();
    assert.equal(await page.evaluate(() => document.activeElement.name), 'osteoporosis');
    // ...and answering it yes makes the plan priority, as announced; what would make it sooner is listed.
    await page.locator('#q-osteoporosis input[value="yes"]').check();
    await page.waitForSelector('#plan[data-triage="priority"]');
    const later = await enginePlan(page, { ...incomplete, redFlags: { ...incomplete.redFlags, osteoporosis: true } });
    assert.equal(later.triage, 'priority');

    // Conservative: when to reassess, what brings you back early (grouped by triage), not improving.
    const conservative = vector('conservative-typical').input;
    await clearAnswers(page);
    await fillFast(page, conservative);
    await page.waitForSelector('#plan[data-triage="conservative"]');
    const conservativePlan = await enginePlan(page, conservative);
    const change = conservativePlan.whatWouldChange;
    const wwc = page.locator('#plan-body > [data-what-would-change="conservative"]');
    assert.ok((await wwc.locator('[data-wwc="reassessInWeeks"]').innerText()).includes(`${conservativePlan.reassessInWeeks} weeks`));
    assert.ok((await wwc.locator('[data-wwc="ifNotImproving"]').innerText()).includes(content.triages.reassess.clinician));
    const groups = await wwc.locator('[data-wwc="returnEarlyIf"] li').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-triage')));
    assert.deepEqual(groups, Array.from(new Set(change.returnEarlyIf.map((entry) => entry.triageIfYes))));
    const emergencyGroup = await wwc.locator('[data-wwc="returnEarlyIf"] li[data-triage="emergency"]').innerText();
    for (const entry of change.returnEarlyIf.filter((e) => e.triageIfYes === 'emergency')) assert.ok(emergencyGroup.includes(short(entry.flag)));

    // Reassess: what would add or remove lines, named by their texts.
    const reassess = vector('reassess-not-candidate-prior-mri').input;
    await page.evaluate(() => { for (const input of document.querySelectorAll('#questions input:checked')) input.checked = false; });
    await fillFast(page, reassess);
    await page.waitForSelector('#plan[data-triage="reassess"]');
    const whatIf = (await enginePlan(page, reassess)).whatWouldChange.whatIf;
    const cases = page.locator('#plan-body > [data-what-would-change="reassess"] [data-wwc="whatIf"] > li');
    assert.equal(await cases.count(), whatIf.length);
    for (let i = 0; i < whatIf.length; i += 1) {
      const adds = await cases.nth(i).locator('.wwc__recs--adds li').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-rec')));
      const removes = await cases.nth(i).locator('.wwc__recs--removes li').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-rec')));
      assert.deepEqual(adds, whatIf[i].adds);
      assert.deepEqual(removes, whatIf[i].removes);
      const caseText = await cases.nth(i).innerText();
      for (const id of whatIf[i].adds) assert.ok(caseText.includes(content.recommendations[id].clinician), id);
    }
    assert.ok((await cases.nth(1).innerText()).includes('L4-L5'));
    await page.locator('#plan-body > [data-what-would-change="reassess"]').screenshot({ path: path.join(screenshotDir, 'what-would-change-reassess-desk.png') });
  } finally {
    await context.close();
  }
});

test('about: patients see where guidelines disagree in one plain sentence; clinicians see it beside the line too', async () => {
  const { page, context } = await openPage(aid, { viewport: VIEWPORTS.tablet });
  try {
    await chooseAudience(page, 'patient');
    const { input } = vector('conservative-spasm-severe-pain');
    await fillFast(page, input);
    await page.waitForSelector('#plan[data-triage="conservative"]');
    const plan = await enginePlan(page, { ...input, audience: 'patient' });
    await page.locator('#plan details.more > summary').click(); // patients: every line is one tap away
    for (const line of plan.recommendations) {
      const disagreeing = line.evidenceNotes.filter((note) => note.stance !== 'agrees');
      const shown = page.locator(`[data-rec-id="${line.id}"] > .rec__body > .rec__note`);
      assert.equal(await shown.count(), disagreeing.length, line.id);
      for (let i = 0; i < disagreeing.length; i += 1) {
        assert.ok(await shown.nth(i).isVisible());
        assert.ok((await shown.nth(i).innerText()).includes(disagreeing[i].text));
      }
    }
    assert.ok(await page.locator('[data-rec-id="muscle-relaxant-for-spasm"] .rec__note').isVisible(), 'muscle relaxant: guidelines disagree');
    await page.locator('[data-rec-id="muscle-relaxant-for-spasm"]').screenshot({ path: path.join(screenshotDir, 'patient-guidelines-disagree-tablet.png') });

    await page.locator('#audience-switch input[value="clinician"]').check();
    await page.waitForSelector('html[data-audience="clinician"]');
    // Clinicians too see a disagreement beside its line, with its citation; agreeing notes stay under "Why?".
    const clinicianPlan = await enginePlan(page, { ...input, audience: 'clinician' });
    const disagreeing = clinicianPlan.recommendations.flatMap((line) => line.evidenceNotes).filter((n) => n.stance !== 'agrees');
    assert.equal(await page.locator('.rec__note').count(), disagreeing.length, 'clinicians: every disagreement inline');
    const item = page.locator('[data-rec-id="muscle-relaxant-for-spasm"]');
    const note = clinicianPlan.recommendations.find((line) => line.id === 'muscle-relaxant-for-spasm').evidenceNotes[0];
    const inline = await item.locator('.rec__note').innerText();
    assert.ok(inline.includes('Conflicts') && inline.includes(note.text));
    assert.equal(await item.locator('.rec__note a[href="#ref-6"]').count(), 1, 'the note cites NICE');
    assert.ok(await page.locator('[data-plan-summary] [data-summary-id="muscle-relaxant-for-spasm"] [data-note-stance="conflicts"]').isVisible(), 'tagged in the summary');
  } finally {
    await context.close();
  }
});

test('about: once the review date has passed, the footer, the intended-use page and the printout say so', async () => {
  const { page, context } = await openPage(aid, { viewport: VIEWPORTS.tablet });
  try {
    assert.equal(await page.locator('#review-due').isVisible(), false, 'not due yet today');
    const due = await page.evaluate(() => window.Radiculo.engineClient.engine.content('en').reviewDue);
    const [y, m, d] = due.split('-').map(Number);
    await page.clock.setFixedTime(new Date(y, m - 1, d + 7, 12));
    await page.reload();
    await page.waitForSelector('html[data-engine="ready"]');
    const expected = `This content was due for review on ${new Date(y, m - 1, d).toLocaleDateString('en', { day: 'numeric', month: 'long', year: 'numeric' })}.`;
    assert.equal(await page.locator('#review-due').innerText(), expected);
    await chooseAudience(page, 'patient');
    await fillFast(page, vector('conservative-typical').input);
    await page.waitForSelector('#plan[data-triage="conservative"]');
    await preparePrint(page);
    assert.ok((await page.locator('[data-print-sheet] .print-sheet__overdue').textContent()).includes(expected), 'printout');
    await page.locator('#about-link').click();
    assert.equal(await page.locator('#about-dialog [data-review-overdue]').innerText(), expected, 'intended-use page');
    await page.keyboard.press('Escape');
    await page.locator('#footer').screenshot({ path: path.join(screenshotDir, 'footer-review-overdue-tablet.png') });
    if (new Date().toISOString().slice(0, 10) > due) console.log(`# WARNING: the content was due for review on ${due}`);
  } finally {
    await context.close();
  }
});
