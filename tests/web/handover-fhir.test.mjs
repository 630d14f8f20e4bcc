// FHIR on the page (web/handover.js, web/about.js): "Save answers (FHIR)" writes this version's
// QuestionnaireResponse (when it was saved, in progress while a question the plan needs is open,
// the Questionnaire of the wording and language shown); "Open answers (FHIR)" reads a file whose
// answers were still being given with the engine's notice beside the plan, takes an answer nested
// anywhere in the file (a cauda equina "yes" under another question: the emergency plan), and
// refuses a file of another status or with an answer given twice with the engine's clear error,
// leaving the plan on the page as it was. The intended-use page gives the Questionnaire in its
// language and wording, and the code systems. Nothing leaves the origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startAid, openPage, chooseAudience, fillFrom, vector, screenshotDir, repoRoot, VIEWPORTS } from './support.mjs';
import { loadRecords } from '../wasm/load-engine.mjs';
import { SIGNED_OFF } from './settings-presets.mjs';

let aid;
let engine;
before(async () => { aid = await startAid({ settings: SIGNED_OFF }); engine = await loadRecords(); });
after(async () => { await aid?.close(); });

const fhirCase = (name) => JSON.parse(readFileSync(path.join(repoRoot, 'tests/vectors/fhir', `${name}.json`), 'utf8')).input;
const planText = (page) => page.locator('#plan-body').evaluate((node) => node.textContent);

async function open(page, resource, name = 'answers.json') {
  await page.locator('#open-fhir-file').setInputFiles({ name, mimeType: 'application/fhir+json', buffer: Buffer.from(JSON.stringify(resource)) });
}

async function save(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#save-fhir').click()]);
  return JSON.parse(readFileSync(await download.path(), 'utf8'));
}

test('handover-fhir: Save writes when and whether the answers are complete; an in-progress file opens with its notice', async () => {
  const { page, context, offOrigin, consoleErrors } = await openPage(aid, { viewport: VIEWPORTS.desk, serviceWorkers: 'block' });
  try {
    await chooseAudience(page, 'clinician');
    // The emergency: only the saddle question answered, the rest never asked.
    await fillFrom(page, vector('emergency-saddle-anesthesia-only-answer').input);
    await page.waitForSelector('#plan[data-triage="emergency"]');
    const before = Date.now();
    const saved = await save(page);
    assert.equal(saved.resourceType, 'QuestionnaireResponse');
    assert.equal(saved.status, 'in-progress', 'questions the plan needs are open');
    assert.ok(Math.abs(Date.parse(saved.authored) - before) < 60000, `authored ${saved.authored}`);
    assert.match(saved.questionnaire, /\/Questionnaire\/radiculo-clinician-en\|/);
    assert.equal(saved.language, 'en');

    await page.locator('#start-again').click();
    await chooseAudience(page, 'clinician');
    await open(page, saved);
    await page.waitForSelector('#plan[data-triage="emergency"]');
    const notice = await page.locator('#page-notice').textContent();
    assert.match(notice, /Opened the answers from the file/);
    assert.match(notice, /still being given \(status in-progress\)/, 'the engine\'s notice, beside the plan');
    await page.locator('#page-notice').screenshot({ path: path.join(screenshotDir, 'handover-fhir-in-progress-notice.png') });

    // Every question answered: completed, and the same plan again.
    await page.locator('#start-again').click();
    await chooseAudience(page, 'clinician');
    await fillFrom(page, vector('conservative-typical').input);
    await page.waitForSelector('#plan[data-triage="conservative"]');
    const complete = await save(page);
    assert.equal(complete.status, 'completed');
    assert.deepEqual(JSON.parse(engine.fromQuestionnaireResponse(JSON.stringify(complete))).assessment,
      { language: 'en', audience: 'clinician', ...vector('conservative-typical').input });
    assert.deepEqual(offOrigin, []);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await context.close();
  }
});

test('handover-fhir: a "yes" nested under another question opens the emergency plan; other statuses and a contradiction are refused', async () => {
  const { page, context, offOrigin } = await openPage(aid, { viewport: VIEWPORTS.desk, serviceWorkers: 'block' });
  try {
    await chooseAudience(page, 'clinician');
    await open(page, fhirCase('nested-yes-under-an-answer'));
    await page.waitForSelector('#plan[data-triage="emergency"]');
    assert.match(await page.locator('#page-notice').textContent(), /Opened the answers from the file/);
    const emergency = await planText(page);

    for (const [name, message] of [
      ['status-entered-in-error-is-refused', /\/status has the status "entered-in-error": only completed, amended or in-progress answers are read/],
      ['status-stopped-is-refused', /\/status has the status "stopped"/],
      ['nested-yes-contradicts-a-no-under-an-answer', /\/item\/1\/item\/0\/answer\/0\/item\/0\/linkId is answered twice: saddleAnesthesia/],
    ]) {
      await open(page, fhirCase(name), `${name}.json`);
      await page.waitForFunction((pattern) => new RegExp(pattern).test(document.getElementById('handover-status').textContent), message.source);
      const status = await page.locator('#handover-status').textContent();
      assert.match(status, /could not be opened as Radiculo answers/, name);
      assert.equal(await planText(page), emergency, `${name}: the plan on the page stays`);
    }
    await page.locator('#handover').screenshot({ path: path.join(screenshotDir, 'handover-fhir-refused.png') });
    assert.deepEqual(offOrigin, []);
  } finally {
    await context.close();
  }
});

test('handover-fhir: the intended-use page gives the Questionnaire of its language and wording, and the code systems', async () => {
  const { page, context, offOrigin } = await openPage(aid, { viewport: VIEWPORTS.desk, serviceWorkers: 'block', url: `${aid.server.url}about.html?lang=es&audience=patient` });
  try {
    const [questionnaireFile] = await Promise.all([page.waitForEvent('download'), page.locator('[data-fhir-questionnaire]').click()]);
    const questionnaire = JSON.parse(readFileSync(await questionnaireFile.path(), 'utf8'));
    assert.deepEqual(questionnaire, JSON.parse(engine.fhirQuestionnaire('patient', 'es')));
    assert.equal(questionnaireFile.suggestedFilename(), `radiculo-patient-es-${questionnaire.version}.json`);
    const [codeSystemsFile] = await Promise.all([page.waitForEvent('download'), page.locator('[data-fhir-code-systems]').click()]);
    assert.deepEqual(JSON.parse(readFileSync(await codeSystemsFile.path(), 'utf8')), JSON.parse(engine.fhirCodeSystems()));
    await page.locator('[data-fhir-code-systems]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(screenshotDir, 'handover-fhir-about-downloads.png') });
    assert.deepEqual(offOrigin, []);
  } finally {
    await context.close();
  }
});
